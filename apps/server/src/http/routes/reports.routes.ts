import { ReportExportQuery, ReportQuery } from '@switchboard/shared';
import { Router } from 'express';
import { tableRows, toCsv } from '../../reports/index.js';
import { requireRole } from '../auth.middleware.js';
import type { HttpServices } from '../http-services.js';
import { parseInput } from '../validate.js';

/** Supervisors' and admins' reports, and each of their tables as CSV. */
export function reportRoutes(services: HttpServices): Router {
  const router = Router();
  router.get('/reports', requireRole('supervisor', 'admin'), async (req, res) => {
    res.json(await services.reports.report(parseInput(ReportQuery, req.query, 'query')));
  });
  router.get('/reports/export', requireRole('supervisor', 'admin'), async (req, res) => {
    const { table, ...query } = parseInput(ReportExportQuery, req.query, 'query');
    const report = await services.reports.report(parseInput(ReportQuery, query, 'query'));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`switchboard-${table}-${query.from}-${query.to}.csv`)
      .send(toCsv(tableRows(report, table)));
  });
  return router;
}
