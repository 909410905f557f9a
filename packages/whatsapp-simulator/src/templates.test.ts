import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WABA_ID } from './envelope.js';
import { verifyWebhookSignature } from './signature.js';
import { APP_SECRET, startHarness, TOKEN, type Harness } from './test-support/simulator-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const orderReady = {
  name: 'order_ready',
  language: 'en_US',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.', example: { body_text: [['Maria', '4411']] } }],
};

async function submit(body: unknown, wabaId = DEFAULT_WABA_ID) {
  const response = await fetch(`${h.sim.baseUrl}/v21.0/${wabaId}/message_templates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      id?: string;
      status?: string;
      error?: { code: number; error_subcode?: number; error_data?: { details: string } };
    },
  };
}

describe('POST /:version/:wabaId/message_templates', () => {
  it('answers PENDING with Meta’s id, and a review sends the signed status webhook', async () => {
    const created = await submit(orderReady);
    expect(created).toEqual({
      status: 200,
      body: { id: expect.stringMatching(/^1\d{15}$/), status: 'PENDING', category: 'UTILITY' },
    });
    const id = created.body.id!;
    await h.sim.reviewTemplate(id, { event: 'REJECTED', reason: 'INVALID_FORMAT' });
    const [request] = await h.receiver.waitFor(1);
    expect(
      verifyWebhookSignature(request!.rawBody, APP_SECRET, request!.headers['x-hub-signature-256'] as string),
    ).toBe(true);
    expect(JSON.parse(request!.rawBody)).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: DEFAULT_WABA_ID,
          time: expect.any(Number),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'REJECTED',
                message_template_id: Number(id),
                message_template_name: 'order_ready',
                message_template_language: 'en_US',
                reason: 'INVALID_FORMAT',
                message_template_category: 'UTILITY',
              },
            },
          ],
        },
      ],
    });
    expect(h.sim.submittedTemplates[0]).toMatchObject({ id, status: 'REJECTED' });
  });

  it('refuses what Meta refuses: a parameter without its example, a second one in the language, another WABA', async () => {
    const noExample = await submit({ ...orderReady, components: [{ type: 'BODY', text: 'Hi {{1}}.' }] });
    expect(noExample.status).toBe(400);
    expect(noExample.body.error).toMatchObject({ code: 100 });
    expect(noExample.body.error?.error_data?.details).toContain('components.0.example');

    expect((await submit(orderReady)).status).toBe(200);
    const again = await submit(orderReady);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 2388024 });

    const elsewhere = await submit({ ...orderReady, name: 'order_elsewhere' }, '999999999999999');
    expect(elsewhere.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(h.sim.submittedTemplates).toHaveLength(1);
  });

  it('fails as told, apart from the sends', async () => {
    h.sim.templateFaults.set({ metaError: { count: 1, code: 368 } });
    expect((await submit(orderReady)).body.error).toMatchObject({ code: 368 });
    expect((await submit(orderReady)).status).toBe(200);
    expect(h.sim.faults.current).toEqual({});
  });
});
