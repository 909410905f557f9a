import { ConversationEventDTO } from '@switchboard/shared';
import type { Cache } from './db/cache.js';
import type { Emit } from './engine-events.js';
import { KeyedQueue } from '@switchboard/concurrency';
import type { RestClient } from './rest-client.js';
import { request, RequestInterrupted, type ClientSocket } from './socket-request.js';

const SYNC_PAGE = 500;

type SyncDeps = { cache: Cache; rest: RestClient; emit: Emit; socket: () => ClientSocket | null; ackTimeoutMs: number };

/**
 * Keeps each cached conversation equal to the server's change log: events are applied only in sequence;
 * a jump asks the server for what was missed. Work on one conversation is serialised.
 */
export function createConversationSync({ cache, rest, emit, socket, ackTimeoutMs }: SyncDeps) {
  const queue = new KeyedQueue();

  /** Applies events in order and tells the UI once what changed. 'gap' when one is missing before them. */
  async function applyAll(events: ConversationEventDTO[]): Promise<'applied' | 'gap'> {
    let conversationChanged = false;
    const messagesChanged = new Set<string>();
    let outcome: 'applied' | 'gap' = 'applied';
    const timelineChanged = new Set<string>();
    for (const event of events) {
      const before = event.type === 'conversation:updated' ? await cache.getConversation(event.conversationId) : null;
      const result = await cache.applyEvent(event);
      if (result === 'gap') {
        outcome = 'gap';
        break;
      }
      if (result === 'duplicate') continue;
      if (event.type === 'conversation:updated') {
        conversationChanged = true;
        emit('conversation-updated', before, event.data);
      }
      if (event.type === 'message:created' || event.type === 'message:status-updated')
        messagesChanged.add(event.conversationId);
      if (event.type === 'timeline:added') timelineChanged.add(event.conversationId);
    }
    if (conversationChanged) emit('conversations-changed');
    for (const id of messagesChanged) emit('messages-changed', id);
    for (const id of timelineChanged) emit('timeline-changed', id);
    return outcome;
  }

  /** Asks for everything after the cached seq, page by page, until the cache has the server's latest. */
  async function catchUp(conversationId: string): Promise<void> {
    const current = socket();
    if (!current) throw new Error('not connected');
    for (;;) {
      const afterSeq = await cache.seqOf(conversationId);
      const ack = await request(
        current,
        'conversation:sync',
        { conversationId, afterSeq, limit: SYNC_PAGE },
        ackTimeoutMs,
      );
      if (!ack.ok)
        throw new Error(`conversation:sync ${conversationId} refused: ${ack.error.code} ${ack.error.message}`);
      const events = ack.data.events.map((e) => ConversationEventDTO.parse(e));
      if ((await applyAll(events)) === 'gap')
        throw new Error(`conversation ${conversationId}: the server's log skips after seq ${afterSeq}`);
      const reached = await cache.seqOf(conversationId);
      if (reached >= ack.data.latestSeq || reached === afterSeq) return;
    }
  }

  /** A live push: applied if it is the next one, ignored if already seen, and a gap is filled from the server. */
  function receive(raw: unknown): Promise<void> {
    const parsed = ConversationEventDTO.safeParse(raw);
    if (!parsed.success) {
      emit('problem', new Error(`ignored a malformed live event: ${parsed.error.message}`));
      return Promise.resolve();
    }
    const event = parsed.data;
    return queue
      .run(event.conversationId, async () => {
        if ((await applyAll([event])) === 'gap') await catchUp(event.conversationId);
      })
      .catch((error: unknown) => emit('problem', error instanceof Error ? error : new Error(String(error))));
  }

  /**
   * After every (re)connect. Conversations new to the cache come as REST snapshots (the conversation and all
   * its messages, cheaper than replaying a long log); then every conversation, new or cached, is brought to
   * the server's latest seq through conversation:sync, which also covers changes made while we read.
   */
  async function resyncAll(): Promise<void> {
    const cached = await cache.conversationSeqs();
    const listed = await rest.conversations();
    for (const conversation of listed) {
      if (cached.has(conversation.id)) continue;
      await queue.run(conversation.id, async () => {
        const messages = await rest.messages(conversation.id);
        if (await cache.upsertConversation(conversation, messages)) emit('messages-changed', conversation.id);
      });
    }
    emit('conversations-changed');
    const ids = new Set([...cached.keys(), ...listed.map((c) => c.id)]);
    for (const id of ids) {
      try {
        await queue.run(id, () => catchUp(id));
      } catch (error) {
        // A lost connection ends this round (the next connect starts another); one refused conversation
        // (no longer visible to this user, say) must not keep the others stale.
        if (error instanceof RequestInterrupted) throw error;
        emit('problem', error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /** Brings one conversation up to the server's latest now (after an action), in line with its live events. */
  const refresh = (conversationId: string) => queue.run(conversationId, () => catchUp(conversationId));

  return { receive, resyncAll, refresh, idle: () => queue.idle() };
}
