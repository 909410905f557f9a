import type { ReportQuery, ReportTable } from '@switchboard/shared';
import { bridge } from './bridge';

export const reportsService = {
  report: (query: ReportQuery) => bridge.api.invoke('reports:get', query),
  exportCsv: (query: ReportQuery, table: ReportTable) => bridge.api.invoke('reports:export', { ...query, table }),
  channels: () => bridge.api.invoke('channels:list'),
};
