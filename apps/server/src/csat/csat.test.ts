import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDTO, CsatSettingsDTO, Page, ReportDTO, TimelineEntryDTO } from '@switchboard/shared';
import { envelope, inbound, replyContext } from '@switchboard/whatsapp-simulator';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
let channelId: string;

const today = () => new Date().toISOString().slice(0, 10);

async function customerSends(message: ReturnType<typeof inbound.text> | ReturnType<typeof inbound.buttonReply>) {
  await server.deliver(envelope({ messages: [message] }));
}

async function conversationOf(waId: string, check: (c: ConversationDTO) => boolean = () => true) {
  return eventually(async () => {
    const page = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=100');
    const found = page.body.items.filter((c) => c.contact.waId === waId);
    return found.length === 1 && check(found[0]!) ? found[0] : undefined;
  }, `the conversation of ${waId}`);
}

async function timelineOf(id: string): Promise<TimelineEntryDTO[]> {
  return (await server.api<{ items: TimelineEntryDTO[] }>(admin, 'GET', `/api/conversations/${id}/timeline`)).body
    .items;
}

const sentTo = (waId: string) => server.sim.sentMessages.filter((m) => m.waId === waId);

beforeAll(async () => {
  server = await startTestServerWithSimulator({ ROUTING_INTERVAL_MS: '100', REPORTS_FLUSH_MS: '100' });
  admin = await server.login();
  await customerSends(inbound.text({ from: '14155550900', body: 'hello' }));
  channelId = (await conversationOf('14155550900')).channelId;
  const template = await server.api(admin, 'POST', '/api/templates', {
    name: 'csat_survey',
    language: 'pt_BR',
    category: 'utility',
    body: 'Como você avalia a ajuda que recebeu? Responda 1 (ruim), 2 (regular) ou 3 (ótima).',
    status: 'approved',
  });
  expect(template.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
});

describe('the CSAT survey', () => {
  it('is off until an admin turns it on, and a bad wording is refused naming the field', async () => {
    const initial = await server.api<CsatSettingsDTO>(admin, 'GET', `/api/channels/${channelId}/csat`);
    expect(initial.body).toMatchObject({ enabled: false, templateName: 'csat_survey' });
    expect(initial.body.wording.es.buttons).toHaveLength(3);

    const bad = await server.api(admin, 'PUT', `/api/channels/${channelId}/csat`, {
      wording: { en: { question: 'Rate us', buttons: ['Good', 'good', 'Bad'], thanks: 'Thanks' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.wording.en.buttons');
    const tooLong = await server.api(admin, 'PUT', `/api/channels/${channelId}/csat`, {
      wording: { en: { question: 'Rate us', buttons: ['A title far too long for WhatsApp', 'B', 'C'], thanks: 'x' } },
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('body.wording.en.buttons.0');

    const agent = await server.userWith('agent');
    expect((await server.api(agent.token, 'PUT', `/api/channels/${channelId}/csat`, { enabled: true })).status).toBe(
      403,
    );
    const on = await server.api<CsatSettingsDTO>(admin, 'PUT', `/api/channels/${channelId}/csat`, { enabled: true });
    expect(on.body.enabled).toBe(true);
  });

  it('asks with reply buttons inside the window; the tap and the comment are kept without reopening', async () => {
    const waId = '14155550901';
    await customerSends(inbound.text({ from: waId, body: 'My parcel never arrived' }));
    const conversation = await conversationOf(waId);
    expect((await server.api(admin, 'POST', `/api/conversations/${conversation.id}/resolve`)).status).toBe(200);

    const survey = await eventually(async () => sentTo(waId).find((m) => m.type === 'interactive'), 'the survey');
    expect(survey.request).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'How would you rate the help you got today?' },
        action: {
          buttons: [1, 2, 3].map((score) => ({ type: 'reply', reply: { id: `csat:${conversation.id}:${score}` } })),
        },
      },
    });

    await customerSends(
      inbound.buttonReply({
        from: waId,
        buttonId: `csat:${conversation.id}:3`,
        title: '😀 Great',
        context: replyContext(survey.id, '15550100'),
      }),
    );
    const rated = await conversationOf(waId, (c) => c.csat?.score === 3);
    expect(rated.status).toBe('resolved');
    await eventually(async () => sentTo(waId).find((m) => m.type === 'text'), 'the thanks');

    await customerSends(inbound.text({ from: waId, body: 'Quick and kind, thank you!' }));
    const commented = await conversationOf(waId, (c) => c.csat?.comment === 'Quick and kind, thank you!');
    expect(commented.status).toBe('resolved');
    const kinds = (await timelineOf(conversation.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['resolved', 'csat-asked', 'csat-rated', 'csat-commented']));
    expect(kinds).not.toContain('reopened');

    // The answer reaches the reports.
    const report = await eventually(async () => {
      const r = (await server.api<ReportDTO>(admin, 'GET', `/api/reports?from=${today()}&to=${today()}`)).body;
      return r.csat.comments.length === 1 ? r : undefined;
    }, 'the rating in the report');
    expect(report.csat).toMatchObject({
      asked: 1,
      responses: 1,
      average: 3,
      satisfiedRatio: 1,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 1 },
      ],
      comments: [{ conversationId: conversation.id, score: 3, comment: 'Quick and kind, thank you!' }],
    });

    // A message after the comment is a new question: it reopens the conversation, as any other.
    await customerSends(inbound.text({ from: waId, body: 'Also, can I change my address?' }));
    await conversationOf(waId, (c) => c.status === 'open');
  });

  it('asks with the approved template outside the window, and takes a digit as the answer', async () => {
    const waId = '5511955550902';
    const yesterday = new Date(Date.now() - 25 * 3_600_000);
    await customerSends(
      inbound.text({ from: waId, body: 'Olá, preciso de ajuda com meu pedido', timestamp: yesterday }),
    );
    const conversation = await conversationOf(waId, (c) => c.language === 'pt');
    await server.api(admin, 'POST', `/api/conversations/${conversation.id}/resolve`);
    const survey = await eventually(async () => sentTo(waId).find((m) => m.type === 'template'), 'the template');
    expect(survey.request).toMatchObject({ template: { name: 'csat_survey', language: { code: 'pt_BR' } } });

    await customerSends(inbound.text({ from: waId, body: '2' }));
    const rated = await conversationOf(waId, (c) => c.csat?.score === 2);
    expect(rated).toMatchObject({ status: 'resolved', csat: { via: 'template', language: 'pt', state: 'rated' } });
  });

  it('never asks a customer who opted out', async () => {
    const waId = '14155550903';
    await customerSends(inbound.text({ from: waId, body: 'I need help with a refund' }));
    await customerSends(inbound.text({ from: waId, body: 'STOP' }));
    const conversation = await conversationOf(waId, (c) => c.contact.optedOut);
    await server.api(admin, 'POST', `/api/conversations/${conversation.id}/resolve`);
    const skipped = await eventually(
      async () => (await timelineOf(conversation.id)).find((e) => e.kind === 'csat-skipped'),
      'the skipped survey',
    );
    expect(skipped.summary).toContain('opted out');
    expect(sentTo(waId).filter((m) => m.type === 'interactive' || m.type === 'template')).toEqual([]);
  });
});
