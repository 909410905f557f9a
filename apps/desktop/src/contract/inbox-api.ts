import { z } from 'zod';
import {
  EscalateRequest,
  IdempotencyKey,
  LabelsRequest,
  Locale,
  MergeContactsRequest,
  SearchContactsQuery,
  UpdateContactRequest,
  CorrectIntentRequest,
  ObjectIdString,
  ReportExportQuery,
  ReportQuery,
  SearchQuery,
  SendMessageRequest,
  SnoozeRequest,
  checkAttachment,
  type ConversationDTO,
  type ConversationPresenceDTO,
  type ChannelDTO,
  type ContactChangeDTO,
  type ContactDTO,
  type ChannelSendHealthDTO,
  type DeadLetterDTO,
  type ErrorIssue,
  type InboundDeadLetterDTO,
  type InboundReplayAllResult,
  type InboundReplayResult,
  type MentionDTO,
  type MentionListDTO,
  type MessageDTO,
  type QueueStateDTO,
  type ReportDTO,
  type SearchResult,
  type SlaAlert,
  type TemplateDTO,
  type TimelineEntryDTO,
  type TransferTargetsDTO,
  type UserDTO,
} from '@switchboard/shared';

/**
 * The one contract between the renderer and the engine's host (Electron's main process, or the Node host that
 * serves the renderer to a browser). Every command is declared here once, with a zod schema for what the
 * renderer sends: the host validates it before acting, exactly as the server validates what clients send.
 */

export type ConnectionState = 'offline' | 'syncing' | 'online';

export type SessionState = {
  user: UserDTO | null;
  serverUrl: string | null;
  connection: ConnectionState;
  /** The server the sign-in form offers when nobody is signed in (the host's configured default). */
  defaultServerUrl?: string;
};

export const InboxView = z.enum(['mine', 'queues', 'all', 'snoozed', 'resolved']);
export type InboxView = z.infer<typeof InboxView>;

export const InboxSort = z.enum(['priority', 'sla', 'window', 'recent', 'waiting']);
export type InboxSort = z.infer<typeof InboxSort>;

export const ListInboxRequest = z.strictObject({
  view: InboxView,
  sort: InboxSort.default('priority'),
  search: z.string().trim().max(200).optional(),
  label: z.string().max(40).optional(),
});
export type ListInboxRequest = z.input<typeof ListInboxRequest>;

/**
 * A conversation as the list shows it: the cached DTO plus what only this device knows. `failedReplies`: the
 * replies refused by the server or not delivered by WhatsApp that the agent has not yet sent again or discarded.
 */
export type InboxItem = ConversationDTO & { unreadCount: number; pendingReplies: number; failedReplies: number };

/**
 * Every reply on this device that has not gone, whichever list shows its conversation: waiting to send, or
 * failed (refused by the server, or not delivered in an open conversation) and not yet sent again or discarded.
 */
export type ReplyCounts = { pending: number; failed: number };

/** A staged attachment's id: a UUID the renderer chose, which names its file in the host's data folder. */
export const StagedFileId = z.uuid();

/** How much of a file one `attachment:write` carries (before base64), to stay well under a bridge frame. */
export const ATTACHMENT_PIECE_BYTES = 512 * 1024;

/** A file the agent attached (already staged on the host) with its caption, as `reply:send-file` takes it. */
export const FileReply = z
  .strictObject({
    type: z.literal('file'),
    file: z.strictObject({
      id: StagedFileId,
      filename: z.string().trim().min(1).max(240, 'a file name is at most 240 characters'),
      mimeType: z.string().min(1).max(200),
      size: z.number().int().positive(),
    }),
    caption: z.string().trim().max(1024, 'WhatsApp allows at most 1024 characters').optional(),
  })
  .superRefine((reply, ctx) => {
    const check = checkAttachment(reply.file);
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['file'], message: check.message });
  });
export type FileReply = z.infer<typeof FileReply>;

/** What the outbox holds: a reply as the server takes it, or a file still to be uploaded before it is sent. */
export type OutboxRequest = SendMessageRequest | FileReply;

/** How far the upload of a file reply has got. */
export type UploadProgress = { clientMessageId: string; conversationId: string; sentBytes: number; totalBytes: number };

export type PendingReply = {
  clientMessageId: string;
  conversationId: string;
  request: OutboxRequest;
  state: 'pending' | 'sent' | 'failed' | 'discarded';
  attempts: number;
  /** Why the server refused it: its message, code and the fields it named (`parameters.delivery_at`). */
  error: string | null;
  errorCode: string | null;
  issues: ErrorIssue[];
  createdAt: string;
};

/**
 * `pending`: this device's replies the server has not taken (waiting, or refused). `settledFailures`: the
 * failed messages the agent already sent again or discarded, which no longer offer those actions.
 */
export type ThreadState = { messages: MessageDTO[]; pending: PendingReply[]; settledFailures: string[] };

/** A canned reply as the `/` picker offers it (the server's, kept in the cache for offline use). */
export type CannedReply = {
  id: string;
  scope: 'shared' | 'personal';
  language: string;
  shortcut: string;
  title: string;
  text: string;
};

export const ConversationAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('claim') }),
  z.strictObject({ type: z.literal('give-back') }),
  z.strictObject({ type: z.literal('resolve') }),
  z.strictObject({ type: z.literal('reopen') }),
  // One object for both targets: a discriminated union cannot hold two options with the same type.
  z
    .strictObject({
      type: z.literal('transfer'),
      toUserId: ObjectIdString.optional(),
      toQueueId: ObjectIdString.optional(),
      /** The person confirmed giving the teammate more than their capacity (supervisors and admins). */
      overCapacity: z.boolean().optional(),
    })
    .refine((v) => (v.toUserId === undefined) !== (v.toQueueId === undefined), {
      message: 'give exactly one of toUserId and toQueueId',
      path: ['toUserId'],
    })
    .refine((v) => v.overCapacity === undefined || v.toUserId !== undefined, {
      message: 'only a transfer to a teammate can go over capacity',
      path: ['overCapacity'],
    }),
  z.strictObject({ type: z.literal('assign'), userId: ObjectIdString, overCapacity: z.boolean().optional() }),
  z.strictObject({ type: z.literal('snooze'), until: SnoozeRequest.shape.until }),
  z.strictObject({ type: z.literal('escalate'), reason: EscalateRequest.shape.reason }),
  z.strictObject({ type: z.literal('labels'), labels: LabelsRequest.shape.labels }),
  z.strictObject({ type: z.literal('intent'), intent: CorrectIntentRequest.shape.intent }),
]);
export type ConversationAction = z.infer<typeof ConversationAction>;

const ConversationId = ObjectIdString;

/** The settings screens' calls: the admin APIs, and nothing else, passed through with the session's token. */
export const SettingsMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
export type SettingsMethod = z.infer<typeof SettingsMethod>;
export const SettingsPath = z
  .string()
  .max(500)
  .regex(
    /^\/api\/(users|queues|agents|channels|bots|templates|settings|audit|canned-replies)(\/|\?|$)/,
    'must be a settings API path',
  );

/** The server's answer to a change: the body, or its refusal naming the fields at fault (`body.email`). */
export type ServerAnswer<T> =
  { ok: true; body: T } | { ok: false; status: number; code: string; message: string; issues: ErrorIssue[] };

/** A settings answer: the body (checked by the screen against its shared schema), or the refusal with its fields. */
export type SettingsAnswer = ServerAnswer<unknown>;

/** Commands: name -> [argument schemas as a tuple, result type]. */
export const InboxCommandArgs = {
  'session:get': z.tuple([]),
  'session:login': z.tuple([
    z.strictObject({ serverUrl: z.url(), email: z.string().min(3).max(200), password: z.string().min(1).max(200) }),
  ]),
  'session:logout': z.tuple([]),
  'agent:set-status': z.tuple([z.enum(['online', 'away'])]),
  /** The signed-in user's interface language, saved on the server so it follows them to another machine. */
  'session:set-locale': z.tuple([Locale]),
  'inbox:list': z.tuple([ListInboxRequest]),
  'replies:counts': z.tuple([]),
  /** Unread messages in the agent's own conversations: what the tray, the dock badge and the window title count. */
  'inbox:unread': z.tuple([]),
  'conversation:get': z.tuple([ConversationId]),
  'conversation:read': z.tuple([ConversationId]),
  'conversation:act': z.tuple([ConversationId, ConversationAction]),
  /** The conversation the agent has open (null: none), so colleagues see them viewing it. */
  'conversation:view': z.tuple([ConversationId.nullable()]),
  /** The agent writes in the open conversation (at most every TYPING_REFRESH_MS), or stopped. */
  'conversation:typing': z.tuple([ConversationId, z.boolean()]),
  'thread:get': z.tuple([ConversationId]),
  'timeline:get': z.tuple([ConversationId]),
  'contact:history': z.tuple([ObjectIdString]),
  /** A contact's profile changed: a refusal answers with the fields at fault, so the form can mark them. */
  'contact:update': z.tuple([ObjectIdString, UpdateContactRequest]),
  'contact:changes': z.tuple([ObjectIdString]),
  /** Merges the `sourceId` contact into the first one (irreversible: the renderer confirms first). */
  'contact:merge': z.tuple([ObjectIdString, MergeContactsRequest]),
  'contacts:search': z.tuple([SearchContactsQuery]),
  'reply:send': z.tuple([ConversationId, SendMessageRequest]),
  /** One piece of a file the agent attached, appended at `offset` (base64): the file is kept on the host's disk. */
  'attachment:write': z.tuple([
    StagedFileId,
    z.number().int().nonnegative(),
    z.base64().max(Math.ceil(ATTACHMENT_PIECE_BYTES / 3) * 4, 'a piece is at most 512 KB'),
  ]),
  /** An attached file the agent removed before sending it. */
  'attachment:discard': z.tuple([StagedFileId]),
  /** A staged file sent (uploaded first, when online) with its caption, through the outbox like any reply. */
  'reply:send-file': z.tuple([ConversationId, FileReply]),
  /** A failed reply of this device's outbox: tried again as it was, given up, or edited into a new one. */
  'reply:retry': z.tuple([IdempotencyKey]),
  'reply:discard': z.tuple([IdempotencyKey]),
  'reply:replace': z.tuple([IdempotencyKey, SendMessageRequest]),
  /** A message WhatsApp did not deliver: sent again as the given reply, or without one discarded. */
  'message:settle-failure': z.tuple([ConversationId, ObjectIdString, SendMessageRequest.optional()]),
  'templates:list': z.tuple([]),
  'canned:list': z.tuple([]),
  'board:get': z.tuple([]),
  'board:history': z.tuple([]),
  'agents:list': z.tuple([]),
  /** Where anyone may transfer a conversation: every queue, every teammate with their presence and load. */
  'transfer:targets': z.tuple([]),
  'dead-letters:list': z.tuple([]),
  'dead-letters:replay': z.tuple([ObjectIdString]),
  /** Webhooks the server acknowledged but could not apply in full (supervisors and admins). */
  'intake-dead-letters:list': z.tuple([]),
  'intake-dead-letters:replay': z.tuple([ObjectIdString]),
  'intake-dead-letters:replay-all': z.tuple([]),
  'media:url': z.tuple([ObjectIdString]),
  'mentions:list': z.tuple([]),
  /** Reads the caller's mentions in a conversation (they opened it). */
  'mentions:read': z.tuple([ConversationId]),
  'reports:get': z.tuple([ReportQuery]),
  'reports:export': z.tuple([ReportExportQuery]),
  'channels:list': z.tuple([]),
  'channels:send-health': z.tuple([]),
  'settings:request': z.tuple([SettingsMethod, SettingsPath, z.unknown().optional()]),
  'search:run': z.tuple([SearchQuery]),
} as const;

/** One sample per minute of the supervisor board, for the last-hour charts. */
export type BoardSample = {
  at: string;
  queueId: string;
  waiting: number;
  slaAtRisk: number;
  slaBreached: number;
  busyAgents: number;
};

export type InboxCommandResults = {
  'session:get': SessionState;
  'session:login': SessionState;
  'session:logout': SessionState;
  'agent:set-status': void;
  'session:set-locale': SessionState;
  'inbox:list': InboxItem[];
  'replies:counts': ReplyCounts;
  'inbox:unread': number;
  'conversation:get': ConversationDTO | null;
  'conversation:read': void;
  'conversation:act': ConversationDTO;
  /** Who views it and who writes in it now (the agent among them); null while offline. */
  'conversation:view': ConversationPresenceDTO | null;
  'conversation:typing': void;
  'thread:get': ThreadState;
  'timeline:get': TimelineItem[];
  'contact:history': ConversationDTO[];
  'contact:update': ServerAnswer<ContactDTO>;
  /** Newest first. */
  'contact:changes': ContactChangeDTO[];
  'contact:merge': ServerAnswer<ContactDTO>;
  'contacts:search': ContactDTO[];
  'reply:send': PendingReply;
  /** The file's size on the host so far. */
  'attachment:write': { size: number };
  'attachment:discard': void;
  'reply:send-file': PendingReply;
  'reply:retry': PendingReply;
  'reply:discard': PendingReply;
  'reply:replace': PendingReply;
  'message:settle-failure': PendingReply | null;
  'templates:list': TemplateDTO[];
  'canned:list': CannedReply[];
  'board:get': QueueStateDTO[];
  'board:history': BoardSample[];
  'agents:list': UserDTO[];
  'transfer:targets': TransferTargetsDTO;
  'dead-letters:list': DeadLetterDTO[];
  'dead-letters:replay': MessageDTO;
  'intake-dead-letters:list': InboundDeadLetterDTO[];
  'intake-dead-letters:replay': InboundReplayResult;
  'intake-dead-letters:replay-all': InboundReplayAllResult;
  /** A URL the renderer may put in an <img>/<audio>/<a> to show an inbound media message. */
  'media:url': string;
  'mentions:list': MentionListDTO;
  'mentions:read': { unreadCount: number };
  'reports:get': ReportDTO;
  /** One table of a report as CSV text, as the server exports it. */
  'reports:export': string;
  'channels:list': ChannelDTO[];
  /** Whether each business number can send, as the server last said (empty before the first connect). */
  'channels:send-health': ChannelSendHealthDTO[];
  /** A CSV export (`/api/audit/export`) answers its text as the body. */
  'settings:request': SettingsAnswer;
  /** The server's search; offline (or when it cannot be reached), this device's cache, saying so in `source`. */
  'search:run': SearchResult;
};

export type TimelineItem = TimelineEntryDTO & { seq: number; at: string };

export type InboxCommand = keyof typeof InboxCommandArgs;
export type InboxCommandArgsOf<C extends InboxCommand> = z.input<(typeof InboxCommandArgs)[C]>;

/** Pushes from the host to the renderer. Payloads name what changed; the renderer asks for the new state. */
export type InboxPushes = {
  'session-changed': [SessionState];
  'connection-changed': [ConnectionState];
  'conversations-changed': [];
  'thread-changed': [conversationId: string];
  /** A file reply's upload moved on (several times a second at most). */
  'upload-progress': [UploadProgress];
  'timeline-changed': [conversationId: string];
  'board-changed': [QueueStateDTO[]];
  /** A business number stopped sending, is retrying, or sends again: every number's send health, as now known. */
  'send-health-changed': [ChannelSendHealthDTO[]];
  /** Shown as a desktop notification by the host, and as a toast in the renderer. */
  notification: [InboxNotification];
  /** Someone named me in a note, or I read mentions on another device: the Mentions view reloads. */
  'mentions-changed': [];
  /** A template changed (a new version, or WhatsApp's review decided): template lists read again. */
  'templates-changed': [];
  /** Who views the open conversation and who writes in it changed (the agent is among them). */
  'presence-changed': [ConversationPresenceDTO];
  problem: [message: string];
};
export type InboxPush = keyof InboxPushes;

/**
 * `title` and `body` are the host's words for the OS notification; the renderer words its toast itself from
 * the structured fields, in the agent's language.
 */
export type InboxNotification =
  | {
      kind: 'assigned';
      conversationId: string;
      title: string;
      body: string;
      contactName: string;
      preview: string | null;
    }
  | { kind: 'sla'; conversationId: string; title: string; body: string; alert: SlaAlert }
  | { kind: 'mention'; conversationId: string; title: string; body: string; mention: MentionDTO };

/** What a command answers across IPC or the WebSocket: like the server's Ack, a union the caller must check. */
export type InboxResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** The typed API the renderer's services call: preload builds it over IPC, the browser bridge over a WebSocket. */
export interface InboxApi {
  invoke<C extends InboxCommand>(command: C, ...args: InboxCommandArgsOf<C>): Promise<InboxCommandResults[C]>;
  on<P extends InboxPush>(push: P, listener: (...payload: InboxPushes[P]) => void): () => void;
}

/**
 * The browser bridge's wire format (the Node host's WebSocket at `/bridge?key=<key>`, JSON text frames).
 * The key is kept in the host's data folder and only ever shown in the URL the host prints, so no other web page on
 * this machine can drive the engine.
 */
export type BridgeRequest = { kind: 'invoke'; id: number; command: InboxCommand; args: unknown[] };
export type BridgeMessage =
  { kind: 'result'; id: number; result: InboxResult<unknown> } | { kind: 'push'; push: InboxPush; payload: unknown[] };
