import { io } from 'socket.io-client';
import type { ConversationDTO, ConversationEventDTO, Page, SyncSinceResult, Ack } from '@switchboard/shared';
import type { ClientSocket } from './harness.js';

/**
 * An agent's client as a real one behaves: a reconnecting socket that keeps every conversation's change log
 * by seq, fills a jump in seq with `conversation:sync`, and on every (re)connect lists the conversations by
 * REST and syncs each one it is behind on. Fault tests check what it ends up holding.
 */
export function connectCatchUpClient(options: { socketUrl: string; restUrl: string; token: string }) {
  const logs = new Map<string, Map<number, ConversationEventDTO>>();
  let redelivered = 0;
  let connects = 0;
  const socket: ClientSocket = io(options.socketUrl, {
    auth: { token: options.token },
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 1000,
  });

  const logOf = (conversationId: string) =>
    logs.get(conversationId) ?? logs.set(conversationId, new Map()).get(conversationId)!;
  /** The highest seq up to which nothing is missing. */
  const contiguous = (conversationId: string) => {
    const log = logOf(conversationId);
    let seq = 0;
    while (log.has(seq + 1)) seq++;
    return seq;
  };
  const hold = (event: ConversationEventDTO) => {
    const log = logOf(event.conversationId);
    if (log.has(event.seq)) redelivered++;
    else log.set(event.seq, event);
  };

  async function sync(conversationId: string, upTo?: number): Promise<void> {
    for (;;) {
      const afterSeq = contiguous(conversationId);
      if (upTo !== undefined && afterSeq >= upTo) return;
      const ack: Ack<SyncSinceResult> = await socket
        .timeout(10_000)
        .emitWithAck('conversation:sync', { conversationId, afterSeq, limit: 500 });
      if (!ack.ok) throw new Error(`conversation:sync refused: ${ack.error.code} ${ack.error.message}`);
      ack.data.events.forEach(hold);
      if (ack.data.events.length === 0 || contiguous(conversationId) >= ack.data.latestSeq) return;
    }
  }

  async function listConversations(): Promise<ConversationDTO[]> {
    const all: ConversationDTO[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await fetch(`${options.restUrl}/api/conversations?limit=200${query}`, {
        headers: { authorization: `Bearer ${options.token}` },
      });
      if (res.status !== 200) throw new Error(`listing conversations: ${res.status} ${await res.text()}`);
      const page = (await res.json()) as Page<ConversationDTO>;
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  /** Syncs every conversation this client is behind on. Throws when the server could not be asked. */
  async function catchUp(): Promise<void> {
    for (const conversation of await listConversations()) await sync(conversation.id, conversation.seq);
  }

  const quietly = (work: Promise<void>) => void work.catch(() => undefined);
  socket.on('conversation:changes', (events: ConversationEventDTO[]) => {
    for (const event of events) {
      const jumped = event.seq > contiguous(event.conversationId) + 1;
      hold(event);
      if (jumped) quietly(sync(event.conversationId, event.seq));
    }
  });
  socket.on('connect', () => {
    connects++;
    quietly(catchUp());
  });

  return {
    socket,
    catchUp,
    get connects() {
      return connects;
    },
    /** Events the server sent again that this client already held (after a sync raced a push, say). */
    get redelivered() {
      return redelivered;
    },
    conversationIds: () => [...logs.keys()],
    /** The seqs held for a conversation, in order. */
    seqs: (conversationId: string) => [...logOf(conversationId).keys()].sort((a, b) => a - b),
    /** Every WhatsApp message id the client has seen created, with how many distinct events carried it. */
    createdMessages(): Map<string, number> {
      const seen = new Map<string, number>();
      for (const log of logs.values()) {
        for (const event of log.values()) {
          if (event.type === 'message:created' && event.data.providerMessageId) {
            seen.set(event.data.providerMessageId, (seen.get(event.data.providerMessageId) ?? 0) + 1);
          }
        }
      }
      return seen;
    },
    close: () => void socket.disconnect(),
  };
}

export type CatchUpClient = ReturnType<typeof connectCatchUpClient>;
