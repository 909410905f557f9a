import type { DurationFigures, ReportDTO, ReportQuery } from '@switchboard/shared';
import { CSAT_SCORES } from '@switchboard/shared';
import { quantileSorted } from 'simple-statistics';
import { cellMatches, parseCellKey, type Cell } from './cells.js';
import { numberIn, reasonsIn, seriesIn, type DayDoc, type StoredCell } from './day-doc.js';

const SLA_KINDS = ['first_response', 'next_response', 'resolution'] as const;
const MAX_COMMENTS = 100;

export type ReportInput = {
  query: ReportQuery;
  zone: string;
  days: { day: string; doc: DayDoc | null }[];
  /** Online sessions still running, counted from their start (or the range's) to `until`. */
  running: { agentId: string; seconds: number }[];
  agentNames: Map<string, string>;
};

type Matched = { day: string; cell: Cell; counts: StoredCell };

/** Adds up the day documents' cells that match the filters into every figure of the report. */
export function buildReport({ query, zone, days, running, agentNames }: ReportInput): ReportDTO {
  const matched: Matched[] = [];
  const online = new Map<string, number>();
  for (const { day, doc } of days) {
    for (const [key, counts] of Object.entries(doc?.c ?? {})) {
      const cell = parseCellKey(key);
      if (cell.agentId && numberIn(counts, 'onlineSeconds') > 0 && matchesAgent(cell, query))
        online.set(cell.agentId, (online.get(cell.agentId) ?? 0) + numberIn(counts, 'onlineSeconds'));
      if (cellMatches(cell, query)) matched.push({ day, cell, counts });
    }
  }
  for (const session of running) {
    if (query.agentId && query.agentId !== session.agentId) continue;
    online.set(session.agentId, (online.get(session.agentId) ?? 0) + session.seconds);
  }
  const sum = (name: string, within: Matched[] = matched) => within.reduce((t, m) => t + numberIn(m.counts, name), 0);
  const series = (name: string, within: Matched[] = matched) => within.flatMap((m) => seriesIn(m.counts, name));
  const resolved = sum('resolved');
  const outbound = sum('messagesOut');
  const responses = sum('csatResponses');
  const scores = CSAT_SCORES.map((score) => ({ score, count: sum(`csat${score}`) }));

  return {
    range: { from: query.from, to: query.to, timezone: zone },
    totals: {
      opened: sum('opened'),
      reopened: sum('reopened'),
      resolved,
      reopenRate: ratio(sum('reopened'), resolved),
      messagesIn: sum('messagesIn'),
      messagesOut: outbound,
    },
    firstResponse: durations(series('firstResponse')),
    resolution: durations(series('resolution')),
    sla: SLA_KINDS.map((kind) => {
      const met = sum(`slaMet_${kind}`);
      const breached = sum(`slaBreached_${kind}`);
      return { kind, met, breached, metRatio: ratio(met, met + breached) };
    }),
    volume: days.map(({ day }) => {
      const of = matched.filter((m) => m.day === day);
      return {
        day,
        opened: sum('opened', of),
        resolved: sum('resolved', of),
        messagesIn: sum('messagesIn', of),
        messagesOut: sum('messagesOut', of),
      };
    }),
    volumeByHour: Array.from({ length: 24 }, (_, hour) => {
      const hh = String(hour).padStart(2, '0');
      return { hour, opened: sum(`h${hh}_opened`), messagesIn: sum(`h${hh}_messagesIn`) };
    }),
    backlog: backlogOf(days, query),
    handoffs: handoffsOf(matched, sum('handoffs')),
    agents: agentsOf(matched, online, agentNames),
    delivery: {
      outbound,
      delivered: sum('delivered'),
      read: sum('read'),
      deliveredRatio: ratio(sum('delivered'), outbound),
      readRatio: ratio(sum('read'), outbound),
    },
    csat: {
      asked: sum('csatAsked'),
      responses,
      responseRatio: ratio(responses, sum('csatAsked')),
      average: responses ? scores.reduce((t, s) => t + s.score * s.count, 0) / responses : null,
      satisfiedRatio: ratio(scores.at(-1)!.count, responses),
      distribution: scores,
      comments: commentsOf(days, query),
    },
  };
}

const matchesAgent = (cell: Cell, query: ReportQuery) => !query.agentId || query.agentId === cell.agentId;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** Median and 90th percentile, as simple-statistics computes them on the sorted durations. */
export function durations(values: number[]): DurationFigures {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
}

function backlogOf(days: ReportInput['days'], query: ReportQuery): ReportDTO['backlog'] {
  const points: ReportDTO['backlog'] = [];
  for (const { doc } of days) {
    for (const [, sample] of Object.entries(doc?.backlog ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      let open = 0;
      let waiting = 0;
      let oldest: Date | null = null;
      for (const [key, cell] of Object.entries(sample.cells)) {
        if (!cellMatches(parseCellKey(key), query)) continue;
        open += cell.open;
        waiting += cell.waiting;
        if (cell.oldestWaitingSince && (!oldest || cell.oldestWaitingSince < oldest)) oldest = cell.oldestWaitingSince;
      }
      const at = new Date(sample.at);
      points.push({
        at: at.toISOString(),
        open,
        waiting,
        oldestWaitSeconds: oldest ? Math.max(0, Math.round((at.getTime() - new Date(oldest).getTime()) / 1000)) : null,
      });
    }
  }
  return points;
}

function handoffsOf(matched: Matched[], total: number): ReportDTO['handoffs'] {
  const reasons = new Map<string, number>();
  for (const { counts } of matched) {
    for (const [name, count] of Object.entries(reasonsIn(counts))) {
      const reason = decodeURIComponent(name);
      reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    }
  }
  return {
    total,
    reasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

function agentsOf(matched: Matched[], online: Map<string, number>, names: Map<string, string>): ReportDTO['agents'] {
  const byAgent = new Map<string, Matched[]>();
  for (const m of matched) {
    if (!m.cell.agentId) continue;
    byAgent.set(m.cell.agentId, [...(byAgent.get(m.cell.agentId) ?? []), m]);
  }
  for (const agentId of online.keys()) if (!byAgent.has(agentId)) byAgent.set(agentId, []);
  return [...byAgent]
    .map(([agentId, cells]) => {
      const sum = (name: string) => cells.reduce((t, m) => t + numberIn(m.counts, name), 0);
      const handled = sum('handled');
      const responses = sum('csatResponses');
      const scoreTotal = CSAT_SCORES.reduce((t, score) => t + score * sum(`csat${score}`), 0);
      return {
        agentId,
        name: names.get(agentId) ?? 'Former user',
        handled,
        resolved: sum('resolved'),
        averageHandleSeconds: handled ? sum('handleSeconds') / handled : null,
        firstResponseMedianSeconds: durations(cells.flatMap((m) => seriesIn(m.counts, 'firstResponse'))).median,
        onlineSeconds: Math.round(online.get(agentId) ?? 0),
        csatAverage: responses ? scoreTotal / responses : null,
        csatResponses: responses,
      };
    })
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
}

function commentsOf(days: ReportInput['days'], query: ReportQuery): ReportDTO['csat']['comments'] {
  return days
    .flatMap(({ doc }) => doc?.comments ?? [])
    .filter((c) => cellMatches(parseCellKey(c.cell), query))
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, MAX_COMMENTS)
    .map((c) => ({
      conversationId: c.conversationId,
      score: c.score,
      comment: c.comment,
      agentId: parseCellKey(c.cell).agentId,
      at: new Date(c.at).toISOString(),
    }));
}
