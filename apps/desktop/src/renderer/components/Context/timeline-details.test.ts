import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index';
import { createFormatters } from '../../i18n/format';
import { detailLines, stepLines } from './timeline-details';

const triaged = {
  summary: 'Intent order_status (100% sure), es, sentiment 0.00',
  details: { intent: 'order_status', confidence: 0.87, language: 'es', sentiment: -0.25, messageId: 'abc123' },
};

describe("a timeline step's facts", () => {
  it("are labelled and written in the agent's language, leaving out ids and what the sentence already says", async () => {
    await i18n.loadNamespaces('context');
    const spanish = detailLines(
      triaged.details,
      triaged.summary,
      i18n.getFixedT('es', 'context'),
      createFormatters('es-419'),
    );
    // The percent sign's spacing is ICU's business; Latin American Spanish writes a decimal point.
    expect(spanish).toEqual([expect.stringMatching(/^Confianza: 87\s?%$/), 'Sentimiento: -0.25']);
    const portuguese = detailLines(
      { waitingMinutes: 95, until: '2026-05-04T15:04:00.000Z', reason: 'agent', score: 4.5 },
      'Snoozed',
      i18n.getFixedT('pt', 'context'),
      createFormatters('pt-BR'),
    );
    expect(portuguese[0]).toMatch(/^Aguardando há: 1\s?h 35\s?min$/);
    expect(portuguese[1]).toMatch(/^Até: 4 de mai\./);
    expect(portuguese[2]).toBe('Motivo: um agente');
    expect(portuguese[3]).toBe('Nota: 4,5');
  });

  it("names the server's codes in the agent's language, and keeps what someone wrote as written", () => {
    const lines = detailLines(
      { sla: 'first_response', priority: 'high', via: 'template', reason: 'cliente pidió: reembolso' },
      'SLA',
      i18n.getFixedT('es', 'context'),
      createFormatters('es-419'),
    );
    expect(lines).toEqual([
      'SLA: Primera respuesta',
      'Prioridad: Alta',
      'Enviada por: una plantilla aprobada',
      'Motivo: cliente pidió: reembolso',
    ]);
  });

  it("shows a bot's own step data under the bot's own names", () => {
    const lines = detailLines(
      { step: 'ask-order', attempts: 2 },
      'Bot step',
      i18n.getFixedT('en', 'context'),
      createFormatters('en-US'),
    );
    expect(lines).toEqual(['step: ask-order', 'attempts: 2']);
  });
});

describe('what a timeline step says', () => {
  const en = () => i18n.getFixedT('en', 'context');

  it('a triage step states each fact once, labelled, instead of the sentence that repeats them', async () => {
    await i18n.loadNamespaces('context');
    const lines = stepLines({ kind: 'triaged', ...triaged }, en(), createFormatters('en-US'));
    expect(lines).toEqual(['Intent: Order status', 'Confidence: 87%', 'Language: es', 'Sentiment: -0.25']);
    expect(lines.join(' ')).not.toContain('sure');
  });

  it("another step keeps the server's sentence, with the facts it does not say beneath", () => {
    const lines = stepLines(
      {
        kind: 'prioritized',
        summary: 'Priority normal: no rule matched',
        details: { priority: 'normal', waitingMinutes: 3 },
      },
      en(),
      createFormatters('en-US'),
    );
    expect(lines).toEqual(['Priority normal: no rule matched', 'Waiting for: 3m 0s']);
  });

  it('names the intents a step speaks of, in its sentence and its facts, never by key', () => {
    const rerouted = {
      kind: 'transferred' as const,
      summary: 'Re-routed to the Billing queue: the intent is now payment_issue',
      details: { toQueueId: 'q1', intent: 'payment_issue', why: 'Billing takes payment_issue in pt' },
    };
    expect(stepLines(rerouted, en(), createFormatters('en-US'))).toEqual([
      'Re-routed to the Billing queue: the intent is now Payment issue',
      'Why: Billing takes Payment issue in pt',
    ]);
    const spanish = stepLines(
      { kind: 'intent-corrected', summary: 'Intent corrected by Ana: order_status → payment_issue', details: {} },
      i18n.getFixedT('es', 'context'),
      createFormatters('es-419'),
    );
    expect(spanish).toEqual(['Intent corrected by Ana: Estado del pedido → Problema de pago']);
  });

  it("labels the server's other facts, and leaves out an id under any name", () => {
    const kept = stepLines(
      {
        kind: 'reopened',
        summary: 'Reopened: the customer wrote again',
        details: { keptBy: '65f1c2a9b4e0d3a1c2b4e0d3', learnedFrom: 'the triaged message' },
      },
      i18n.getFixedT('pt', 'context'),
      createFormatters('pt-BR'),
    );
    expect(kept).toEqual(['Reopened: the customer wrote again', 'Aprendido de: a mensagem classificada']);
  });

  it("says a step the server sent as a phrase in the agent's language, facts included, once", () => {
    const waiting = {
      kind: 'waiting' as const,
      summary: 'Waiting: all 2 online agents of Soporte are at capacity',
      summaryPhrase: { code: 'waiting.all-at-capacity', params: { queue: 'Soporte', count: 2 } },
      details: { reason: 'all 2 online agents of Soporte are at capacity' },
    };
    expect(stepLines(waiting, i18n.getFixedT('es', 'context'), createFormatters('es-419'))).toEqual([
      'Los 2 agentes en línea de Soporte están al límite de su capacidad',
    ]);
    const rerouted = {
      kind: 'transferred' as const,
      summary: 'Re-routed to the Billing queue: the intent is now payment_issue',
      summaryPhrase: { code: 'timeline.rerouted', params: { queue: 'Billing', intent: 'payment_issue' } },
      details: { toQueueId: 'q1', intent: 'payment_issue', why: 'Billing takes payment_issue in pt' },
    };
    expect(stepLines(rerouted, i18n.getFixedT('pt', 'context'), createFormatters('pt-BR'))).toEqual([
      'Reencaminhada para a fila Billing: a intenção agora é Problema de pagamento',
    ]);
  });

  it("keeps the server's sentence for a phrase this version does not know, or facts that do not fit it", () => {
    const es = i18n.getFixedT('es', 'context');
    const newer = { code: 'timeline.teleported', params: {} };
    const wrongFacts = { code: 'timeline.resolved', params: { who: 'Ana' } };
    for (const summaryPhrase of [newer, wrongFacts, undefined])
      expect(
        stepLines(
          { kind: 'resolved', summary: 'Resolved by Ana', summaryPhrase, details: {} },
          es,
          createFormatters('es'),
        ),
      ).toEqual(['Resolved by Ana']);
  });
});
