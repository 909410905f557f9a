/// <reference path="./nlpjs.d.ts" />
// Carries the nlp.js declarations to every program that type-checks this file (other packages' tests too).
import { containerBootstrap, type Container } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangPt } from '@nlpjs/lang-pt';
import { Language } from '@nlpjs/language-min';
import { Nlp } from '@nlpjs/nlp';
import { loadCorpus, type Corpus } from './corpus.js';
import { TRIAGE_LANGUAGES, isIntentLabel, type IntentLabel, type TriageLanguage } from './intents.js';
import { createLanguageDetector } from './language-detector.js';
import { createSentimentScorer } from './sentiment.js';
import { prepareText } from './text-normalizer.js';

/**
 * Below this confidence a message is `unknown`. Chosen by 5-fold cross-validation on the training corpus
 * (`pnpm eval:intents --cross-validate`), never on the evaluation set: the highest threshold that costs
 * less than half a point of held-out accuracy, since an unsure message is better left to a person.
 */
export const DEFAULT_THRESHOLD = 0.45;

// Runners-up scoring less than this are noise, not alternatives worth showing an agent.
const MIN_ALTERNATIVE = 0.01;

export interface IntentScore {
  readonly intent: IntentLabel;
  readonly confidence: number;
}

export interface IntentClassification {
  readonly intent: IntentLabel;
  /** 0..1: the winning intent's score averaged over the three language models. */
  readonly confidence: number;
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
}

export interface IntentClassifierOptions {
  corpusDir?: string;
  threshold?: number;
  /** Train on this instead of reading corpusDir: cross-validation trains on slices of the corpus. */
  corpus?: Corpus;
}

export async function createIntentClassifier(options: IntentClassifierOptions = {}): Promise<IntentClassifier> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const corpus = options.corpus ?? (await loadCorpus(options.corpusDir));
  const started = performance.now();
  const container = await containerBootstrap();
  // The language guesser first: each language plugin loads its trigram model into the guesser it finds.
  container.use(Language);
  for (const lang of [LangEn, LangEs, LangPt]) container.use(lang);
  const guesser = container.get<Language>('Language');
  if (!guesser) throw new Error('NLP.js language guesser did not register');
  const nlp = await trainModels(container, corpus);
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
        language,
        sentiment: scoreSentiment(language, '', prepared.emojiPolarity),
        alternatives: [],
      };
    }
    // Every model's answer counts the same, whatever the language: each has seen all three corpora through
    // its own stemmer, and cross-validation found the plain average beats weighting by detected language.
    const mixed = new Map<IntentLabel, number>();
    for (const lang of TRIAGE_LANGUAGES) {
      const { classifications } = await nlp.process(lang, prepared.intentText);
      for (const { intent, score } of classifications) {
        const label = isIntentLabel(intent) ? intent : 'unknown'; // NLP.js's own "None"
        mixed.set(label, (mixed.get(label) ?? 0) + score / TRIAGE_LANGUAGES.length);
      }
    }
    const ranked = [...mixed]
      .map(([intent, score]) => ({ intent, confidence: round(score) }))
      .sort((a, b) => b.confidence - a.confidence);
    const best = ranked[0] ?? { intent: 'unknown' as const, confidence: 0 };
    const confident = best.intent !== 'unknown' && best.confidence >= threshold;
    const language = detectLanguage(prepared, hintLang);
    return {
      intent: confident ? best.intent : 'unknown',
      confidence: best.confidence,
      language,
      sentiment: scoreSentiment(language, prepared.languageText, prepared.emojiPolarity),
      alternatives: ranked
        .filter((r) => r.intent !== 'unknown' && (r !== best || !confident) && r.confidence >= MIN_ALTERNATIVE)
        .slice(0, 3),
    };
  }

  return { classify, threshold, trainingMs };
}

/**
 * One NLP.js model per language, each with its own stemmer. Each also learns the other two corpora:
 * customers mix languages ("mi paquete arrived damaged"), and the foreign words must mean something to it.
 */
async function trainModels(container: Container, corpus: Corpus): Promise<Nlp> {
  const nlp = new Nlp({
    container,
    languages: [...TRIAGE_LANGUAGES],
    autoLoad: false,
    autoSave: false,
    threshold: 0,
    calculateSentiment: false,
    nlu: { log: false, spellCheck: true, useNoneFeature: true },
  });
  for (const lang of TRIAGE_LANGUAGES) {
    for (const source of TRIAGE_LANGUAGES) {
      for (const { text, intent } of corpus[source]) {
        const { intentText } = prepareText(text);
        if (intentText) nlp.addDocument(lang, intentText, intent);
      }
    }
  }
  await nlp.train();
  return nlp;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
