import { z } from 'zod';
import type { Ack } from './ack.js';
import type { ChannelSendHealthDTO } from './channel-health.js';
import type { ConversationEventDTO } from './conversation-event.js';
import { ObjectIdString } from './ids.js';
import type { QueueStateDTO } from './routing.js';
import { IdempotencyKey, SendMessageRequest, type MessageDTO } from './message.js';
import type { MentionDTO } from './mention.js';
import type { ConversationPresenceDTO, TypingCommand, ViewConversationCommand } from './presence.js';
import type { UserDTO } from './user.js';

export const SyncSinceRequest = z.object({
  conversationId: ObjectIdString,
  afterSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(500).optional(),
});
export type SyncSinceRequest = z.infer<typeof SyncSinceRequest>;

export type SyncSinceResult = { events: ConversationEventDTO[]; latestSeq: number };

export const SendMessageCommand = z.object({
  conversationId: ObjectIdString,
  clientMessageId: IdempotencyKey,
  message: SendMessageRequest,
});
export type SendMessageCommand = z.infer<typeof SendMessageCommand>;

export type SlaAlert = {
  conversationId: string;
  kind: 'first_response' | 'next_response' | 'resolution';
  level: 'warning' | 'breached' | 'escalated';
  summary: string;
  dueAt: string;
  /** Null when only supervisors are told. */
  assigneeId: string | null;
};

/** Pushes from server to client: the name is `entity:past-tense`. */
export interface ServerToClientEvents {
  /**
   * Changes to conversations the user sees (`message:created`, `message:status-updated`,
   * `conversation:updated`, `timeline:added`, told apart by `type`), each conversation's in its seq order.
   * The changes one turn of the server's event loop made go in one push: many under load, usually one.
   */
  'conversation:changes': (events: ConversationEventDTO[]) => void;
  /** An SLA warning or breach: to the assignee (desktop notification), and escalations to supervisors. */
  'sla:alert': (alert: SlaAlert) => void;
  /** Supervisors: the live state of every queue, pushed when it changes. */
  'queues:updated': (state: QueueStateDTO[]) => void;
  /** To the user named with `@` in a note. */
  'mention:created': (mention: MentionDTO) => void;
  /** To the same user's other devices: they read mentions, this many are unread now. */
  'mentions:read': (state: { unreadCount: number }) => void;
  /** To those viewing a conversation: who else views it and who is writing, whenever that changes. */
  'conversation:presence': (presence: ConversationPresenceDTO) => void;
  /** The canned replies someone may use changed (shared ones to everybody, personal ones to their owner). */
  'canned-replies:changed': () => void;
  /** To every signed-in user: a template changed (a new version, or WhatsApp's review moved its status). */
  'templates:changed': () => void;
  /** To every signed-in user: a number stopped sending (its outbound breaker opened), is retrying, or sends again. */
  'channel:send-health-changed': (health: ChannelSendHealthDTO) => void;
  /** To the user themselves: an admin changed their account or access (a new role, say); the inbox follows it. */
  'user:updated': (user: UserDTO) => void;
}

/** Commands from client to server: the name is `entity:verb`, every one acknowledged with an Ack. */
export interface ClientToServerEvents {
  'conversation:sync': (request: SyncSinceRequest, ack: (result: Ack<SyncSinceResult>) => void) => void;
  /** Sends a reply, template or note; repeating the same clientMessageId returns the same message. */
  'message:send': (command: SendMessageCommand, ack: (result: Ack<MessageDTO>) => void) => void;
  /** The conversation this socket's user has open (null: none); answers who is there now. */
  'conversation:view': (
    command: ViewConversationCommand,
    ack: (result: Ack<ConversationPresenceDTO | null>) => void,
  ) => void;
  /** Typing started, goes on, or stopped in the viewed conversation; the ack is optional. */
  'conversation:typing': (command: TypingCommand, ack?: (result: Ack<null>) => void) => void;
}

/** The handshake's `auth` object. */
export type SocketAuth = { token: string };
