import type { Database } from 'better-sqlite3';
import type { QueueStateDTO, TimelineEntryDTO } from '@switchboard/shared';

export type TimelineRow = TimelineEntryDTO & { seq: number; at: string };
export type CannedReplyRow = {
  id: string;
  scope: 'shared' | 'personal';
  language: string;
  shortcut: string;
  title: string;
  text: string;
};
export type BoardSampleRow = {
  at: string;
  queueId: string;
  waiting: number;
  slaAtRisk: number;
  slaBreached: number;
  busyAgents: number;
};

/** How long board samples are kept: the charts show the last hour. */
const BOARD_HISTORY_MS = 60 * 60_000;

/** The cache's smaller tables: the automation timeline, canned replies and the board's samples. */
export function sideStore(db: Database) {
  const saveTimeline = db.prepare(`
    INSERT INTO timeline (conversationId, seq, at, json) VALUES (?, ?, ?, ?)
    ON CONFLICT (conversationId, seq) DO UPDATE SET at = excluded.at, json = excluded.json`);
  const saveSample = db.prepare(`
    INSERT INTO board_samples (minute, queueId, waiting, slaAtRisk, slaBreached, busyAgents)
    VALUES (@minute, @queueId, @waiting, @slaAtRisk, @slaBreached, @busyAgents)
    ON CONFLICT (minute, queueId) DO UPDATE SET waiting = excluded.waiting, slaAtRisk = excluded.slaAtRisk,
      slaBreached = excluded.slaBreached, busyAgents = excluded.busyAgents`);
  const pruneSamples = db.prepare('DELETE FROM board_samples WHERE minute < ?');
  const minuteOf = (at: Date) => at.toISOString().slice(0, 16);

  return {
    saveTimelineEntry(conversationId: string, seq: number, at: string, entry: TimelineEntryDTO): void {
      saveTimeline.run(conversationId, seq, at, JSON.stringify(entry));
    },

    saveTimeline: db.transaction((conversationId: string, items: TimelineRow[]) => {
      for (const { seq, at, ...entry } of items) saveTimeline.run(conversationId, seq, at, JSON.stringify(entry));
    }),

    listTimeline(conversationId: string): TimelineRow[] {
      return db
        .prepare<[string], { seq: number; at: string; json: string }>(
          'SELECT seq, at, json FROM timeline WHERE conversationId = ? ORDER BY seq',
        )
        .all(conversationId)
        .map((r) => ({ ...(JSON.parse(r.json) as TimelineEntryDTO), seq: r.seq, at: r.at }));
    },

    listCanned(): CannedReplyRow[] {
      return db
        .prepare<[], CannedReplyRow>(
          'SELECT id, scope, language, shortcut, title, text FROM canned_replies ORDER BY position, id',
        )
        .all();
    },

    /** The replies the server last listed for this agent, in its order, in place of what was kept before. */
    replaceCanned: db.transaction((rows: CannedReplyRow[]) => {
      db.prepare('DELETE FROM canned_replies').run();
      const insert = db.prepare(
        'INSERT INTO canned_replies (id, scope, language, shortcut, title, text, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      rows.forEach((r, i) => insert.run(r.id, r.scope, r.language, r.shortcut, r.title, r.text, i));
    }),

    /** Keeps the latest state of each queue for the minute of `at`, and forgets samples older than an hour. */
    recordBoardSample: db.transaction((states: QueueStateDTO[], at: Date) => {
      for (const s of states) {
        saveSample.run({
          minute: minuteOf(at),
          queueId: s.queue.id,
          waiting: s.waiting,
          slaAtRisk: s.slaAtRisk,
          slaBreached: s.slaBreached,
          busyAgents: s.agents.filter((a) => a.load > 0).length,
        });
      }
      pruneSamples.run(minuteOf(new Date(at.getTime() - BOARD_HISTORY_MS)));
    }),

    boardHistory(now: Date): BoardSampleRow[] {
      return db
        .prepare<[string], Omit<BoardSampleRow, 'at'> & { minute: string }>(
          'SELECT * FROM board_samples WHERE minute >= ? ORDER BY minute, queueId',
        )
        .all(minuteOf(new Date(now.getTime() - BOARD_HISTORY_MS)))
        .map(({ minute, ...sample }) => ({ at: `${minute}:00.000Z`, ...sample }));
    },
  };
}
