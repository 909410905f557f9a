import type { ChannelDTO, ReportDTO, ReportQuery, ReportTable } from '@switchboard/shared';
import { downloadText } from '../../lib/download';
import { reportsService } from '../../services/reports.service';
import { failureText } from '../../i18n/errors';
import { describeError, type Slice } from '../types';

export type ReportFilters = Omit<ReportQuery, 'from' | 'to'>;

export type ReportsSlice = {
  reportQuery: ReportQuery;
  report: ReportDTO | null;
  reportLoading: boolean;
  reportProblem: string | null;
  channels: ChannelDTO[];
  /** Loads what the filters offer (queues, agents, channels) and the report itself. */
  openReports(): void;
  /** A filter of `undefined` (or an empty text) is cleared. */
  setReportQuery(change: Partial<ReportQuery>): void;
  loadReport(): Promise<void>;
  exportReportTable(table: ReportTable): Promise<void>;
};

const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The last seven days, today included: what a supervisor looks at first. */
export function lastSevenDays(now = new Date()): Pick<ReportQuery, 'from' | 'to'> {
  const from = new Date(now);
  from.setDate(from.getDate() - 6);
  return { from: localDay(from), to: localDay(now) };
}

let reportRequest = 0;

export const createReportsSlice: Slice<ReportsSlice> = (set, get) => ({
  reportQuery: lastSevenDays(),
  report: null,
  reportLoading: false,
  reportProblem: null,
  channels: [],

  openReports() {
    void get().loadBoard();
    void reportsService
      .channels()
      .then((channels) => set({ channels }))
      .catch(() => undefined);
    void get().loadReport();
  },
  setReportQuery(change) {
    const next: Record<string, string | undefined> = { ...get().reportQuery, ...change };
    for (const [key, value] of Object.entries(next)) if (!value) delete next[key];
    set({ reportQuery: next as ReportQuery });
    void get().loadReport();
  },
  async loadReport() {
    // Only the newest request's answer is shown, however the answers interleave.
    const request = ++reportRequest;
    set({ reportLoading: true });
    try {
      const report = await reportsService.report(get().reportQuery);
      if (request === reportRequest) set({ report, reportProblem: null, reportLoading: false });
    } catch (error) {
      if (request === reportRequest) set({ reportProblem: failureText(describeError(error)), reportLoading: false });
    }
  },
  async exportReportTable(table) {
    const query = get().reportQuery;
    try {
      const csv = await reportsService.exportCsv(query, table);
      downloadText(`switchboard-${table}-${query.from}-${query.to}.csv`, csv, 'text/csv');
    } catch (error) {
      get().pushToast({ tone: 'error', title: 'Export failed', body: failureText(describeError(error)) });
    }
  },
});
