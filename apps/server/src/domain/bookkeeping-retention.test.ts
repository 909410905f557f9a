import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';
import {
  BookkeepingRetention,
  BOOKKEEPING_RETENTION_MS,
  STALE_PRESENCE_MS,
  SWEEP_EVERY_MS,
} from './bookkeeping-retention.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('bookkeeping retention', () => {
  it('deletes work leases only once they are older than the retention, once per hour across processes, and never what makes a repeat change nothing', async () => {
    const { models } = server.app;
    const payload = envelope({
      messages: [inbound.text({ from: '5511977001122', body: 'oi, preciso de ajuda com meu pedido' })],
    });
    await server.deliver(payload);
    const leases = await models.WorkLease.countDocuments();
    expect(leases).toBeGreaterThan(0);
    const conversation = await models.Conversation.findOne().orFail();
    const messagesBefore = await models.Message.countDocuments({ conversationId: conversation._id });
    const createdEvents = () =>
      models.ConversationEvent.countDocuments({ conversationId: conversation._id, type: 'message:created' });
    expect(await createdEvents()).toBe(1);

    // Two processes, the same hour: one sweeps, the other finds it done. Nothing is old enough yet.
    const soon = new Date(Date.now() + 2 * SWEEP_EVERY_MS);
    const [a, b] = await Promise.all([
      new BookkeepingRetention(models, randomUUID()).sweep(soon),
      new BookkeepingRetention(models, randomUUID()).sweep(soon),
    ]);
    expect([a, b].filter((r) => r === null)).toHaveLength(1);
    expect(a ?? b).toMatchObject({ leases: 0 });
    expect(await models.WorkLease.countDocuments()).toBeGreaterThanOrEqual(leases);

    // Past the retention, the leases go; the conversation, its messages and its log stay.
    const later = new Date(Date.now() + BOOKKEEPING_RETENTION_MS + SWEEP_EVERY_MS);
    const swept = await new BookkeepingRetention(models, randomUUID()).sweep(later);
    expect(swept?.leases).toBeGreaterThanOrEqual(leases);
    expect(
      await models.WorkLease.countDocuments({ takenAt: { $lt: new Date(later.getTime() - BOOKKEEPING_RETENTION_MS) } }),
    ).toBe(0);
    const after = await server.api<{ items: unknown[] }>(
      await server.login(),
      'GET',
      `/api/conversations/${conversation.id}/messages`,
    );
    expect(after.body.items).toHaveLength(messagesBefore);

    // Meta delivering the same webhook again, after the sweep, still changes nothing: not the messages, not
    // the log, not the count.
    await server.deliver(payload);
    expect(await models.Message.countDocuments({ conversationId: conversation._id })).toBe(messagesBefore);
    expect(await createdEvents()).toBe(1);
    const { seq, messageCount } = await models.Conversation.findById(conversation._id).orFail();
    expect(messageCount).toBe(messagesBefore);
    expect(await models.ConversationEvent.countDocuments({ conversationId: conversation._id })).toBe(seq);
  });

  it('deletes presence no process has refreshed for an hour, and keeps what a live process refreshed', async () => {
    const { models } = server.app;
    const agent = new Types.ObjectId();
    const at = new Date(Date.now() + 5 * SWEEP_EVERY_MS);
    const presence = (seenAt: Date) => ({ _id: new Types.ObjectId(), userId: agent, sockets: 1, seenAt });
    // A hundred process starts ago, and a live process's heartbeat a few minutes before the sweep.
    const longAgo = new Date(at.getTime() - STALE_PRESENCE_MS - 60_000);
    const live = presence(new Date(at.getTime() - 5 * 60_000));
    await models.Presence.insertMany([...Array.from({ length: 100 }, () => presence(longAgo)), live]);

    const swept = await new BookkeepingRetention(models, randomUUID()).sweep(at);
    expect(swept?.presence).toBeGreaterThanOrEqual(100);
    const left = await models.Presence.find({ userId: agent }).lean();
    expect(left.map((p) => p._id.toHexString())).toEqual([live._id.toHexString()]);
  });
});
