import type { ReportDTO, ReportTable } from '@switchboard/shared';
import { stringify } from 'csv-stringify/sync';

type Row = Record<string, string | number | null>;

/** The rows of one of the report's tables, as the CSV export writes them (durations in seconds). */
export function tableRows(report: ReportDTO, table: ReportTable): Row[] {
  switch (table) {
    case 'summary':
      return [
        {
          from: report.range.from,
          to: report.range.to,
          timezone: report.range.timezone,
          ...report.totals,
          first_response_count: report.firstResponse.count,
          first_response_median_s: report.firstResponse.median,
          first_response_p90_s: report.firstResponse.p90,
          resolution_count: report.resolution.count,
          resolution_median_s: report.resolution.median,
          resolution_p90_s: report.resolution.p90,
        },
      ];
    case 'volume':
      return report.volume;
    case 'volume-by-hour':
      return report.volumeByHour;
    case 'backlog':
      return report.backlog;
    case 'sla':
      return report.sla;
    case 'handoffs':
      return report.handoffs.reasons;
    case 'agents':
      return report.agents;
    case 'delivery':
      return [report.delivery];
    case 'csat':
      return [
        ...report.csat.distribution.map((d) => ({
          score: d.score,
          count: d.count,
          conversation_id: null,
          comment: null,
          at: null,
        })),
        ...report.csat.comments.map((c) => ({
          score: c.score,
          count: null,
          conversation_id: c.conversationId,
          comment: c.comment,
          at: c.at,
        })),
      ];
  }
}

/**
 * RFC 4180 CSV through csv-stringify. A text cell that starts like a formula (= + - @) gets a leading
 * apostrophe, so a spreadsheet shows a customer's comment rather than running it (OWASP's CSV injection).
 */
export function toCsv(rows: Row[]): string {
  return stringify(rows, {
    header: true,
    columns: rows[0] ? Object.keys(rows[0]) : [],
    cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
  });
}
