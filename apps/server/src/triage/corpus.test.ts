import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { DEFAULT_EVAL_FILE, readEvalFile } from './eval-set.js';
import { INTENT_LABELS, TRIAGE_LANGUAGES } from './intents.js';
import { comparableText as comparable } from './text-normalizer.js';

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

  it("reads each writer's <source>.<lang>.jsonl beside the first corpus, keeping who wrote it and the second ask", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
    const file = JSON.stringify({
      name: 'x',
      locale: 'en',
      data: [{ intent: 'greeting', utterances: ['a', 'b', 'c', 'd', 'e'] }],
    });
    for (const lang of TRIAGE_LANGUAGES) await writeFile(path.join(dir, `${lang}.json`), file);
    await writeFile(
      path.join(dir, 'writer-9.es.jsonl'),
      `${JSON.stringify({ text: 'dónde está mi pedido? y la factura', lang: 'es', intent: 'order_status', secondary: 'invoice_question' })}\n`,
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.es.at(-1)).toEqual({
      text: 'dónde está mi pedido? y la factura',
      intent: 'order_status',
      secondary: 'invoice_question',
      source: 'writer-9',
    });
    expect(corpus.en.every((example) => example.source === 'v1')).toBe(true);
  });

  it('refuses a writer file with a bad line, naming the line and the field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
    const file = JSON.stringify({
      name: 'x',
      locale: 'en',
      data: [{ intent: 'greeting', utterances: ['a', 'b', 'c', 'd', 'e'] }],
    });
    for (const lang of TRIAGE_LANGUAGES) await writeFile(path.join(dir, `${lang}.json`), file);
    await writeFile(path.join(dir, 'w.pt.jsonl'), `${JSON.stringify({ text: 'oi', lang: 'pt', intent: 'hello' })}\n`);
    await expect(loadCorpus(dir)).rejects.toThrow(/line 1: intent: /);
  });
});
