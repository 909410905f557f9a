import Database from 'better-sqlite3';
import type {
  ConversationDTO,
  ConversationEventDTO,
  ErrorBody,
  MessageDTO,
  QueueStateDTO,
  SearchQuery,
  SearchResult,
  SendMessageRequest,
} from '@switchboard/shared';
import { inboxStore, type ApplyResult, type ListConversationsOptions } from './inbox-store.js';
import { inboxViewStore, type InboxQuery, type InboxRow } from './inbox-view-store.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { searchStore } from './search-store.js';
import { outboxStore, type OutboxEntry, type OutboxRequest } from './outbox-store.js';
import { sideStore, type BoardSampleRow, type CannedReplyRow, type TimelineRow } from './side-store.js';

export type { ApplyResult, ConversationSort, ListConversationsOptions } from './inbox-store.js';
export type { InboxQuery, InboxRow, InboxSortName, InboxViewName } from './inbox-view-store.js';
export type { FileReplyRequest, OutboxEntry, OutboxRequest, OutboxState } from './outbox-store.js';
export type { BoardSampleRow, CannedReplyRow, TimelineRow } from './side-store.js';
export type MetaKey = 'user' | 'token' | 'lastSyncAt';

/**
 * The one reader/writer of the local cache. Async although SQLite answers synchronously, so the database can
 * move to a worker thread later without changing a caller.
 */
export interface Cache {
  getMeta(key: MetaKey): Promise<string | null>;
  setMeta(key: MetaKey, value: string): Promise<void>;
  /** The last applied sequence number of a conversation; 0 when nothing of it is cached. */
  seqOf(conversationId: string): Promise<number>;
  /** The last applied sequence number of every cached conversation. */
  conversationSeqs(): Promise<Map<string, number>>;
  /** Stores a REST snapshot of a conversation and its messages; false when the cache already holds newer. */
  upsertConversation(conversation: ConversationDTO, messages: MessageDTO[]): Promise<boolean>;
  applyEvent(event: ConversationEventDTO): Promise<ApplyResult>;
  listConversations(options?: ListConversationsOptions): Promise<ConversationDTO[]>;
  listInbox(query: InboxQuery): Promise<InboxRow[]>;
  getConversation(id: string): Promise<ConversationDTO | null>;
  replyCounts(): Promise<{ pending: number; failed: number }>;
  /** True when the read mark moved (something unread became read). */
  markRead(conversationId: string): Promise<boolean>;
  contactHistory(contactId: string): Promise<ConversationDTO[]>;
  listMessages(conversationId: string): Promise<MessageDTO[]>;
  listTimeline(conversationId: string): Promise<TimelineRow[]>;
  saveTimeline(conversationId: string, items: TimelineRow[]): Promise<void>;
  listCanned(): Promise<CannedReplyRow[]>;
  replaceCanned(rows: CannedReplyRow[]): Promise<void>;
  /** Offline search of the cached messages and contacts (FTS5). */
  searchCache(query: SearchQuery): Promise<SearchResult>;
  recordBoardSample(states: QueueStateDTO[], at: Date): Promise<void>;
  boardHistory(now: Date): Promise<BoardSampleRow[]>;
  enqueueOutbox(clientMessageId: string, conversationId: string, request: OutboxRequest): Promise<OutboxEntry>;
  listPendingOutbox(): Promise<OutboxEntry[]>;
  listOutbox(conversationId: string): Promise<OutboxEntry[]>;
  recordOutboxAttempt(clientMessageId: string): Promise<void>;
  markOutboxSent(clientMessageId: string, message: MessageDTO): Promise<OutboxEntry>;
  markOutboxFailed(clientMessageId: string, error: ErrorBody): Promise<OutboxEntry>;
  retryOutbox(clientMessageId: string): Promise<OutboxEntry>;
  discardOutbox(clientMessageId: string): Promise<OutboxEntry>;
  /** Discards a failed reply and queues its edited version (with a new clientMessageId): [discarded, queued]. */
  replaceOutbox(
    failedId: string,
    clientMessageId: string,
    request: SendMessageRequest,
  ): Promise<[OutboxEntry, OutboxEntry]>;
  /** Records that the agent dealt with a failed message of the server's; queues `then` with it, atomically. */
  dismissFailure(
    conversationId: string,
    messageId: string,
    then?: { clientMessageId: string; request: SendMessageRequest },
  ): Promise<OutboxEntry | null>;
  listDismissedFailures(conversationId: string): Promise<string[]>;
  /** The staged files that pending and failed file replies still need. */
  outboxFileIds(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openCache(file: string): Promise<Cache> {
  const db = new Database(file);
  // WAL: readers never wait for the writer, and a crash mid-write cannot corrupt what was committed.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, MIGRATIONS);
  const side = sideStore(db);
  const inbox = inboxStore(db, side.saveTimelineEntry);
  const views = inboxViewStore(db);
  const search = searchStore(db);
  const outbox = outboxStore(db, inbox.addMessage);
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    getMeta: async (key) => getMeta.get(key)?.value ?? null,
    setMeta: async (key, value) => void setMeta.run(key, value),
    seqOf: async (conversationId) => inbox.seqOf(conversationId),
    conversationSeqs: async () => inbox.seqs(),
    upsertConversation: async (conversation, messages) => inbox.upsertConversation(conversation, messages),
    applyEvent: async (event) => inbox.applyEvent(event),
    listConversations: async (options) => inbox.listConversations(options),
    listInbox: async (query) => views.listInbox(query),
    getConversation: async (id) => views.getConversation(id),
    replyCounts: async () => views.replyCounts(),
    markRead: async (conversationId) => views.markRead(conversationId),
    contactHistory: async (contactId) => views.contactHistory(contactId),
    listMessages: async (conversationId) => inbox.listMessages(conversationId),
    listTimeline: async (conversationId) => side.listTimeline(conversationId),
    saveTimeline: async (conversationId, items) => void side.saveTimeline(conversationId, items),
    listCanned: async () => side.listCanned(),
    replaceCanned: async (rows) => void side.replaceCanned(rows),
    searchCache: async (query) => search.searchCache(query),
    recordBoardSample: async (states, at) => void side.recordBoardSample(states, at),
    boardHistory: async (now) => side.boardHistory(now),
    enqueueOutbox: async (id, conversationId, request) => outbox.enqueueOutbox(id, conversationId, request),
    listPendingOutbox: async () => outbox.listPendingOutbox(),
    listOutbox: async (conversationId) => outbox.listOutbox(conversationId),
    recordOutboxAttempt: async (id) => outbox.recordOutboxAttempt(id),
    markOutboxSent: async (id, message) => outbox.markOutboxSent(id, message),
    markOutboxFailed: async (id, error) => outbox.markOutboxFailed(id, error),
    retryOutbox: async (id) => outbox.retryOutbox(id),
    discardOutbox: async (id) => outbox.discardOutbox(id),
    replaceOutbox: async (failedId, id, request) => outbox.replaceOutbox(failedId, id, request),
    dismissFailure: async (conversationId, messageId, then) => outbox.dismissFailure(conversationId, messageId, then),
    listDismissedFailures: async (conversationId) => outbox.listDismissedFailures(conversationId),
    outboxFileIds: async () => outbox.outboxFileIds(),
    close: async () => void db.close(),
  };
}
