import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  foldedWordsOf,
  type ContactDTO,
  type ConversationDTO,
  type ConversationEventDTO,
  type MessageDTO,
} from '@switchboard/shared';
import { searchableText } from './message-text.js';
import { migrate } from './search-schema.js';

/** What the index holds of a conversation: the seq of the state it indexed, and how many of its messages. */
export type IndexedState = { stateSeq: number; messages: number };

const SLOTS = 1024;
/** messages_fts keeps prefix indexes of 2 and 3 letters; a longer prefix is completed from the words table. */
const PREFIX_INDEXED_UP_TO = 3;
/** More words than this for one prefix, and FTS5's own prefix walk is left to find them. */
const MAX_COMPLETIONS = 64;

/**
 * The server's full-text search index: one SQLite file (better-sqlite3, FTS5) beside the database, which
 * every server process of a deployment opens (WAL, so they read at once and write in turn). Each process
 * writes the changes it makes; the catch-up (search-catch-up.ts) repairs what a crashed one missed.
 */
export class SearchIndex {
  readonly db: Database.Database;
  /** True when the file was new (or of another version): it must be rebuilt from the database. */
  readonly created: boolean;
  private readonly statements;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Derived data: a power cut may lose the last writes, which the catch-up redoes from the database.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.created = migrate(this.db);
    const db = this.db;
    this.statements = {
      contactRowid: db.prepare<[string], { rowid: number }>('SELECT rowid FROM contacts WHERE id = ?'),
      insertContact: db.prepare('INSERT INTO contacts (id, name, wa_id, email) VALUES (?, ?, ?, ?)'),
      updateContact: db.prepare('UPDATE contacts SET name = ?, wa_id = ?, email = ? WHERE rowid = ?'),
      deleteContactFts: db.prepare('DELETE FROM contacts_fts WHERE rowid = ?'),
      insertContactFts: db.prepare('INSERT INTO contacts_fts (rowid, name, number, email) VALUES (?, ?, ?, ?)'),
      conversation: db.prepare<[string], { rowid: number; stateSeq: number }>(
        'SELECT rowid, state_seq AS stateSeq FROM conversations WHERE id = ?',
      ),
      insertPlaceholder: db.prepare("INSERT INTO conversations (id, channel_id, status) VALUES (?, ?, 'open')"),
      updateConversation: db.prepare(`
        UPDATE conversations SET contact_rowid = ?, channel_id = ?, queue_id = ?, assignee_id = ?, status = ?,
          labels = ?, last_message_at = ?, state_seq = ? WHERE rowid = ?`),
      deleteLabelsFts: db.prepare('DELETE FROM labels_fts WHERE rowid = ?'),
      insertLabelsFts: db.prepare('INSERT INTO labels_fts (rowid, labels) VALUES (?, ?)'),
      messageExists: db.prepare<[string], { rowid: number }>('SELECT rowid FROM messages WHERE id = ?'),
      insertMessage: db.prepare(
        'INSERT OR IGNORE INTO messages (rowid, id, conversation_rowid, direction) VALUES (?, ?, ?, ?)',
      ),
      insertMessageFts: db.prepare('INSERT INTO messages_fts (rowid, text) VALUES (?, ?)'),
      insertWord: db.prepare('INSERT OR IGNORE INTO words (word) VALUES (?)'),
      completions: db
        .prepare<[string, string, number], string>('SELECT word FROM words WHERE word >= ? AND word < ? LIMIT ?')
        .pluck(),
      state: db.prepare<[string], IndexedState>(`
        SELECT c.state_seq AS stateSeq, (SELECT count(*) FROM messages m WHERE m.conversation_rowid = c.rowid) AS messages
        FROM conversations c WHERE c.id = ?`),
    };
  }

  /** Applies changes from the conversation log (new messages, conversations' new states) in one transaction. */
  apply = (events: readonly ConversationEventDTO[]): void => {
    this.db.transaction(() => {
      for (const event of events) {
        if (event.type === 'conversation:updated') this.putConversation(event.data);
        else if (event.type === 'message:created') this.putMessage(event.data);
      }
    })();
  };

  /** A conversation as the database has it now; an older state than the one indexed is ignored. */
  putConversation(conversation: ConversationDTO): void {
    const { statements: s } = this;
    const contactRowid = this.putContact(conversation.contact);
    const rowid = this.conversationRowid(conversation.id, conversation.channelId);
    if (s.conversation.get(conversation.id)!.stateSeq > conversation.seq) return;
    s.updateConversation.run(
      contactRowid,
      conversation.channelId,
      conversation.queueId,
      conversation.assigneeId,
      conversation.status,
      `|${conversation.labels.join('|')}|`,
      conversation.lastMessageAt ? Date.parse(conversation.lastMessageAt) : null,
      conversation.seq,
      rowid,
    );
    s.deleteLabelsFts.run(rowid);
    if (conversation.labels.length > 0) s.insertLabelsFts.run(rowid, conversation.labels.join('\n'));
  }

  /** A message, once: numbered by when it was written, so newest-first is the index's own order. */
  putMessage(message: MessageDTO): void {
    const { statements: s } = this;
    if (s.messageExists.get(message.id)) return;
    const conversationRowid = this.conversationRowid(message.conversationId, message.channelId);
    const base = Date.parse(message.sentAt) * SLOTS;
    let rowid = base + (hashOf(message.id) % SLOTS);
    while (s.insertMessage.run(rowid, message.id, conversationRowid, message.direction).changes === 0) rowid++;
    const text = searchableText(message.content);
    if (!text) return;
    s.insertMessageFts.run(rowid, text);
    for (const word of foldedWordsOf(text)) if (word.length > PREFIX_INDEXED_UP_TO) s.insertWord.run(word);
  }

  /** The indexed words that start with a folded prefix; null for a short prefix or one with too many words. */
  completions = (prefix: string): readonly string[] | null => {
    if (prefix.length <= PREFIX_INDEXED_UP_TO) return null;
    const words = this.statements.completions.all(prefix, `${prefix}\uffff`, MAX_COMPLETIONS + 1);
    return words.length > MAX_COMPLETIONS ? null : words;
  };

  state(conversationId: string): IndexedState | undefined {
    return this.statements.state.get(conversationId);
  }

  isEmpty(): boolean {
    return !this.db.prepare('SELECT 1 FROM conversations LIMIT 1').get();
  }

  close(): void {
    this.db.close();
  }

  private putContact(contact: ContactDTO): number {
    const { statements: s } = this;
    const name = contact.name ?? contact.profileName;
    const { email } = contact;
    const existing = s.contactRowid.get(contact.id);
    const rowid = existing
      ? (s.updateContact.run(name, contact.waId, email, existing.rowid), existing.rowid)
      : Number(s.insertContact.run(contact.id, name, contact.waId, email).lastInsertRowid);
    s.deleteContactFts.run(rowid);
    s.insertContactFts.run(rowid, name ?? '', contact.waId ?? '', email ?? '');
    return rowid;
  }

  /** The conversation's row, made as a placeholder when a message arrives before the conversation itself. */
  private conversationRowid(id: string, channelId: string): number {
    const row = this.statements.conversation.get(id);
    if (row) return row.rowid;
    return Number(this.statements.insertPlaceholder.run(id, channelId).lastInsertRowid);
  }
}

/** Spreads messages of the same millisecond over the slots, so a collision is rare and costs one probe. */
function hashOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h;
}

/** The rowid range of messages written at or after `from` and before `to`. */
export function rowidRange(from: string | undefined, to: string | undefined): { low: number; high: number } {
  return {
    low: from ? Date.parse(from) * SLOTS : 0,
    high: to ? Date.parse(to) * SLOTS : Number.MAX_SAFE_INTEGER,
  };
}
