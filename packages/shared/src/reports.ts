import { z } from 'zod';
import { CsatScore } from './csat.js';
import { ObjectIdString } from './ids.js';
import { Language } from './routing.js';

const IsoDay = z.iso.date('must be a date YYYY-MM-DD');
export const MAX_REPORT_DAYS = 366;

/** A report's days (inclusive, in the server's report time zone) and what it is filtered by. */
export const ReportQuery = z
  .strictObject({
    from: IsoDay,
    to: IsoDay,
    queueId: ObjectIdString.optional(),
    agentId: ObjectIdString.optional(),
    channelId: ObjectIdString.optional(),
    intent: z.string().trim().min(1).max(60).optional(),
    language: Language.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const REPORT_TABLES = [
  'summary',
  'volume',
  'volume-by-hour',
  'backlog',
  'sla',
  'handoffs',
  'agents',
  'delivery',
  'csat',
] as const;
export const ReportTable = z.enum(REPORT_TABLES);
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportExportQuery = z.strictObject({
  ...ReportQuery.def.shape,
  table: ReportTable,
});

const Seconds = z.number().nonnegative().nullable();
const Ratio = z.number().min(0).max(1).nullable();

/** Median and 90th percentile (seconds) of the durations counted; null when none were. */
export const DurationFigures = z.object({ count: z.number().int(), median: Seconds, p90: Seconds });
export type DurationFigures = z.infer<typeof DurationFigures>;

export const SlaKind = z.enum(['first_response', 'next_response', 'resolution']);

export const ReportDTO = z.object({
  range: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
  totals: z.object({
    opened: z.number().int(),
    reopened: z.number().int(),
    resolved: z.number().int(),
    /** Reopened / resolved in the range. */
    reopenRate: Ratio,
    messagesIn: z.number().int(),
    messagesOut: z.number().int(),
  }),
  firstResponse: DurationFigures,
  resolution: DurationFigures,
  sla: z.array(z.object({ kind: SlaKind, met: z.number().int(), breached: z.number().int(), metRatio: Ratio })),
  volume: z.array(
    z.object({
      day: z.string(),
      opened: z.number().int(),
      resolved: z.number().int(),
      messagesIn: z.number().int(),
      messagesOut: z.number().int(),
    }),
  ),
  volumeByHour: z.array(
    z.object({ hour: z.number().int().min(0).max(23), opened: z.number().int(), messagesIn: z.number().int() }),
  ),
  /** Sampled on the hour: open conversations, those waiting for an agent, and the longest of those waits. */
  backlog: z.array(
    z.object({ at: z.string(), open: z.number().int(), waiting: z.number().int(), oldestWaitSeconds: Seconds }),
  ),
  handoffs: z.object({
    total: z.number().int(),
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
  agents: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      /** Assignments that ended in the range: resolved, transferred or returned to the queue. */
      handled: z.number().int(),
      resolved: z.number().int(),
      averageHandleSeconds: Seconds,
      firstResponseMedianSeconds: Seconds,
      onlineSeconds: z.number().nonnegative(),
      csatAverage: z.number().nullable(),
      csatResponses: z.number().int(),
    }),
  ),
  delivery: z.object({
    outbound: z.number().int(),
    delivered: z.number().int(),
    read: z.number().int(),
    deliveredRatio: Ratio,
    readRatio: Ratio,
  }),
  csat: z.object({
    asked: z.number().int(),
    responses: z.number().int(),
    /** Responses / surveys sent. */
    responseRatio: Ratio,
    average: z.number().nullable(),
    /** Share of responses with the top score. */
    satisfiedRatio: Ratio,
    distribution: z.array(z.object({ score: CsatScore, count: z.number().int() })),
    comments: z.array(
      z.object({
        conversationId: z.string(),
        score: CsatScore,
        comment: z.string(),
        agentId: z.string().nullable(),
        at: z.string(),
      }),
    ),
  }),
});
export type ReportDTO = z.infer<typeof ReportDTO>;
