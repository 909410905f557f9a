import { EventEmitter } from 'node:events';
import type {
  ChannelSendHealthDTO,
  ConversationDTO,
  ConversationPresenceDTO,
  MentionDTO,
  MessageDTO,
  QueueStateDTO,
  SlaAlert,
  UserDTO,
} from '@switchboard/shared';
import type { OutboxEntry } from './db/cache.js';

export type ConnectionState = 'offline' | 'syncing' | 'online';

/** What the UI subscribes to. Payloads name what changed; the UI reads the new state from the cache. */
export type EngineEvents = {
  'conversations-changed': [];
  'messages-changed': [conversationId: string];
  'timeline-changed': [conversationId: string];
  /** A conversation:updated event was applied; `before` is what the cache held (null when it was new). */
  'conversation-updated': [before: ConversationDTO | null, after: ConversationDTO];
  'sla-alert': [alert: SlaAlert];
  /** A colleague named this user in a note. */
  mention: [mention: MentionDTO];
  /** This user read mentions (maybe on another device). */
  'mentions-read': [];
  /** A template changed (a new version, or WhatsApp's review moved its status): lists of templates read again. */
  'templates-changed': [];
  /** Supervisors only: the server pushed the live state of every queue. */
  'queues-updated': [states: QueueStateDTO[]];
  /** A reply changed state; `message` is the stored message once the server acknowledged it. */
  'outbox-changed': [entry: OutboxEntry, message: MessageDTO | null];
  /** A file reply's upload moved on. */
  'upload-progress': [
    progress: { clientMessageId: string; conversationId: string; sentBytes: number; totalBytes: number },
  ];
  'connection-changed': [state: ConnectionState];
  /** Who views the open conversation and who writes in it (this user among them), as the server says now. */
  'presence-changed': [presence: ConversationPresenceDTO];
  /** Whether each business number can send changed (or was read again on a connect): every number's, as now known. */
  'send-health-changed': [health: ChannelSendHealthDTO[]];
  /** The server's copy of the signed-in user, read on every connect: a preference changed on another machine. */
  'user-fetched': [user: UserDTO];
  /** Something went wrong that the engine will retry; for logs and a status line, never fatal. */
  problem: [error: Error];
};

export type Subscribe = <K extends keyof EngineEvents>(
  event: K,
  listener: (...args: EngineEvents[K]) => void,
) => () => void;
export type Emit = <K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]) => void;

export function createEngineEvents(): { subscribe: Subscribe; emit: Emit } {
  const emitter = new EventEmitter();
  return {
    subscribe: (event, listener) => {
      emitter.on(event, listener as (...args: unknown[]) => void);
      return () => void emitter.off(event, listener as (...args: unknown[]) => void);
    },
    emit: (event, ...args) => void emitter.emit(event, ...args),
  };
}
