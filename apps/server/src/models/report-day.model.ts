import { Schema, type Connection } from 'mongoose';

/**
 * One day of report rollups (in REPORTS_TIMEZONE), `_id` = `d:YYYY-MM-DD`, so a report reads one document per
 * day by `_id` (the one lookup the embedded FerretDB serves from an index). `c` holds a cell per combination of
 * queue, agent, channel, intent and language that had activity that day (see reports/cells.ts) with its
 * counters; `bl` the backlog samples; `cm` the CSAT comments. Written only through `$inc`/`$push`/`$set`
 * by reports/rollup-writer.ts, read raw: its shape is the reports feature's, so mongoose checks none of it.
 * Beside each day, `v:YYYY-MM-DD` holds the day's version, moved by every write to the day, so a report re-reads
 * only the days that changed; and `z:YYYY-MM-DD`, a finished day's seal, the day as one BSON binary at a version,
 * which a report reads instead of the day's many fields while the version holds (reports/report-days.ts).
 */
const reportDaySchema = new Schema({ _id: { type: String, required: true } }, { strict: false, versionKey: false });

export const reportDayModel = (c: Connection) => c.model('ReportDay', reportDaySchema, 'report_days');
