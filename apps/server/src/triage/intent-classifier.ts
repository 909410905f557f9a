/// <reference path="./nlpjs.d.ts" />
// Carries the nlp.js declarations to every program that type-checks this file (other packages' tests too).
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangPt } from '@nlpjs/lang-pt';
import { Language } from '@nlpjs/language-min';
import { loadClassifierSettings, type ClassifierSettings } from './classifier-settings.js';
import { loadCorpus, trainingExamples, type Corpus } from './corpus.js';
import { INTENT_LABELS, type IntentLabel, type TriageLanguage } from './intents.js';
import { createLanguageDetector } from './language-detector.js';
import { intentModelOf, SEED, trainIntentWeights } from './model/intent-model.js';
import { DEFAULT_MODEL_FILE, readWeights } from './model/model-file.js';
import { secondAsk } from './model/second-ask.js';
import { createSentimentScorer } from './sentiment.js';
import { prepareText } from './text-normalizer.js';

// Runners-up scoring less than this are noise, not alternatives worth showing an agent.
const MIN_ALTERNATIVE = 0.01;

export interface IntentScore {
  readonly intent: IntentLabel;
  readonly confidence: number;
}

export interface IntentClassification {
  readonly intent: IntentLabel;
  /** 0..1, calibrated: of the messages given 0.9, about 90% are right. */
  readonly confidence: number;
  /** The second ask of a message that asks two things; routing uses `intent`. */
  readonly secondary: IntentLabel | null;
  readonly language: TriageLanguage;
  /** -1 (angry) .. 1 (delighted), 0 neutral: see sentiment.ts for how it is computed. */
  readonly sentiment: number;
  /** The runners-up, best first; when `intent` is `unknown` because of the threshold, the best guess leads. */
  readonly alternatives: readonly IntentScore[];
}

export interface IntentClassifier {
  classify(text: string, hintLang?: TriageLanguage): Promise<IntentClassification>;
  readonly threshold: number;
  /** How long training took at start, for the boot log. */
  readonly trainingMs: number;
  /** Whether the weights came from the checked-in file (`pnpm triage:train`) or were trained at start. */
  readonly weightsFrom: 'file' | 'training';
  /** How many examples it learned from, corrections included. */
  readonly examples: number;
}

export interface IntentClassifierOptions {
  corpusDir?: string;
  /** Train on this instead of reading corpusDir: cross-validation trains on slices of the corpus. */
  corpus?: Corpus;
  settings?: ClassifierSettings;
  /** The weights `pnpm triage:train` wrote: used when trained from this very corpus and settings. */
  weightsFile?: string;
}

export async function createIntentClassifier(options: IntentClassifierOptions = {}): Promise<IntentClassifier> {
  const settings = options.settings ?? loadClassifierSettings();
  const corpus = options.corpus ?? (await loadCorpus(options.corpusDir));
  const started = performance.now();
  const container = await containerBootstrap();
  // The language guesser first: each language plugin loads its trigram model into the guesser it finds.
  container.use(Language);
  for (const lang of [LangEn, LangEs, LangPt]) container.use(lang);
  const guesser = container.get<Language>('Language');
  if (!guesser) throw new Error('NLP.js language guesser did not register');
  // One model for the three languages: customers mix them ("mi paquete arrived damaged").
  const examples = trainingExamples(corpus);
  const origin = { examples, settings, seed: SEED };
  const stored = await readWeights(options.weightsFile ?? DEFAULT_MODEL_FILE, origin);
  const model = intentModelOf(stored ?? trainIntentWeights(examples, settings), settings);
  const detectLanguage = createLanguageDetector(corpus, guesser);
  const scoreSentiment = await createSentimentScorer(container);
  const trainingMs = Math.round(performance.now() - started);

  async function classify(text: string, hintLang?: TriageLanguage): Promise<IntentClassification> {
    const prepared = prepareText(text);
    if (!prepared.intentText) {
      // Nothing but emoji or punctuation: no words to classify, and nothing to tell the language by.
      const language = hintLang ?? 'en';
      return {
        intent: 'unknown',
        confidence: 0,
        secondary: null,
        language,
        sentiment: scoreSentiment(language, '', prepared.emojiPolarity),
        alternatives: [],
      };
    }
    const { probabilities, parts } = model.read(text);
    const ranked = INTENT_LABELS.map((intent, c) => ({ intent, confidence: round(probabilities[c]!) })).sort(
      (a, b) => b.confidence - a.confidence,
    );
    const best = ranked[0]!;
    const confident = best.intent !== 'unknown' && best.confidence >= settings.threshold;
    const second = confident ? secondAsk(best.intent, parts, settings.secondaryThreshold) : null;
    const language = detectLanguage(prepared, hintLang);
    return {
      intent: confident ? best.intent : 'unknown',
      confidence: best.confidence,
      secondary: second?.intent ?? null,
      language,
      sentiment: scoreSentiment(language, prepared.languageText, prepared.emojiPolarity),
      alternatives: ranked
        .filter((r) => r.intent !== 'unknown' && (r !== best || !confident) && r.confidence >= MIN_ALTERNATIVE)
        .slice(0, 3),
    };
  }

  return {
    classify,
    threshold: settings.threshold,
    trainingMs,
    weightsFrom: stored ? 'file' : 'training',
    examples: examples.length,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
