/// <reference path="./nlpjs.d.ts" />
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Container } from '@nlpjs/core';
import { z } from 'zod';
import { TRIAGE_LANGUAGES, type TriageLanguage } from './intents.js';

export const DEFAULT_SENTIMENT_LEXICON = fileURLToPath(
  new URL('../../triage-data/sentiment-lexicon.json', import.meta.url),
);

const LanguageLexicon = z.strictObject({
  negations: z.array(z.string().min(1)),
  words: z.record(z.string(), z.number().min(-1).max(1)),
});
const LexiconFile = z.object({ en: LanguageLexicon, es: LanguageLexicon, pt: LanguageLexicon });

interface LibraryStemmer {
  tokenizeAndStem(text: string, keepStops?: boolean): string[];
}

// A negation flips the next two words of its clause ("not happy", "no estoy contento"). NLP.js's own
// analyzer flips everything to the end of the message, which turns "no llegó, pésimo servicio" into praise.
const NEGATION_REACH = 2;
const CLAUSE_END = /[,.;:!?¡¿\n]+/;

/**
 * Scores text against the support-chat lexicon in triage-data/sentiment-lexicon.json, matched through
 * NLP.js's tokenizer and stemmer for the language. NLP.js's own lexicons (Senticon, AFINN) are general
 * purpose and score everyday support words ("to", "quiero", "package") as mood, so they are not used.
 * The result is tanh(summed word polarity + emoji polarity): -1..1, about -0.76 for one strongly negative
 * word like "worst", 0 for neutral text.
 */
export type SentimentScorer = (lang: TriageLanguage, text: string, emojiPolarity: number) => number;

export async function createSentimentScorer(
  container: Container,
  lexiconFile = DEFAULT_SENTIMENT_LEXICON,
): Promise<SentimentScorer> {
  const lexicon = LexiconFile.parse(JSON.parse(await readFile(lexiconFile, 'utf8')));
  const scorers = Object.fromEntries(
    TRIAGE_LANGUAGES.map((lang) => {
      const stemmer = container.get<LibraryStemmer>(`stemmer-${lang}`);
      if (!stemmer) throw new Error(`NLP.js has no stemmer for "${lang}"`);
      const stem = (word: string) => stemmer.tokenizeAndStem(word)[0] ?? word;
      const polarity = new Map(Object.entries(lexicon[lang].words).map(([word, value]) => [stem(word), value]));
      const negations = new Set(lexicon[lang].negations.map(stem));
      const score = (text: string) =>
        text
          .split(CLAUSE_END)
          .reduce((sum, clause) => sum + sumPolarity(stemmer.tokenizeAndStem(clause), polarity, negations), 0);
      return [lang, score];
    }),
  ) as Record<TriageLanguage, (text: string) => number>;

  return (lang, text, emojiPolarity) => round(Math.tanh(scorers[lang](text) + emojiPolarity));
}

function sumPolarity(
  tokens: readonly string[],
  polarity: ReadonlyMap<string, number>,
  negations: ReadonlySet<string>,
): number {
  let sum = 0;
  let negatedUntil = -1;
  tokens.forEach((token, i) => {
    if (negations.has(token)) negatedUntil = i + NEGATION_REACH;
    else sum += (polarity.get(token) ?? 0) * (i <= negatedUntil ? -1 : 1);
  });
  return sum;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
