import type { Migration } from './migration.js';

/** Canned replies every install starts with; the agent's own come later. */
export const DEFAULT_CANNED_REPLIES = [
  {
    id: 'greeting',
    shortcut: '/hi',
    title: 'Greeting',
    text: "Hi! Thanks for reaching out, I'm looking into this for you now.",
  },
  {
    id: 'one-moment',
    shortcut: '/moment',
    title: 'One moment',
    text: "Thanks for your patience: I'm checking this and will be right back.",
  },
  {
    id: 'ask-details',
    shortcut: '/details',
    title: 'Ask for details',
    text: 'Could you send me your order number and the email on your account, so I can look it up?',
  },
  {
    id: 'anything-else',
    shortcut: '/else',
    title: 'Anything else?',
    text: "Glad that's sorted! Is there anything else I can help you with?",
  },
  { id: 'goodbye', shortcut: '/bye', title: 'Goodbye', text: 'Thanks for contacting us. Have a great day!' },
] as const;

/**
 * What the inbox list, the thread's context and the supervisor board need from the cache: columns generated
 * from the cached JSON (so sorting and filtering happen in SQLite, and stay right when the JSON changes),
 * the agent's read marks, the automation timeline, canned replies, and per-minute board samples.
 */
export const inboxViews: Migration = {
  version: 3,
  name: 'inbox-views',
  up(db) {
    const generated = (table: string, column: string, expression: string) =>
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} GENERATED ALWAYS AS (${expression}) VIRTUAL`);
    generated('conversations', 'status', "json_extract(json, '$.status')");
    generated('conversations', 'assigneeId', "json_extract(json, '$.assigneeId')");
    generated('conversations', 'routingState', "json_extract(json, '$.routingState')");
    generated('conversations', 'snoozedUntil', "json_extract(json, '$.snoozedUntil')");
    generated('conversations', 'slaDueAt', "json_extract(json, '$.sla.dueAt')");
    generated('conversations', 'windowExpiresAt', "json_extract(json, '$.windowExpiresAt')");
    generated('conversations', 'waitingSince', "json_extract(json, '$.waitingSince')");
    generated('conversations', 'contactId', "json_extract(json, '$.contact.id')");
    generated(
      'conversations',
      'priorityRank',
      "CASE json_extract(json, '$.priority') WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END",
    );
    generated('messages', 'direction', "json_extract(json, '$.direction')");
    db.exec(`
      CREATE INDEX conversations_by_assignee ON conversations (assigneeId);
      CREATE INDEX conversations_by_contact ON conversations (contactId);
      -- Unread counts read only this index (a virtual column's index stores its value): no JSON per message.
      CREATE INDEX messages_by_direction ON messages (conversationId, direction, sentAt);

      -- The newest message time the agent has seen in a conversation; inbound messages after it are unread.
      CREATE TABLE read_marks (
        conversationId TEXT PRIMARY KEY,
        readUpTo TEXT NOT NULL
      );

      -- The automation history, from timeline:added events and the server's timeline endpoint.
      CREATE TABLE timeline (
        conversationId TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (conversationId, seq)
      );

      CREATE TABLE canned_replies (
        id TEXT PRIMARY KEY,
        shortcut TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL
      );

      -- One sample per queue per minute (the latest of that minute), for the board's last-hour charts.
      CREATE TABLE board_samples (
        minute TEXT NOT NULL,
        queueId TEXT NOT NULL,
        waiting INTEGER NOT NULL,
        slaAtRisk INTEGER NOT NULL,
        slaBreached INTEGER NOT NULL,
        busyAgents INTEGER NOT NULL,
        PRIMARY KEY (minute, queueId)
      );
    `);
    const insert = db.prepare(
      'INSERT INTO canned_replies (id, shortcut, title, text, position) VALUES (?, ?, ?, ?, ?)',
    );
    DEFAULT_CANNED_REPLIES.forEach((r, i) => insert.run(r.id, r.shortcut, r.title, r.text, i));
  },
};
