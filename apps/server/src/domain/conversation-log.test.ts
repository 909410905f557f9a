import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { ConversationEventDTO } from '@switchboard/shared';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { keyedId } from '../lib/keyed-id.js';
import { startTestServer, type TestServer } from '../../test-support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ INTAKE_CONCURRENCY: '1' });
});
afterAll(() => server.close());

/** A conversation, and what a writer that was killed mid-append leaves: its claim, aged past staleness. */
async function deadWriter(from: string, dedupeKey: string) {
  await server.deliver(envelope({ messages: [inbound.text({ from, body: 'oi' })] }));
  const { models } = server.app;
  const conversation = await models.Conversation.findOne({ status: 'open' }).sort({ openedAt: -1 }).orFail();
  const claimedAt = new Date(Date.now() - 11_000);
  await models.ChangeClaim.create({ _id: keyedId('change', dedupeKey), claimedAt });
  return { conversation, claimedAt };
}

function pushes() {
  const seen: ConversationEventDTO[] = [];
  server.app.events.on('conversation.changed', (event) => seen.push(event));
  return seen;
}

const note = (conversationId: Types.ObjectId, channelId: Types.ObjectId, dedupeKey: string) => ({
  conversationId,
  channelId,
  type: 'timeline:added' as const,
  dedupeKey,
  data: { kind: 'escalated' as const, summary: 'after a crash', details: {}, actorId: null },
});

describe('a change whose writer died mid-append', () => {
  it('is appended and pushed by the next writer when the dead one stored nothing', async () => {
    const { conversation } = await deadWriter('5511960000001', 'crash-test:nothing-stored');
    const seen = pushes();
    const event = await server.app.services.log.append(note(conversation._id, conversation.channelId, 'crash-test:nothing-stored'));
    expect(event?.seq).toBe(conversation.seq + 1);
    expect(seen.map((e) => e.seq)).toEqual([conversation.seq + 1]);
    const again = await server.app.services.log.append(note(conversation._id, conversation.channelId, 'crash-test:nothing-stored'));
    expect(again?.id).toBe(event?.id);
  });

  it('is found, not appended twice, and pushed when the dead one had stored it without announcing it', async () => {
    const { conversation, claimedAt } = await deadWriter('5511960000002', 'crash-test:stored');
    const { models } = server.app;
    const seq = conversation.seq + 1;
    const change = note(conversation._id, conversation.channelId, 'crash-test:stored');
    await models.ConversationEvent.create({ _id: keyedId('event', `${conversation.id}:${seq}`), ...change, seq, at: new Date(claimedAt.getTime() + 5) });
    await models.Conversation.updateOne({ _id: conversation._id }, { $max: { seq } });

    const seen = pushes();
    const event = await server.app.services.log.append(change);
    expect(event?.seq).toBe(seq);
    expect(seen.map((e) => e.seq)).toEqual([seq]);
    const log = await server.app.services.log.since(conversation._id, 0, 100);
    expect(log.filter((e) => e.type === 'timeline:added' && e.data.summary === 'after a crash')).toHaveLength(1);
  });
});
