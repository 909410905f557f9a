import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadClassifierSettings } from './classifier-settings.js';
import { correctionImpact } from './correction-impact.js';
import { DEFAULT_CORPUS_DIR, loadCorpus } from './corpus.js';
import { correctionLines, writeCorrectionFiles, type CorrectionRecord } from './corrections-corpus.js';
import { comparableText } from './text-normalizer.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 4, minute));
const record = (
  text: string,
  to: CorrectionRecord['to'],
  minute: number,
  language: CorrectionRecord['language'] = 'en',
) => ({
  text,
  language,
  to,
  at: at(minute),
});

let dir: string | null = null;
/** A corpus folder holding the first corpus only: small enough to train in a test. */
async function firstCorpusIn(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'corrections-'));
  for (const lang of ['en', 'es', 'pt']) {
    await copyFile(path.join(DEFAULT_CORPUS_DIR, `${lang}.json`), path.join(folder, `${lang}.json`));
  }
  return folder;
}
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('corrections as training data', () => {
  it('keeps the latest correction of a text and leaves out texts an evaluation set holds', () => {
    const records = [
      record('where is my order 45120?', 'delivery_problem', 1),
      record('Where is my order 45120??', 'order_status', 2),
      record('quiero darme de baja', 'opt_out', 3, 'es'),
      record('i want my money back', 'refund_request', 4),
    ];
    const { lines, inEvalSets, superseded } = correctionLines(
      records,
      new Set([comparableText('I want my money back')]),
    );
    expect(lines).toEqual([
      { text: 'Where is my order 45120??', lang: 'en', intent: 'order_status' },
      { text: 'quiero darme de baja', lang: 'es', intent: 'opt_out' },
    ]);
    expect({ inEvalSets, superseded }).toEqual({ inEvalSets: 1, superseded: 1 });
  });

  it('reports what they change on an evaluation set: trained without them, then with them', async () => {
    dir = await firstCorpusIn();
    const taught = ['zorblax wibble please', 'my zorblax wibble', 'zorblax wibble today?', 'about the zorblax wibble'];
    await writeCorrectionFiles(
      taught.map((text) => ({ text, lang: 'en', intent: 'appointment' })),
      dir,
    );
    const evalFile = path.join(dir, 'set.eval');
    await writeFile(evalFile, `${JSON.stringify({ text: 'zorblax wibble', lang: 'en', intent: 'appointment' })}\n`);

    const [impact] = await correctionImpact(await loadCorpus(dir), loadClassifierSettings(), [evalFile]);
    expect(impact).toEqual({ set: 'set.eval', count: 1, before: 0, after: 1, changed: 1, fixed: 1, broken: 0 });
  }, 240_000);

  it('writes them where the next training reads them, as the corrections source, and removes a stale file', async () => {
    dir = await firstCorpusIn();
    await writeCorrectionFiles([{ text: 'mi boleta no llegó', lang: 'pt', intent: 'invoice_question' }], dir);
    const counts = await writeCorrectionFiles(
      [{ text: 'the parcel came open', lang: 'en', intent: 'delivery_problem' }],
      dir,
    );

    expect(counts).toEqual({ en: 1, es: 0, pt: 0 });
    expect((await readdir(dir)).filter((f) => f.endsWith('.jsonl'))).toEqual(['corrections.en.jsonl']);
    const corpus = await loadCorpus(dir);
    expect(corpus.en.filter((e) => e.source === 'corrections')).toEqual([
      { text: 'the parcel came open', intent: 'delivery_problem', source: 'corrections' },
    ]);
    expect(corpus.pt.some((e) => e.source === 'corrections')).toBe(false);
  });
});
