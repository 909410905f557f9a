import { afterAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { ConversationDTO, ConversationEventDTO, QueueDTO } from '@switchboard/shared';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
afterAll(() => server?.close());

describe("the SLA clock agents see is the server's", () => {
  it('after a reply, the pushed conversation carries the running target the API answers', async () => {
    server = await startTestServer({ ROUTING_INTERVAL_MS: '100', SLA_CHECK_INTERVAL_MS: '100' });
    const admin = await server.login();
    const queue = (await server.api<QueueDTO>(admin, 'POST', '/api/queues', { name: 'Support', fallback: true })).body;
    const agent = await server.userWith('agent');
    await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queue.id], capacity: 5 });
    const socket = await server.connectSocket(agent.token);
    await server.untilOnline(agent.id);
    const pushed: ConversationDTO[] = [];
    socket.on('conversation:changes', (events: ConversationEventDTO[]) => {
      for (const e of events) if (e.type === 'conversation:updated') pushed.push(e.data);
    });

    await server.deliver(envelope({ messages: [inbound.text({ from: '5511955550101', body: 'preciso de ajuda' })] }));
    const conversation = await eventually(async () => {
      const [first] = (await server.api<{ items: ConversationDTO[] }>(agent.token, 'GET', '/api/conversations')).body
        .items;
      return first?.assigneeId === agent.id ? first : undefined;
    }, 'the conversation to be assigned to the agent');
    expect(conversation.sla?.kind).toBe('first_response');

    const reply = await server.api(
      agent.token,
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { type: 'text', body: 'Olá! Já vejo isso.' },
      { 'idempotency-key': 'sla-push-reply-1' },
    );
    expect(reply.status).toBe(201);
    const running = await eventually(async () => {
      const { sla } = (await server.api<ConversationDTO>(agent.token, 'GET', `/api/conversations/${conversation.id}`))
        .body;
      return sla && sla.kind !== 'first_response' ? sla : undefined;
    }, 'the first response target to end');
    // The last state pushed to the agent is the one the API answers: the list and header show that clock.
    await eventually(
      async () => pushed.filter((c) => c.id === conversation.id).at(-1)?.sla?.kind === running.kind,
      `a push carrying the ${running.kind} target`,
    );
    expect(pushed.filter((c) => c.id === conversation.id).at(-1)?.sla).toEqual(running);
  }, 90_000);
});
