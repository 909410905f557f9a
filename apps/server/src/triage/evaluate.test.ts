import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEvalReport } from './eval-report.js';
import { EvalFileError, readEvalFile } from './eval-set.js';
import { evaluateClassifier } from './evaluate.js';
import { createIntentClassifier, type IntentClassifier } from './intent-classifier.js';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));

async function tempFile(lines: string[]): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'eval-')), 'set.jsonl');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

const line = (text: string, lang: string, intent: string) => JSON.stringify({ text, lang, intent });

describe('evaluation on the labelled set kept apart from the corpus', () => {
  let classifier: IntentClassifier;
  beforeAll(async () => {
    classifier = await createIntentClassifier();
  });

  it('reaches at least 90% in every language (the acceptance bar)', async () => {
    const examples = await readEvalFile();
    expect(examples.length).toBeGreaterThanOrEqual(630);
    const report = await evaluateClassifier(classifier, examples);
    expect(report.languages.map((l) => l.lang)).toEqual(['en', 'es', 'pt']);
    for (const result of report.languages) expect(result.accuracy, result.lang).toBeGreaterThanOrEqual(0.9);
    expect(report.failing).toEqual([]);
  });

  it('fails a language that falls below 90% and says which', async () => {
    const file = await tempFile([
      line('where is my order??', 'en', 'order_status'),
      line('quiero cancelar mi pedido', 'es', 'greeting'),
      line('necesito factura', 'es', 'opt_out'),
    ]);
    const report = await evaluateClassifier(classifier, await readEvalFile(file));
    expect(report.failing).toEqual(['es']);
    expect(formatEvalReport(report)).toMatch(/FAIL: es below 90\.0%/);
  });
});

describe('eval file validation', () => {
  it('rejects malformed lines, naming each by number, and uses none of the file', async () => {
    const file = await tempFile([
      line('where is my order', 'en', 'order_status'),
      '{"text": "oops"',
      line('où est ma commande', 'fr', 'order_status'),
      JSON.stringify({ text: 'hola', lang: 'es' }),
    ]);
    const error = await readEvalFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvalFileError);
    expect((error as EvalFileError).problems).toEqual([
      'line 2: not valid JSON',
      expect.stringMatching(/^line 3: lang: /),
      expect.stringMatching(/^line 4: intent: /),
    ]);
  });
});

describe('pnpm eval:intents', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/eval-intents.ts', ...args], {
      cwd: SERVER_DIR,
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('exits 1 and names the language when a file scores below 90%', async () => {
    const file = await tempFile([
      line('hello!!', 'pt', 'refund_request'),
      line('oi, tudo bem?', 'pt', 'refund_request'),
      JSON.stringify({
        text: 'cadê meu pedido? e a nota fiscal',
        lang: 'pt',
        intent: 'greeting',
        secondary: 'invoice_question',
      }),
    ]);
    const result = await run(['--file', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/== pt: 3 messages, accuracy 0\.0%/);
    expect(result.stdout).toMatch(/unknown: [\d.]+% of messages .*second ask right [\d.]+% of 1,/);
    expect(result.stdout).toMatch(/reliability \(of the answers given each confidence/);
    expect(result.stdout).toMatch(/FAIL: pt below 90\.0%/);
  }, 180_000);

  it('exits 1 on a malformed file, naming the line', async () => {
    const file = await tempFile([line('hi', 'en', 'greeting'), '{"text": 1, "lang": "en", "intent": "greeting"}']);
    const result = await run(['--file', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2: text: /);
  });
});
