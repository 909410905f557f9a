import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDTO, ConversationEventDTO } from '@switchboard/shared';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { eventually, startTestServer, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.login();
  await server.api(admin, 'POST', '/api/queues', { name: 'Support', fallback: true });
});
afterAll(() => server.close());

/** What a client shows of a conversation: everything but the log's own bookkeeping. */
const shown = ({ seq: _seq, updatedAt: _updatedAt, ...rest }: ConversationDTO) => rest;

async function settledConversation(from: string) {
  await server.deliver(envelope({ messages: [inbound.text({ from, body: 'where is my order 1234?' })] }));
  const { Conversation } = server.app.models;
  return eventually(async () => {
    const c = await Conversation.findOne({ status: 'open' }).sort({ openedAt: -1 });
    return c?.routingState ? c : null;
  }, 'the conversation routed');
}

describe('the conversation log', () => {
  it('ends on the state a conversation has, when a writer announces a state another writer has moved past', async () => {
    const { models, services, events } = server.app;
    const conversation = await settledConversation('15550001111');
    const pushed: ConversationEventDTO[] = [];
    events.on('conversation.changed', (event) => pushed.push(event));

    // Writer A reads the conversation; writer B changes and announces it; A announces what it read.
    const readByA = await models.Conversation.findById(conversation._id).orFail();
    const writtenByB = await models.Conversation.findByIdAndUpdate(
      conversation._id,
      { $set: { labels: ['vip-callback'] } },
      { new: true },
    ).orFail();
    await services.conversations.announce(writtenByB, 'labels:b', { fresh: writtenByB });
    await services.conversations.announce(readByA, 'touched:a', { fresh: readByA });

    const updates = pushed.filter((e) => e.type === 'conversation:updated');
    const lastPushed = updates.at(-1)?.data as ConversationDTO;
    expect(lastPushed.labels).toEqual(['vip-callback']);
    const logged = await services.log.since(conversation._id, 0, 1000);
    const lastLogged = logged.filter((e) => e.type === 'conversation:updated').at(-1)!.data as ConversationDTO;
    const stored = await models.Conversation.findById(conversation._id).orFail();
    expect(shown(lastLogged)).toEqual(shown(lastPushed));
    expect(lastLogged.labels).toEqual(stored.labels);
  });
});
