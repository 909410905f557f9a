import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CorpusExample } from '../corpus.js';
import { FEATURE_BITS, FEATURE_COUNT } from './features.js';
import type { LinearModel } from './softmax-regression.js';

/** The trained weights, written by `pnpm triage:train`, so the server need not train them at start. */
export const DEFAULT_MODEL_FILE = fileURLToPath(new URL('../../../triage-data/intent-weights.bin.gz', import.meta.url));

/** What the weights depend on; reading the file with any other yields nothing, and the server trains. */
export interface WeightsOrigin {
  readonly examples: readonly CorpusExample[];
  readonly settings: { epochs: number; learningRate: number; l2: number; secondaryShare: number };
  readonly seed: number;
}

export function weightsFingerprint({ examples, settings, seed }: WeightsOrigin): string {
  const { epochs, learningRate, l2, secondaryShare } = settings;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ epochs, learningRate, l2, secondaryShare, seed, featureBits: FEATURE_BITS }));
  for (const e of examples) hash.update(`${e.intent}\t${e.secondary ?? ''}\t${e.text}\n`);
  return hash.digest('hex');
}

/**
 * Only the feature rows the corpus touched are kept (about 77k of 262k): a header line of JSON, then the
 * rows' indices (uint32) and their weights (float32, exactly as trained), gzipped.
 */
export async function writeWeights(file: string, model: LinearModel, origin: WeightsOrigin): Promise<number> {
  const { classes, weights } = model;
  const rows: number[] = [];
  for (let row = 0; row < FEATURE_COUNT; row += 1) {
    if (weights.subarray(row * classes, (row + 1) * classes).some((w) => w !== 0)) rows.push(row);
  }
  const kept = new Float32Array(rows.length * classes);
  rows.forEach((row, i) => kept.set(weights.subarray(row * classes, (row + 1) * classes), i * classes));
  const header = JSON.stringify({ fingerprint: weightsFingerprint(origin), classes, rows: rows.length });
  const body = Buffer.concat([
    Buffer.from(`${header}\n`),
    Buffer.from(Uint32Array.from(rows).buffer),
    Buffer.from(kept.buffer),
  ]);
  const zipped = gzipSync(body, { level: 9 });
  await writeFile(file, zipped);
  return zipped.length;
}

/** The weights in `file` when they were trained from exactly this origin; null otherwise (or no file). */
export async function readWeights(file: string, origin: WeightsOrigin): Promise<LinearModel | null> {
  let body: Buffer;
  try {
    body = gunzipSync(await readFile(file));
  } catch {
    return null;
  }
  const end = body.indexOf(0x0a);
  const header = JSON.parse(body.subarray(0, end).toString('utf8')) as {
    fingerprint: string;
    classes: number;
    rows: number;
  };
  if (header.fingerprint !== weightsFingerprint(origin)) return null;
  const { classes, rows } = header;
  // Copied out so the typed arrays start aligned.
  const bytes = body.subarray(end + 1);
  const indices = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + rows * 4));
  const kept = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + rows * 4, bytes.byteOffset + rows * 4 + rows * classes * 4),
  );
  const weights = new Float32Array(FEATURE_COUNT * classes);
  indices.forEach((row, i) => weights.set(kept.subarray(i * classes, (i + 1) * classes), row * classes));
  return { classes, weights };
}
