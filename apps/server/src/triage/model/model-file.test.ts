import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClassifierSettings } from '../classifier-settings.js';
import { loadCorpus, trainingExamples, type CorpusExample } from '../corpus.js';
import { SEED, trainIntentWeights } from './intent-model.js';
import { readWeights, writeWeights, type WeightsOrigin } from './model-file.js';
import type { LinearModel } from './softmax-regression.js';

let dir: string;
let origin: WeightsOrigin;
let trained: LinearModel;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'weights-'));
  // The first corpus alone: small enough to train in a test.
  const examples = trainingExamples(await loadCorpus()).filter((e) => e.source === 'v1');
  const settings = loadClassifierSettings();
  origin = { examples, settings, seed: SEED };
  trained = trainIntentWeights(examples, settings);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('trained weights on disk', () => {
  it('reads back exactly the weights training made', async () => {
    const file = path.join(dir, 'w.bin.gz');
    await writeWeights(file, trained, origin);
    const read = await readWeights(file, origin);
    expect(read?.classes).toBe(trained.classes);
    expect(Buffer.from(read!.weights.buffer).equals(Buffer.from(trained.weights.buffer))).toBe(true);
  });

  it('yields nothing when the corpus or a training setting changed since, or there is no file', async () => {
    const file = path.join(dir, 'w2.bin.gz');
    await writeWeights(file, trained, origin);
    const edited: CorpusExample[] = origin.examples.map((e, i) => (i ? e : { ...e, text: `${e.text}!` }));
    expect(await readWeights(file, { ...origin, examples: edited })).toBeNull();
    expect(await readWeights(file, { ...origin, settings: { ...origin.settings, epochs: 3 } })).toBeNull();
    expect(await readWeights(path.join(dir, 'none.bin.gz'), origin)).toBeNull();
    await writeFile(path.join(dir, 'bad.bin.gz'), 'not gzip');
    expect(await readWeights(path.join(dir, 'bad.bin.gz'), origin)).toBeNull();
  });
});
