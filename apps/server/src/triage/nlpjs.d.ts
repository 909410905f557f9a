// NLP.js v4 ships no type declarations; these cover only the parts the triage classifier calls.

declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): string;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
    get<T = unknown>(name: string): T | undefined;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';

  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpSettings {
    container: Container;
    languages: string[];
    autoLoad?: boolean;
    autoSave?: boolean;
    threshold?: number;
    calculateSentiment?: boolean;
    nlu?: { log?: boolean; spellCheck?: boolean; useNoneFeature?: boolean };
  }
  export class Nlp {
    constructor(settings: NlpSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<{ classifications: NlpClassification[] }>;
  }
}

declare module '@nlpjs/lang-en' {
  export class LangEn {}
}

declare module '@nlpjs/lang-es' {
  export class LangEs {}
}

declare module '@nlpjs/lang-pt' {
  export class LangPt {}
}

declare module '@nlpjs/language-min' {
  export interface LanguageGuess {
    alpha2: string;
    alpha3: string;
    language: string;
    score: number;
  }
  export class Language {
    guess(utterance: string, allowList?: string[], limit?: number): LanguageGuess[];
  }
}
