/**
 * `pnpm triage:train [--corrections] [--dry-run] [--set key=value ...]`
 * `--corrections` first brings people's intent corrections from the database (MONGODB_URI, MONGODB_DB_NAME)
 * into triage-data/corpus/corrections.<lang>.jsonl, which every training reads, the server's at start too.
 * When the corpus holds corrections, the report ends with what they change on every evaluation set.
 * Cross-validates the intent model on the training corpus, one writer held out at a time, fits its
 * calibration (temperature, `unknown` threshold, second-ask threshold) on the held-out answers, prints
 * held-out accuracy and a reliability table, and writes triage-data/classifier.json and the weights trained
 * on the whole corpus (triage-data/intent-weights.bin.gz), which the server reads at start instead of
 * training while corpus and settings are the ones they were trained from. `--set epochs=8` tries another hyperparameter.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  chooseSecondaryThreshold,
  chooseThreshold,
  fitTemperature,
  formatReliability,
  reliabilityTable,
} from '../src/triage/calibration.js';
import {
  ClassifierSettings,
  DEFAULT_SETTINGS_FILE,
  loadClassifierSettings,
} from '../src/triage/classifier-settings.js';
import { loadConfig } from '../src/lib/config.js';
import { connectDatabase } from '../src/db/connect.js';
import { createModels } from '../src/models/index.js';
import { loadCorpus, trainingExamples } from '../src/triage/corpus.js';
import { correctionImpact, formatImpact } from '../src/triage/correction-impact.js';
import {
  CORRECTIONS_SOURCE,
  correctionLines,
  readCorrections,
  writeCorrectionFiles,
} from '../src/triage/corrections-corpus.js';
import { evalSetTexts } from '../src/triage/eval-set.js';
import { bestLabel, crossValidate, type HeldOutPrediction } from '../src/triage/cross-validate.js';
import { calibrate, SEED, trainIntentWeights } from '../src/triage/model/intent-model.js';
import { DEFAULT_MODEL_FILE, writeWeights } from '../src/triage/model/model-file.js';

const { values } = parseArgs({
  options: {
    corrections: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
  },
});

async function main(): Promise<void> {
  const overrides = Object.fromEntries(values.set.map((pair) => pair.split('=')).map(([k, v]) => [k, Number(v)]));
  const hyper = ClassifierSettings.parse({ ...loadClassifierSettings(), ...overrides });
  if (values.corrections) await bringCorrections();
  const corpus = await loadCorpus();
  const started = performance.now();
  const heldOut = crossValidate(corpus, hyper);
  const temperature = fitTemperature(heldOut);
  const threshold = chooseThreshold(heldOut, temperature);
  const secondaryThreshold = chooseSecondaryThreshold(heldOut, temperature);
  const settings = { ...hyper, temperature, threshold, secondaryThreshold };
  console.log(`cross-validated in ${Math.round(performance.now() - started)} ms, one writer held out at a time`);
  console.log(heldOutAccuracy(heldOut, settings));
  console.log(`\nreliability of the held-out answers (temperature ${temperature.toFixed(2)}):`);
  const answers = heldOut.map((p) => {
    const { intent, confidence } = bestLabel(calibrate(p.probabilities, temperature));
    return { confidence, correct: intent === p.expected };
  });
  console.log(formatReliability(reliabilityTable(answers)));
  console.log(`\nsettings: ${JSON.stringify(settings)}`);
  if (!values['dry-run']) {
    await writeFile(DEFAULT_SETTINGS_FILE, `${JSON.stringify(settings, null, 2)}\n`);
    console.log(`wrote ${DEFAULT_SETTINGS_FILE}`);
    const examples = trainingExamples(corpus);
    const bytes = await writeWeights(DEFAULT_MODEL_FILE, trainIntentWeights(examples, settings), {
      examples,
      settings,
      seed: SEED,
    });
    console.log(
      `wrote ${DEFAULT_MODEL_FILE} (${Math.round(bytes / 1024)} KiB): the server reads it instead of training`,
    );
  }
  const corrections = Object.values(corpus)
    .flat()
    .filter((e) => e.source === CORRECTIONS_SOURCE).length;
  if (corrections) {
    console.log(`\nwhat the ${corrections} corrections change (trained without them, then with them):`);
    console.log(formatImpact(await correctionImpact(corpus, settings)));
  }
}

async function bringCorrections(): Promise<void> {
  const config = loadConfig();
  if (!config.MONGODB_URI) throw new Error('--corrections needs MONGODB_URI (the database the server uses)');
  const connection = await connectDatabase(config.MONGODB_URI, config.MONGODB_DB_NAME);
  try {
    const records = await readCorrections(createModels(connection));
    const { lines, inEvalSets, superseded } = correctionLines(records, await evalSetTexts());
    const counts = await writeCorrectionFiles(lines);
    console.log(
      `corrections: ${records.length} in the database; training on ${lines.length} ` +
        `(en ${counts.en}, es ${counts.es}, pt ${counts.pt}); ${superseded} superseded by a later one, ` +
        `${inEvalSets} left out as evaluation-set texts\n`,
    );
  } finally {
    await connection.close();
  }
}

function heldOutAccuracy(heldOut: readonly HeldOutPrediction[], settings: ClassifierSettings): string {
  const answer = (p: HeldOutPrediction) => {
    const { intent, confidence } = bestLabel(calibrate(p.probabilities, settings.temperature));
    return intent !== 'unknown' && confidence >= settings.threshold ? intent : 'unknown';
  };
  const rows = [...new Set(heldOut.map((p) => p.source))].map((source) => {
    const mine = heldOut.filter((p) => p.source === source);
    const cells = (['en', 'es', 'pt'] as const).map((lang) => {
      const inLang = mine.filter((p) => p.lang === lang);
      return percent(inLang.filter((p) => answer(p) === p.expected).length / inLang.length);
    });
    const overall = percent(mine.filter((p) => answer(p) === p.expected).length / mine.length);
    return `${source.padEnd(12)} ${cells.join(' ')}  ${overall}  (${mine.length})`;
  });
  return ['held out       en     es     pt   overall', ...rows].join('\n');
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
