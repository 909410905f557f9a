import { describe, expect, it } from 'vitest';
import { knownPhrase, phrase, PHRASES, type PhraseCode } from './phrase.js';

describe('phrases', () => {
  it('carry exactly the facts their code names, checked when the server builds them', () => {
    expect(phrase('waiting.nobody-online', { queue: 'Billing' })).toEqual({
      code: 'waiting.nobody-online',
      params: { queue: 'Billing' },
    });
    expect(() => phrase('waiting.nobody-online', {} as { queue: string })).toThrow(/queue/);
    expect(() => phrase('timeline.snoozed', { actor: 'Ana', until: 'tomorrow' })).toThrow(/until/);
    expect(() => phrase('waiting.no-queue', { queue: 'Billing' } as unknown as Record<string, never>)).toThrow();
  });

  it('a reader tells a phrase it can say from one of a newer server, or with facts that do not fit', () => {
    expect(knownPhrase({ code: 'timeline.resolved', params: { actor: 'Ana' } })).not.toBeNull();
    expect(knownPhrase({ code: 'timeline.teleported', params: {} })).toBeNull();
    expect(knownPhrase({ code: 'timeline.resolved', params: { who: 'Ana' } })).toBeNull();
    expect(knownPhrase({ code: 'toString', params: {} })).toBeNull();
    expect(knownPhrase(null)).toBeNull();
  });

  it('codes are stable keys: lowercase words, a dot after their family, no other dots', () => {
    for (const code of Object.keys(PHRASES) as PhraseCode[]) expect(code).toMatch(/^(waiting|timeline)\.[a-z-]+$/);
  });
});
