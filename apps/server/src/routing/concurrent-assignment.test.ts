import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import type { QueueDTO } from '@switchboard/shared';
import { startPeerApp, startTestServer, type PeerApp, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let second: PeerApp;

beforeAll(async () => {
  server = await startTestServer({ ROUTING_INTERVAL_MS: '60000' });
  second = await startPeerApp(server);
});
afterAll(async () => {
  await second.close();
  await server.close();
});

describe('two routers racing on one database', () => {
  it('never assign a conversation twice and never push an agent past capacity', { timeout: 120_000 }, async () => {
    const admin = await server.login();
    const support = (await server.api<QueueDTO>(admin, 'POST', '/api/queues', { name: 'Support', fallback: true }))
      .body;
    for (let i = 0; i < 20; i++)
      await server.deliver(
        envelope({ messages: [inbound.text({ from: `5511977700${String(i).padStart(3, '0')}`, body: 'oi' })] }),
      );
    expect(await server.app.models.Conversation.countDocuments({ routingState: 'waiting' })).toBe(20);

    const agents = [];
    for (let i = 0; i < 3; i++) {
      const agent = await server.userWith('agent');
      await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [support.id], capacity: 3 });
      await server.connectSocket(agent.token);
      await server.untilOnline(agent.id);
      agents.push(agent);
    }
    await Promise.all([
      server.app.services.router.routeWaiting(),
      second.services.router.routeWaiting(),
      server.app.services.router.routeWaiting(),
      second.services.router.routeWaiting(),
    ]);

    const { Conversation, AgentSlot } = server.app.models;
    const assigned = await Conversation.find({ routingState: 'assigned' });
    expect(assigned).toHaveLength(9);
    expect(await Conversation.countDocuments({ routingState: 'waiting' })).toBe(11);
    for (const agent of agents) {
      expect(assigned.filter((c) => c.assigneeId?.toHexString() === agent.id)).toHaveLength(3);
      expect(await AgentSlot.countDocuments({ agentId: agent.id })).toBe(3);
    }
    const slots = await AgentSlot.find();
    expect(new Set(slots.map((s) => s.conversationId.toHexString())).size).toBe(slots.length);
    for (const conversation of assigned) {
      const slot = slots.find((s) => s.conversationId.equals(conversation._id));
      expect(slot?.agentId.equals(conversation.assigneeId!)).toBe(true);
    }
  });
});
