import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ChannelDTO, MarkReadResult } from '@switchboard/shared';
import { actionKit } from '@switchboard/test-support/action-kit';
import { startTestServerWithSimulator } from '@switchboard/test-support/harness';

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let admin: string;
let kit: ReturnType<typeof actionKit>;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  admin = await server.login();
  kit = actionKit(server);
});
afterAll(() => server.close());

const open = (token: string, conversationId: string) =>
  server.api<MarkReadResult>(token, 'POST', `/api/conversations/${conversationId}/read`);

/**
 * The customer writes `bodies` a second apart, the last one now: WhatsApp stamps whole seconds, and a read
 * receipt names the newest message by that stamp, so a message written after another must not be stamped
 * before it (ending a second in the past did that whenever the test ran in under a second).
 */
async function customerSays(waId: string, ...bodies: string[]): Promise<string[]> {
  const messages = bodies.map((body, i) =>
    inbound.text({ from: waId, body, timestamp: new Date(Date.now() - (bodies.length - 1 - i) * 1000) }),
  );
  await server.deliver(envelope({ messages }));
  return messages.map((m) => m.id);
}

describe('marking read on WhatsApp', () => {
  it("opening a conversation sends one read receipt for the customer's newest message", async () => {
    const [, newest] = await customerSays('5215530000001', 'hola', '¿me ayudas con mi pedido?');
    const conversationId = await kit.customer('5215530000001', 'sigo aquí');
    const latest = server.sim.markedRead.length;
    const first = await open(admin, conversationId);
    expect(first.body.outcome).toBe('marked');
    const newestNow = first.body.messageId!;
    expect(newestNow).not.toBe(newest);
    expect(server.sim.markedRead.slice(latest)).toEqual([newestNow]);

    expect((await open(admin, conversationId)).body.outcome).toBe('already-marked');
    expect(server.sim.markedRead.length).toBe(latest + 1);

    const [later] = await customerSays('5215530000001', 'ya lo encontré');
    const again = await open(admin, conversationId);
    expect(again.body).toEqual({ outcome: 'marked', messageId: later, reason: null });
  });

  it('sends nothing when the number has marking read turned off', async () => {
    const conversationId = await kit.customer('5215530000002', 'hola');
    const conversation = await server.app.models.Conversation.findById(conversationId).orFail();
    const turnedOff = await server.api<ChannelDTO>(admin, 'PATCH', `/api/channels/${conversation.channelId}`, {
      markReadOnOpen: false,
    });
    expect(turnedOff.body.markReadOnOpen).toBe(false);
    const before = server.sim.markedRead.length;
    expect((await open(admin, conversationId)).body.outcome).toBe('turned-off');
    expect(server.sim.markedRead.length).toBe(before);
    await server.api(admin, 'PATCH', `/api/channels/${conversation.channelId}`, { markReadOnOpen: true });
    expect((await open(admin, conversationId)).body.outcome).toBe('marked');
  });

  it('an agent cannot mark read a conversation they may not see', async () => {
    const conversationId = await kit.customer('5215530000003', 'hola');
    const outsider = await server.userWith('agent');
    expect((await open(outsider.token, conversationId)).status).toBe(404);
  });
});
