import { Router } from 'express';
import type { Connection } from 'mongoose';

export function healthRoutes(connection: Connection): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const up = await databaseAnswers(connection);
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'unavailable', database: up ? 'up' : 'down' });
  });
  return router;
}

async function databaseAnswers(connection: Connection): Promise<boolean> {
  const db = connection.db;
  if (!db) return false;
  const ping = db.admin().ping();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('ping timed out')), 2000).unref(),
  );
  return Promise.race([ping, timeout]).then(
    () => true,
    () => false,
  );
}
