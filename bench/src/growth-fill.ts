import { keyedId, type Models } from '@switchboard/server/internals';

type ObjectId = ReturnType<typeof keyedId>;

/** How much history the growth scenario puts in front of the server. */
export type FillSize = { conversations: number; messagesEach: number };
export type FillReport = { conversations: number; messages: number; contacts: number; ms: number };

const BATCH = 1000;
const DAY_MS = 86_400_000;

/**
 * Years of history straight through the driver (insertMany, 1,000 documents a command): customers, each with
 * one resolved conversation (and the slot that points at it) and its messages, half from the customer and
 * half agents' replies. Shaped as the server writes them, so every read of them works; none of it is open,
 * waiting or due, so what the server does afterwards is the same work as on an empty database, in front of
 * a large one.
 */
export async function fillHistory(
  models: Models,
  channelId: ObjectId,
  size: FillSize,
  progress: (done: number) => void = () => {},
): Promise<FillReport> {
  const started = performance.now();
  const base = Date.now() - 400 * DAY_MS;
  for (let from = 0; from < size.conversations; from += BATCH) {
    const count = Math.min(BATCH, size.conversations - from);
    const contacts = [];
    const conversations = [];
    const slots = [];
    const messages = [];
    for (let i = from; i < from + count; i++) {
      const waId = `4420${String(i).padStart(8, '0')}`;
      const contactId = keyedId('contact', `wa:${waId}`);
      const conversationId = keyedId('history-conversation', String(i));
      const openedAt = new Date(base + i * 300_000);
      const lastAt = new Date(openedAt.getTime() + size.messagesEach * 60_000);
      contacts.push({
        _id: contactId,
        key: `wa:${waId}`,
        waId,
        userId: null,
        profileName: `History ${i}`,
        optedOut: false,
        tier: null,
        createdAt: openedAt,
        updatedAt: openedAt,
      });
      conversations.push({
        _id: conversationId,
        channelId,
        contactId,
        status: 'resolved',
        openKey: conversationId.toHexString(),
        assigneeId: null,
        queueId: null,
        routingState: null,
        priority: 'normal',
        intent: 'order_status',
        language: 'en',
        routingEpoch: 1,
        labels: [],
        seq: size.messagesEach + 2,
        messageCount: size.messagesEach,
        lastMessageAt: lastAt,
        lastMessagePreview: 'thanks, all sorted',
        lastInboundAt: lastAt,
        firstAgentReplyAt: new Date(openedAt.getTime() + 60_000),
        lastAgentReplyAt: lastAt,
        firstUnansweredAt: null,
        slaTimerIds: [],
        openedAt,
        resolvedAt: lastAt,
        createdAt: openedAt,
        updatedAt: lastAt,
      });
      slots.push({
        _id: keyedId('slot', `${contactId.toHexString()}:${channelId.toHexString()}`),
        conversationId,
        open: false,
      });
      for (let m = 0; m < size.messagesEach; m++) {
        const inbound = m % 2 === 0;
        const key = inbound ? `wa:wamid.history.${i}.${m}` : `out:history:${i}.${m}`;
        const sentAt = new Date(openedAt.getTime() + m * 60_000);
        messages.push({
          _id: keyedId('message', key),
          key,
          conversationId,
          channelId,
          contactId,
          direction: inbound ? 'inbound' : 'outbound',
          providerMessageId: inbound ? `wamid.history.${i}.${m}` : `wamid.out.${i}.${m}`,
          type: 'text',
          content: { type: 'text', body: inbound ? `where is my order ${i}?` : `It ships today, order ${i}.` },
          context: null,
          referral: null,
          statusRank: inbound ? 0 : 3,
          statusTimestamps: { sent: null, delivered: null, read: null, failed: null },
          error: null,
          failureReason: null,
          outboxState: inbound ? null : 'accepted',
          attempts: inbound ? 0 : 1,
          clientMessageId: null,
          authorId: null,
          requestHash: null,
          correlationId: null,
          sentAt,
          createdAt: sentAt,
          updatedAt: sentAt,
        });
      }
    }
    await models.Contact.collection.insertMany(contacts, { ordered: false });
    await models.Conversation.collection.insertMany(conversations, { ordered: false });
    await models.ConversationSlot.collection.insertMany(slots, { ordered: false });
    for (let m = 0; m < messages.length; m += BATCH)
      await models.Message.collection.insertMany(messages.slice(m, m + BATCH), { ordered: false });
    progress(from + count);
  }
  return {
    conversations: size.conversations,
    messages: size.conversations * size.messagesEach,
    contacts: size.conversations,
    ms: Math.round(performance.now() - started),
  };
}
