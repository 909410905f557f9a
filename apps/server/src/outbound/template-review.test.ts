import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PHONE_NUMBER_ID,
  DEFAULT_WABA_ID,
  envelope,
  inbound,
  templateStatusUpdate,
  type SubmittedTemplate,
  type TemplateReviewEvent,
} from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, Page, TemplateDTO, TemplateVersionDTO } from '@switchboard/shared';
import { eventually, startTestServerWithSimulator } from '@switchboard/test-support/harness';

/**
 * Meta's template review against the real simulator: a template made while a number has a WABA id is submitted
 * to it, stays pending until the signed `message_template_status_update` webhook decides, and the verdict is
 * final against duplicates and late arrivals.
 */
let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  const channel = await server.api(admin, 'POST', '/api/channels', {
    phoneNumberId: DEFAULT_PHONE_NUMBER_ID,
    name: 'Support',
    wabaId: DEFAULT_WABA_ID,
  });
  expect(channel.status).toBe(201);
});
afterAll(() => server.close());

type Answer = TemplateDTO & { error?: { code: string; message: string; issues?: { path: string }[] } };

const orderReady = (name: string) => ({
  name,
  language: 'en',
  category: 'utility',
  body: 'Hi {{1}}, order {{2}} is ready.',
  parameters: [
    { name: '1', type: 'text', example: 'Maria' },
    { name: '2', type: 'text', example: '4411' },
  ],
  footer: 'Reply STOP to opt out',
});

const create = (body: unknown) => server.api<Answer>(admin, 'POST', '/api/templates', body);
const current = async (id: string) => (await server.api<TemplateDTO>(admin, 'GET', `/api/templates/${id}`)).body;
const history = async (id: string) =>
  (await server.api<{ items: TemplateVersionDTO[] }>(admin, 'GET', `/api/templates/${id}/history`)).body.items;
const submitted = (name: string): SubmittedTemplate => server.sim.submittedTemplates.find((t) => t.name === name)!;

/** A webhook as Meta would send it about a submitted template, processed before this resolves. */
const webhook = (t: SubmittedTemplate, event: TemplateReviewEvent, at: Date, reason?: string) =>
  server.deliver(
    templateStatusUpdate({
      event,
      templateId: t.id,
      name: t.name,
      language: t.language,
      at,
      ...(reason ? { reason } : {}),
    }),
  );

async function created(name: string): Promise<TemplateDTO> {
  const answer = await create(orderReady(name));
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('submitting a template to WhatsApp’s review', () => {
  it('is submitted as Meta takes it, stays pending until WhatsApp approves it, then can be sent', async () => {
    const socket = await server.connectSocket(admin);
    let pushes = 0;
    socket.on('templates:changed', () => pushes++);

    const template = await created('order_ready');
    const sent = submitted('order_ready');
    expect(template).toMatchObject({
      status: 'pending',
      review: { wabaId: DEFAULT_WABA_ID, metaTemplateId: sent.id, failure: null },
    });
    expect(sent.request).toEqual({
      name: 'order_ready',
      language: 'en',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: [
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.', example: { body_text: [['Maria', '4411']] } },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
      ],
    });

    await server.deliver(envelope({ messages: [inbound.text({ from: '5215500007001', body: 'hola' })] }));
    const conversations = await server.api<Page<ConversationDTO>>(admin, 'GET', '/api/conversations?limit=200');
    const conversation = conversations.body.items.find((c) => c.contact.waId === '5215500007001')!;
    const sendIt = (key: string) =>
      fetch(`${server.url}/api/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({
          type: 'template',
          template: { name: 'order_ready', language: 'en', parameters: ['Ana', '9001'] },
        }),
      });
    expect((await sendIt('review-send-1')).status).toBe(422);

    // Nobody can approve it by hand: WhatsApp's review decides.
    const byHand = await server.api<Answer>(admin, 'PATCH', `/api/templates/${template.id}`, {
      version: 1,
      status: 'approved',
    });
    expect(byHand.status).toBe(400);
    expect(byHand.body.error?.issues?.map((i) => i.path)).toEqual(['status']);

    expect((await server.sim.reviewTemplate(sent.id, { event: 'APPROVED' })).status).toBe(200);
    const approved = await eventually(async () => {
      const t = await current(template.id);
      return t.status === 'approved' ? t : undefined;
    }, 'the template to be approved');
    expect(approved).toMatchObject({ version: 2, rejectionReason: null });
    expect((await history(template.id)).at(-1)).toMatchObject({
      change: 'status-changed',
      changedFields: ['status'],
      changedBy: { id: null, name: 'WhatsApp' },
    });
    await eventually(async () => pushes >= 2 || undefined, 'the approval to be pushed live');

    expect((await sendIt('review-send-2')).status).toBe(201);
    await eventually(
      async () =>
        server.sim.sentMessages.find(
          (m) =>
            m.type === 'template' && (m.request as { template?: { name?: string } }).template?.name === 'order_ready',
        ),
      'the template to reach WhatsApp',
    );
  });

  it('a rejection keeps Meta’s reason and explanation', async () => {
    const template = await created('order_delayed');
    const sent = submitted('order_delayed');
    await server.sim.reviewTemplate(sent.id, {
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejectionInfo: {
        reason: 'Your template has parameters placed next to each other.',
        recommendation: 'Separate parameters with descriptive text.',
      },
    });
    const rejected = await eventually(async () => {
      const t = await current(template.id);
      return t.status === 'rejected' ? t : undefined;
    }, 'the template to be rejected');
    expect(rejected.rejectionReason).toBe('INVALID_FORMAT: Your template has parameters placed next to each other.');
  });

  it('a duplicate, a late PENDING or an older verdict does not move the status back', async () => {
    const template = await created('order_cancelled');
    const sent = submitted('order_cancelled');
    const decidedAt = new Date(Date.now() + 60_000);
    await webhook(sent, 'REJECTED', decidedAt, 'ABUSIVE_CONTENT');
    expect(await current(template.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'ABUSIVE_CONTENT',
      version: 2,
    });

    await webhook(sent, 'REJECTED', decidedAt, 'ABUSIVE_CONTENT');
    await webhook(sent, 'PENDING', new Date(decidedAt.getTime() - 30_000));
    await webhook(sent, 'PENDING', new Date(decidedAt.getTime() + 30_000));
    await webhook(sent, 'APPROVED', new Date(decidedAt.getTime() - 10_000));
    expect(await current(template.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'ABUSIVE_CONTENT',
      version: 2,
    });
    expect(await history(template.id)).toHaveLength(2);
  });
});

describe('after approval', () => {
  it('a paused or disabled template cannot be sent until WhatsApp reinstates it', async () => {
    const template = await created('order_paused');
    const sent = submitted('order_paused');
    const content = { name: 'order_paused', language: 'en', parameters: ['Ana', '9001'] };
    const sendable = () =>
      server.app.services.templates.prepareTemplateSend(content).then(
        () => 'sendable',
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      );
    const start = Date.now();
    await webhook(sent, 'APPROVED', new Date(start));
    expect(await sendable()).toBe('sendable');
    await webhook(sent, 'PAUSED', new Date(start + 1_000));
    expect(await sendable()).toBe(
      'TEMPLATE_NOT_APPROVED: template order_paused in en is paused; only approved templates can be sent',
    );
    await webhook(sent, 'DISABLED', new Date(start + 2_000));
    expect((await current(template.id)).status).toBe('disabled');
    await webhook(sent, 'REINSTATED', new Date(start + 3_000));
    expect(await sendable()).toBe('sendable');
  });
});

describe('a new version of the content', () => {
  it('goes back to WhatsApp’s review, and only a verdict given after it approves it', async () => {
    const template = await created('order_shipped');
    const sent = submitted('order_shipped');
    await webhook(sent, 'APPROVED', new Date());
    expect(await current(template.id)).toMatchObject({ status: 'approved', version: 2 });

    const edited = await server.api<Answer>(admin, 'PATCH', `/api/templates/${template.id}`, {
      version: 2,
      body: 'Hi {{1}}, order {{2}} has shipped.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      status: 'pending',
      version: 3,
      review: { metaTemplateId: sent.id, failure: null },
    });
    expect(submitted('order_shipped')).toMatchObject({ status: 'PENDING' });
    expect(submitted('order_shipped').request.components[0]).toMatchObject({
      text: 'Hi {{1}}, order {{2}} has shipped.',
    });

    await webhook(sent, 'APPROVED', new Date(Date.now() - 60_000));
    expect(await current(template.id)).toMatchObject({ status: 'pending', version: 3 });
    await server.sim.reviewTemplate(sent.id, { event: 'APPROVED' });
    await eventually(async () => (await current(template.id)).status === 'approved', 'the new version to be approved');
  });
});

describe('when the submission fails', () => {
  it('the template stays pending saying why, and can be submitted again', async () => {
    server.sim.templateFaults.set({ metaError: { count: 1, code: 368 } });
    const failed = await created('order_returned');
    expect(failed).toMatchObject({ status: 'pending', review: { metaTemplateId: null } });
    expect(failed.review?.failure).toContain(
      'WhatsApp refused the template: Temporarily blocked for policies violations',
    );
    expect(server.sim.submittedTemplates.some((t) => t.name === 'order_returned')).toBe(false);

    const again = await server.api<Answer>(admin, 'POST', `/api/templates/${failed.id}/submit`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'pending',
      review: { metaTemplateId: submitted('order_returned').id, failure: null },
    });
  });

  it('a brief outage is tried again within the request', async () => {
    server.sim.templateFaults.set({ httpError: { count: 1, status: 503 } });
    const template = await created('order_refunded');
    expect(template.review).toMatchObject({ metaTemplateId: submitted('order_refunded').id, failure: null });
  });
});
