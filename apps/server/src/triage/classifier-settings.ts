import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_SETTINGS_FILE = fileURLToPath(new URL('../../triage-data/classifier.json', import.meta.url));

/**
 * The classifier's hyperparameters and calibration. `pnpm triage:train` chooses the calibration by
 * leave-one-writer-out cross-validation on the training corpus and writes this file beside the weights
 * (intent-weights.bin.gz); the server reads both at start. Temperature and thresholds apply at reading.
 */
export const ClassifierSettings = z.strictObject({
  epochs: z.number().int().min(1).max(50),
  learningRate: z.number().positive(),
  l2: z.number().min(0),
  firstAskWeight: z.number().min(0),
  secondaryShare: z.number().min(0).max(0.5),
  temperature: z.number().positive(),
  /** Below this calibrated confidence a message is `unknown`. */
  threshold: z.number().min(0).max(1),
  /** A runner-up at least this likely is the message's second ask. */
  secondaryThreshold: z.number().min(0).max(1),
});
export type ClassifierSettings = z.infer<typeof ClassifierSettings>;

export function loadClassifierSettings(file = DEFAULT_SETTINGS_FILE): ClassifierSettings {
  return ClassifierSettings.parse(JSON.parse(readFileSync(file, 'utf8')));
}
