import path from 'node:path';
import type { ClassifierSettings } from './classifier-settings.js';
import type { Corpus } from './corpus.js';
import { CORRECTIONS_SOURCE } from './corrections-corpus.js';
import { evalFiles, readEvalFile } from './eval-set.js';
import { createIntentClassifier, type IntentClassifier } from './intent-classifier.js';
import type { TriageLanguage } from './intents.js';

export interface SetImpact {
  readonly set: string;
  readonly count: number;
  /** Accuracy trained without the corrections, and with them. */
  readonly before: number;
  readonly after: number;
  /** Messages whose answer changed, and of those how many went from wrong to right and back. */
  readonly changed: number;
  readonly fixed: number;
  readonly broken: number;
}

/**
 * What people's corrections change on the evaluation sets: the corpus trained without the corrections
 * source, then with it, each set scored by both. The sets are never trained on (corrections of their
 * texts are left out when written), so the difference is what the corrections taught.
 */
export async function correctionImpact(
  corpus: Corpus,
  settings: ClassifierSettings,
  files?: readonly string[],
): Promise<SetImpact[]> {
  const taught = (examples: Corpus[TriageLanguage]) => examples.filter((e) => e.source !== CORRECTIONS_SOURCE);
  const without: Corpus = { en: taught(corpus.en), es: taught(corpus.es), pt: taught(corpus.pt) };
  const before = await createIntentClassifier({ corpus: without, settings });
  const after = await createIntentClassifier({ corpus, settings });
  const impacts: SetImpact[] = [];
  for (const file of files ?? (await evalFiles())) {
    const examples = await readEvalFile(file);
    let [rightBefore, rightAfter, changed, fixed, broken] = [0, 0, 0, 0, 0];
    for (const { text, intent } of examples) {
      const [was, is] = [await answer(before, text), await answer(after, text)];
      rightBefore += Number(was === intent);
      rightAfter += Number(is === intent);
      if (was === is) continue;
      changed += 1;
      fixed += Number(is === intent);
      broken += Number(was === intent);
    }
    const count = examples.length;
    impacts.push({
      set: path.basename(file),
      count,
      before: rightBefore / count,
      after: rightAfter / count,
      changed,
      fixed,
      broken,
    });
  }
  return impacts;
}

const answer = async (classifier: IntentClassifier, text: string) => (await classifier.classify(text)).intent;

export function formatImpact(impacts: readonly SetImpact[]): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const rows = impacts.map(
    (i) =>
      `${i.set.padEnd(26)} ${String(i.count).padStart(5)} ${pct(i.before).padStart(7)} ${pct(i.after).padStart(7)}` +
      `  ${i.changed} changed: ${i.fixed} fixed, ${i.broken} broken`,
  );
  return ['set                        count  before   after', ...rows].join('\n');
}
