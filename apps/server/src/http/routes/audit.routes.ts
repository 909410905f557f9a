import { AuditFilter, ListAuditQuery, type AuditEntryDTO } from '@switchboard/shared';
import { Router } from 'express';
import type { HttpServices } from '../http-services.js';
import { csvLines } from '../../lib/csv.js';
import { requireRole } from '../auth.middleware.js';
import { parseInput } from '../validate.js';

const CSV_HEADER = [
  'at',
  'actor',
  'actor role',
  'action',
  'entity type',
  'entity',
  'entity id',
  'changes',
  'before',
  'after',
];
const csvRow = (e: AuditEntryDTO) => [
  e.at,
  e.actor.name,
  e.actor.role,
  e.action,
  e.entity.type,
  e.entity.name,
  e.entity.id,
  e.changes.join('; '),
  e.before ? JSON.stringify(e.before) : '',
  e.after ? JSON.stringify(e.after) : '',
];
const CSV_BATCH = 200;

/** The audit log of settings: admins read it, filter it and export it. */
export function auditRoutes(services: HttpServices): Router {
  const router = Router();
  router.use('/audit', requireRole('admin'));
  router.get('/audit', async (req, res) => {
    res.json(await services.audit.list(parseInput(ListAuditQuery, req.query, 'query')));
  });
  // Streamed in batches: an export of a long history never sits whole in memory.
  router.get('/audit/export', async (req, res) => {
    const filter = parseInput(AuditFilter, req.query, 'query');
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="switchboard-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    res.write(csvLines([], CSV_HEADER));
    const batch: unknown[][] = [];
    for await (const entry of services.audit.each(filter)) {
      batch.push(csvRow(entry));
      if (batch.length === CSV_BATCH) res.write(csvLines(batch.splice(0)));
    }
    res.end(batch.length ? csvLines(batch) : undefined);
  });
  return router;
}
