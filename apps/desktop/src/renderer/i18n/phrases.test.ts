import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';
import { phraseText } from './phrases';

const pt = createFormatters('pt-BR');
const es = createFormatters('es-419');

describe("the server's sentences, said from their phrases", () => {
  it('in the language the formatters write for, counts, times, intents and SLA kinds the way it writes them', () => {
    const english = 'all 1200 online agents of Suporte are at capacity';
    const full = { code: 'waiting.all-at-capacity', params: { queue: 'Suporte', count: 1200 } };
    expect(phraseText(full, english, pt)).toBe('os 1.200 agentes online de Suporte estão no limite da capacidade');
    const until = '2026-05-04T15:04:00.000Z';
    expect(
      phraseText({ code: 'timeline.snoozed', params: { actor: 'Ana', until } }, 'Snoozed by Ana until …', es),
    ).toBe(`Pospuesta por Ana hasta ${es.dateTime(until)}`);
    expect(phraseText({ code: 'waiting.intent-changed', params: { intent: 'payment_issue' } }, '', es)).toBe(
      'la intención ahora es Problema de pago',
    );
    expect(phraseText({ code: 'waiting.sla-overdue', params: { sla: 'first_response' } }, '', pt)).toBe(
      'SLA vencido: Primeira resposta',
    );
  });

  it("keeps the server's English for a conversation cached before phrases, or a code this version lacks", () => {
    const english = 'no agent of Billing is online';
    expect(phraseText(undefined, english, es)).toBe(english);
    expect(phraseText(null, english, es)).toBe(english);
    expect(phraseText({ code: 'waiting.on-the-moon', params: {} }, english, es)).toBe(english);
  });
});
