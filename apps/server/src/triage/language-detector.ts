/// <reference path="./nlpjs.d.ts" />
import type { Language } from '@nlpjs/language-min';
import type { Corpus } from './corpus.js';
import { TRIAGE_LANGUAGES, type TriageLanguage } from './intents.js';
import { languageWords, prepareText, type PreparedText } from './text-normalizer.js';

// How the evidence adds up, checked by cross-validation on the training corpus (`--cross-validate` prints
// how often the language is told right): the share of a message's words each language's corpus knows
// carries most of it, since NLP.js's trigram guesser often takes a short Spanish message for Portuguese;
// a caller's hint (the contact's known language) settles what the text leaves open.
const TRIGRAM_WEIGHT = 0.3;
const LETTER_BONUS = 0.3;
const HINT_BONUS = 0.25;

// Letters only one of the two Iberian languages writes; customers who type accents give the language away.
const LETTERS: Partial<Record<TriageLanguage, RegExp>> = { es: /[ñ¿¡]/, pt: /[ãõç]/ };

/** Tells en, es and pt apart, and nothing else: the guesser alone would pick among ~20 Latin-script languages. */
export function createLanguageDetector(corpus: Corpus, guesser: Language) {
  const allowList = [...TRIAGE_LANGUAGES];
  const vocabularies = Object.fromEntries(
    TRIAGE_LANGUAGES.map((lang) => [
      lang,
      new Set(corpus[lang].flatMap(({ text }) => languageWords(prepareText(text).languageText))),
    ]),
  ) as Record<TriageLanguage, Set<string>>;

  return function detectLanguage(prepared: PreparedText, hint?: TriageLanguage): TriageLanguage {
    const trigram: Partial<Record<string, number>> = {};
    for (const guess of guesser.guess(prepared.languageText, allowList)) trigram[guess.alpha2] = guess.score;
    const words = languageWords(prepared.languageText);
    const evidence = (lang: TriageLanguage) => {
      const coverage = words.length ? words.filter((word) => vocabularies[lang].has(word)).length / words.length : 0;
      const letters = LETTERS[lang]?.test(prepared.languageText) ? LETTER_BONUS : 0;
      return coverage + letters + TRIGRAM_WEIGHT * (trigram[lang] ?? 0) + (hint === lang ? HINT_BONUS : 0);
    };
    // Ties (no evidence at all) go to the hint, then to the first language listed.
    const ranked = [...TRIAGE_LANGUAGES].sort(
      (a, b) => evidence(b) - evidence(a) || Number(b === hint) - Number(a === hint),
    );
    return ranked[0] ?? hint ?? 'en';
  };
}
