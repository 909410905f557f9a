import { describe, expect, it } from 'vitest';
import { loadClassifierSettings } from './classifier-settings.js';
import type { Corpus, CorpusExample } from './corpus.js';
import { bestLabel, crossValidate } from './cross-validate.js';

const examples = (source: string, intent: 'order_status' | 'refund_request', texts: string[]): CorpusExample[] =>
  texts.map((text) => ({ text, intent, source }));

// Two writers who use the same words for the same intents: any writer's messages are easy for the other's model.
const corpus: Corpus = {
  en: [
    ...examples('ana', 'order_status', ['where is my order', 'where is my parcel', 'track my order']),
    ...examples('ana', 'refund_request', ['i want a refund', 'refund my money', 'money back']),
    ...examples('bob', 'order_status', ['my order status', 'order tracking please', 'where is the parcel']),
    ...examples('bob', 'refund_request', ['refund please', 'give my money back', 'i want my money']),
  ],
  es: [
    ...examples('ana', 'order_status', ['donde esta mi pedido', 'rastrear mi pedido']),
    ...examples('bob', 'refund_request', ['quiero un reembolso', 'devuelvan mi dinero']),
  ],
  pt: [],
};

describe('crossValidate', () => {
  const settings = loadClassifierSettings();

  it('scores every message once, by a model trained without its writer', () => {
    const heldOut = crossValidate(corpus, settings);
    expect(heldOut).toHaveLength(16);
    expect(heldOut.filter((p) => p.source === 'ana')).toHaveLength(8);
    expect(heldOut.filter((p) => p.lang === 'es').map((p) => p.source)).toEqual(['ana', 'ana', 'bob', 'bob']);
    const right = heldOut.filter((p) => bestLabel(p.probabilities).intent === p.expected);
    expect(right.length / heldOut.length).toBeGreaterThanOrEqual(0.75);
  });

  it('cannot vouch for a writer with their own words: a word only one writer used teaches the other nothing', () => {
    const private_: Corpus = {
      en: [
        ...examples('ana', 'order_status', ['zorbly', 'zorbly zorbly']),
        ...examples('ana', 'refund_request', ['refund', 'refund money']),
        ...examples('bob', 'order_status', ['where order', 'order status']),
        ...examples('bob', 'refund_request', ['refund please', 'money back']),
      ],
      es: [],
      pt: [],
    };
    const zorbly = crossValidate(private_, settings).filter((p) => p.source === 'ana' && p.expected === 'order_status');
    for (const p of zorbly) expect(bestLabel(p.probabilities).confidence).toBeLessThan(0.5);
  });

  it('refuses a corpus with a single writer, where nothing can be held out', () => {
    expect(() => crossValidate({ en: corpus.en.filter((e) => e.source === 'ana'), es: [], pt: [] }, settings)).toThrow(
      /at least two writers/,
    );
  });
});
