import express from 'express';
import { isValidSignature } from '@switchboard/server/internals';

/**
 * The ingest baseline: the least a webhook endpoint can do. Checks the HMAC over the raw body (the server's
 * own check) and parses the JSON, then answers 200; nothing is stored.
 */
const secret = process.env.WHATSAPP_APP_SECRET!;
const app = express();
app.post('/webhooks/whatsapp', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
  const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!isValidSignature(raw, req.get('x-hub-signature-256'), secret)) {
    res.status(401).json({ error: 'bad signature' });
    return;
  }
  JSON.parse(raw.toString('utf8'));
  res.status(200).json({ stored: 'none' });
});
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
