import { io } from 'socket.io-client';
import {
  MentionDTO,
  QueueStateDTO,
  UserDTO,
  type ChannelSendHealthDTO,
  type ConversationDTO,
  type ConversationPresenceDTO,
  type MessageDTO,
  type SendMessageRequest,
  type SlaAlert,
} from '@switchboard/shared';
import {
  openCache,
  type Cache,
  type FileReplyRequest,
  type ListConversationsOptions,
  type OutboxEntry,
} from './db/cache.js';
import { createConversationSync } from './conversation-sync.js';
import { createEngineEvents, type ConnectionState, type Subscribe } from './engine-events.js';
import { createOutbox } from './outbox.js';
import { createOutboxFiles, type OutboxFiles } from './outbox-files.js';
import { createPresence } from './presence.js';
import { createRestClient } from './rest-client.js';
import { createSendHealth } from './send-health.js';
import type { ClientSocket } from './socket-request.js';

export type { ConnectionState, EngineEvents } from './engine-events.js';

export type SyncEngineOptions = {
  serverUrl: string;
  token: string;
  cacheFile: string;
  /** How long a socket command may go unanswered before it counts as lost (and is retried on reconnect). */
  ackTimeoutMs?: number;
  /** The longest wait between reconnection attempts. */
  reconnectDelayMaxMs?: number;
  /** While connected, pending replies are retried this often, so one whose ack was lost does not wait for a reconnect. */
  outboxRetryMs?: number;
  /** How many conversations' pending replies are sent side by side (each conversation's own stay in order). */
  outboxConcurrency?: number;
};

/** The cache's readers and writers the host uses directly, beside the engine's own sync. */
type CacheAccess = Pick<
  Cache,
  | 'listInbox'
  | 'getConversation'
  | 'replyCounts'
  | 'contactHistory'
  | 'listTimeline'
  | 'saveTimeline'
  | 'listCanned'
  | 'replaceCanned'
  | 'searchCache'
  | 'recordBoardSample'
  | 'boardHistory'
  | 'listDismissedFailures'
>;

export interface SyncEngine extends CacheAccess {
  /** Opens the cache (readable at once, before the network answers), then connects in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly connection: ConnectionState;
  subscribe: Subscribe;
  listConversations(options?: ListConversationsOptions): Promise<ConversationDTO[]>;
  listMessages(conversationId: string): Promise<MessageDTO[]>;
  listOutbox(conversationId: string): Promise<OutboxEntry[]>;
  /**
   * The agent saw everything cached of the conversation. The lists are told at once when that read something
   * (their unread counts change), rather than on the next push or catch-up.
   */
  markRead(conversationId: string): Promise<void>;
  /** Whether each business number can send, as the server last said (empty until the first connect). */
  sendHealth(): ChannelSendHealthDTO[];
  /** Stores the reply in the outbox first, then sends it when connected; resolves once it is stored. */
  sendReply(conversationId: string, reply: SendMessageRequest): Promise<OutboxEntry>;
  /** Appends a piece of an attached file, kept on disk beside the cache; answers its size so far. */
  stageFile(fileId: string, offset: number, bytes: Uint8Array): Promise<number>;
  /** An attached file the agent removed before sending it. */
  discardStagedFile(fileId: string): Promise<void>;
  /** A staged file reply, into the outbox like any reply: uploaded, then sent, when connected. */
  sendFile(conversationId: string, reply: FileReplyRequest): Promise<OutboxEntry>;
  /** Resolves once no reply is being sent: every try started by then has ended, with its ack or its timeout. */
  outboxSettled(): Promise<void>;
  /** A failed reply, queued again as it was. */
  retryReply(clientMessageId: string): Promise<OutboxEntry>;
  /** A failed reply the agent gave up on. */
  discardReply(clientMessageId: string): Promise<OutboxEntry>;
  /** A failed reply edited: discarded, and `reply` queued in its place; answers the queued one. */
  replaceReply(clientMessageId: string, reply: SendMessageRequest): Promise<OutboxEntry>;
  /**
   * A message WhatsApp did not deliver, dealt with: sent again as `reply` (answering it, queued), or without one
   * discarded. Either way it no longer offers its actions (see listDismissedFailures).
   */
  settleFailedMessage(
    conversationId: string,
    messageId: string,
    reply?: SendMessageRequest,
  ): Promise<OutboxEntry | null>;
  /**
   * The conversation the agent has open (null: none), kept while offline and told to the server on every
   * connect; answers who is there now (null while offline). Later changes come as `presence-changed`.
   */
  view(conversationId: string | null): Promise<ConversationPresenceDTO | null>;
  /** The agent writes in the open conversation, or stopped: sent now, or dropped while offline. */
  typing(conversationId: string, typing: boolean): void;
  /** Catches one conversation up with the server now (after an action on it); a no-op while offline. */
  refresh(conversationId: string): Promise<void>;
  /**
   * Catches every conversation the user may see up with the server (the list, then each one's log), as on
   * a reconnect: for the views the server does not push live (see the service's wider views). A no-op
   * while offline; joins a round already running.
   */
  catchUpAll(): Promise<void>;
}

const RESYNC_RETRY_MS = 1_000;
/** Conversations whose replies are in flight at once, by default. */
export const OUTBOX_CONCURRENCY = 8;
const CACHE_ACCESS = [
  'listInbox',
  'getConversation',
  'replyCounts',
  'contactHistory',
  'listTimeline',
  'saveTimeline',
  'listCanned',
  'replaceCanned',
  'searchCache',
  'recordBoardSample',
  'boardHistory',
  'listDismissedFailures',
] as const;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const { subscribe, emit } = createEngineEvents();
  const rest = createRestClient(options.serverUrl, options.token);
  const sendHealth = createSendHealth(emit);
  let cache: Cache | null = null;
  let files: OutboxFiles | null = null;
  let socket: ClientSocket | null = null;
  let connection: ConnectionState = 'offline';
  let retryTimer: NodeJS.Timeout | undefined;
  let outboxTimer: NodeJS.Timeout | undefined;
  let resyncing: Promise<void> = Promise.resolve();

  const opened = () => {
    if (!cache) throw new Error('the sync engine is not started');
    return cache;
  };
  const setConnection = (state: ConnectionState) => {
    if (state === connection) return;
    connection = state;
    emit('connection-changed', state);
  };
  const report = (error: unknown) => emit('problem', error instanceof Error ? error : new Error(String(error)));
  const presence = createPresence({ socket: () => socket, emit, report, ackTimeoutMs });

  /** The signed-in user as the server last described them: kept in the cache and told to the service. */
  const learnUser = async (me: UserDTO) => {
    await opened().setMeta('user', JSON.stringify(me));
    emit('user-fetched', me);
  };

  let sync: ReturnType<typeof createConversationSync>;
  let outbox: ReturnType<typeof createOutbox>;

  /** A connect (first or again): replies go out at once, while every conversation is brought up to date. */
  function onConnect() {
    setConnection('syncing');
    void outbox.flush();
    presence.connected();
    resyncing = (async () => {
      try {
        await learnUser(await rest.me());
        // A server too old to answer it still syncs: the outage view stays empty, the inbox works.
        await sendHealth.read(rest).catch(report);
        await sync.resyncAll();
        await opened().setMeta('lastSyncAt', new Date().toISOString());
        if (socket?.connected) setConnection('online');
      } catch (error) {
        report(error);
        // Still connected but the round failed (a REST error, say): try again rather than stay 'syncing'.
        if (socket?.connected) retryTimer = setTimeout(onConnect, RESYNC_RETRY_MS);
      }
    })();
  }

  return {
    get connection() {
      return connection;
    },
    subscribe,

    async start() {
      if (cache) return;
      const fresh = await openCache(options.cacheFile);
      cache = fresh;
      await fresh.setMeta('token', options.token);
      files = createOutboxFiles(options.cacheFile);
      // Files attached but never sent before the last stop are not needed by any reply.
      await files.keepOnly(new Set(await fresh.outboxFileIds()));
      sync = createConversationSync({ cache: fresh, rest, emit, socket: () => socket, ackTimeoutMs });
      outbox = createOutbox({
        cache: fresh,
        emit,
        socket: () => socket,
        rest,
        files,
        ackTimeoutMs,
        concurrency: options.outboxConcurrency ?? OUTBOX_CONCURRENCY,
      });
      emit('conversations-changed');

      socket = io(options.serverUrl, {
        auth: { token: options.token },
        transports: ['websocket'],
        reconnectionDelayMax: options.reconnectDelayMaxMs ?? 5_000,
      });
      socket.on('connect', onConnect);
      socket.on('disconnect', () => {
        clearTimeout(retryTimer);
        setConnection('offline');
      });
      // socket.io retries a network failure by itself; a refused handshake (bad token) it does not, and the
      // UI learns of both here.
      socket.on('connect_error', report);
      socket.on('conversation:changes', (events: unknown) => {
        if (!Array.isArray(events))
          return report(new Error('ignored a malformed conversation:changes push: not a list'));
        for (const event of events) void sync.receive(event);
      });
      socket.on('sla:alert', (alert: SlaAlert) => emit('sla-alert', alert));
      socket.on('mention:created', (mention: unknown) => {
        const parsed = MentionDTO.safeParse(mention);
        if (parsed.success) emit('mention', parsed.data);
        else report(new Error(`ignored a malformed mention:created push: ${parsed.error.message}`));
      });
      socket.on('mentions:read', () => emit('mentions-read'));
      socket.on('templates:changed', () => emit('templates-changed'));
      socket.on('conversation:presence', (pushed: unknown) => presence.receive(pushed));
      socket.on('channel:send-health-changed', (health: unknown) => sendHealth.receive(health));
      socket.on('user:updated', (user: unknown) => {
        const parsed = UserDTO.safeParse(user);
        if (parsed.success) learnUser(parsed.data).catch(report);
        else report(new Error(`ignored a malformed user:updated push: ${parsed.error.message}`));
      });
      socket.on('queues:updated', (states: unknown) => {
        const parsed = QueueStateDTO.array().safeParse(states);
        if (parsed.success) emit('queues-updated', parsed.data);
        else report(new Error(`ignored a malformed queues:updated push: ${parsed.error.message}`));
      });
      outboxTimer = setInterval(() => {
        if (socket?.connected) void outbox.flush();
      }, options.outboxRetryMs ?? 5_000);
    },

    async stop() {
      if (!cache) return;
      clearTimeout(retryTimer);
      clearInterval(outboxTimer);
      socket?.disconnect();
      socket = null;
      await resyncing;
      await Promise.all([outbox.settled(), sync.idle()]);
      setConnection('offline');
      await cache.close();
      cache = null;
    },

    listConversations: (listOptions) => opened().listConversations(listOptions),
    listMessages: (conversationId) => opened().listMessages(conversationId),
    listOutbox: (conversationId) => opened().listOutbox(conversationId),
    markRead: async (conversationId) => {
      if (await opened().markRead(conversationId)) emit('conversations-changed');
    },
    sendHealth: () => sendHealth.list(),
    sendReply: (conversationId, reply) => {
      opened();
      return outbox.sendReply(conversationId, reply);
    },
    stageFile: (fileId, offset, bytes) => {
      opened();
      return files!.append(fileId, offset, bytes);
    },
    discardStagedFile: (fileId) => {
      opened();
      return files!.remove(fileId);
    },
    sendFile: (conversationId, reply) => {
      opened();
      return outbox.sendFile(conversationId, reply);
    },
    outboxSettled: () => {
      opened();
      return outbox.settled();
    },
    retryReply: (clientMessageId) => {
      opened();
      return outbox.retryReply(clientMessageId);
    },
    discardReply: (clientMessageId) => {
      opened();
      return outbox.discardReply(clientMessageId);
    },
    replaceReply: (clientMessageId, reply) => {
      opened();
      return outbox.replaceReply(clientMessageId, reply);
    },
    settleFailedMessage: (conversationId, messageId, reply) => {
      opened();
      return outbox.settleFailedMessage(conversationId, messageId, reply);
    },
    view: (conversationId) => {
      opened();
      return presence.view(conversationId);
    },
    typing: (conversationId, typing) => {
      opened();
      presence.typing(conversationId, typing);
    },
    refresh: async (conversationId) => {
      opened();
      if (socket?.connected) await sync.refresh(conversationId);
    },
    catchUpAll: async () => {
      opened();
      await resyncing;
      if (!socket?.connected) return;
      resyncing = sync.resyncAll();
      await resyncing;
    },
    ...cacheAccess(opened),
  };
}

/** Each cache method the host may call, forwarding to the open cache (and refusing when none is open). */
function cacheAccess(opened: () => Cache): CacheAccess {
  const access = {} as Record<string, unknown>;
  for (const name of CACHE_ACCESS)
    access[name] = (...args: unknown[]) => (opened()[name] as (...a: unknown[]) => unknown)(...args);
  return access as CacheAccess;
}
