import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { DEFAULT_EVAL_FILE, readEvalFile } from './eval-set.js';
import { INTENT_LABELS, TRIAGE_LANGUAGES } from './intents.js';
import { stripAccents } from './text-normalizer.js';

/** Case, accents, punctuation, spacing and elongation do not make a text different; emoji do. */
function comparable(text: string): string {
  return stripAccents(text.toLowerCase())
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu, ' ')
    .trim();
}

describe('training corpus', () => {
  it('covers every intent in every language with enough examples', async () => {
    const corpus = await loadCorpus();
    for (const lang of TRIAGE_LANGUAGES) {
      for (const intent of INTENT_LABELS) {
        const count = corpus[lang].filter((example) => example.intent === intent).length;
        expect(count, `${lang} ${intent}`).toBeGreaterThanOrEqual(25);
      }
    }
  });

  it('shares no text with any evaluation file, in any language', async () => {
    const corpus = await loadCorpus();
    const trained = new Set(
      TRIAGE_LANGUAGES.flatMap((lang) => corpus[lang].map((example) => comparable(example.text))),
    );
    const evalDir = path.dirname(DEFAULT_EVAL_FILE);
    const files = (await readdir(evalDir)).filter((name) => name.endsWith('.jsonl'));
    expect(files).toContain(path.basename(DEFAULT_EVAL_FILE));
    for (const name of files) {
      const leaked = (await readEvalFile(path.join(evalDir, name))).filter((example) =>
        trained.has(comparable(example.text)),
      );
      expect(
        leaked.map((example) => example.text),
        name,
      ).toEqual([]);
    }
  });

  it('counts two texts as the same despite case, accents, punctuation and elongation', () => {
    expect(comparable('¿Dónde está mi PEDIDOOO??')).toBe(comparable('donde esta mi pedido'));
    expect(comparable('hola 😊')).not.toBe(comparable('hola'));
  });

  it('refuses a corpus file with an unknown intent, naming the file and the place', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
    const file = (intent: string) =>
      JSON.stringify({ name: 'x', locale: 'en', data: [{ intent, utterances: ['a', 'b', 'c', 'd', 'e'] }] });
    await writeFile(path.join(dir, 'en.json'), file('order_status'));
    await writeFile(path.join(dir, 'es.json'), file('where_is_it'));
    await writeFile(path.join(dir, 'pt.json'), file('order_status'));
    await expect(loadCorpus(dir)).rejects.toThrow(/es\.json is invalid: data\.0\.intent/);
  });
});
