import express, { Router } from 'express';
import { describeIssues, whatsapp } from '@switchboard/shared';
import { databaseUnavailable, isDatabaseUnavailable, withinDeadline } from '../lib/database-unavailable.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { isValidSignature } from './signature.js';
import type { WebhookIntakeStore } from './webhook-intake.store.js';

type Options = {
  appSecret: string;
  verifyToken: string;
  maxBodyBytes: number;
  /** How long the durable insert may take before Meta is told to retry (503). */
  storeTimeoutMs: number;
  intake: WebhookIntakeStore;
  onStored: () => void;
  logger: Logger;
};

/**
 * Meta's webhook endpoint. POST: signature first (on the raw bytes), then JSON, then the envelope's shape,
 * then durable storage, and only then 200. Processing happens after, from the stored copy.
 */
export function whatsappWebhookRouter(options: Options): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && token === options.verifyToken && typeof challenge === 'string' && challenge.length > 0) {
      res.type('text/plain').send(challenge);
      return;
    }
    res.status(403).type('text/plain').send('verification failed: hub.mode must be subscribe and hub.verify_token must match');
  });

  router.post('/', express.raw({ type: () => true, limit: options.maxBodyBytes }), async (req, res) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!isValidSignature(raw, req.get('x-hub-signature-256'), options.appSecret)) {
      throw new AppError('INVALID_SIGNATURE', 'X-Hub-Signature-256 is missing or does not match the body');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('MALFORMED_JSON', 'the body is not valid JSON');
    }
    const envelope = whatsapp.WebhookEnvelope.safeParse(json);
    if (!envelope.success) {
      throw new AppError('INVALID_WEBHOOK', 'the body is not a WhatsApp Business Account webhook', describeIssues(envelope.error.issues));
    }
    let id: string;
    try {
      id = await withinDeadline(options.intake.store(raw.toString('utf8')), options.storeTimeoutMs);
    } catch (error) {
      options.logger.error({ err: error }, 'webhook could not be stored');
      // A 503 makes Meta deliver it again. If the timed-out insert lands after all, that delivery is a
      // duplicate, which processing absorbs by message id.
      if (isDatabaseUnavailable(error)) throw databaseUnavailable('the webhook was not stored');
      throw new AppError('UNAVAILABLE', 'the webhook could not be stored; retry later');
    }
    options.onStored();
    res.status(200).json({ stored: id });
  });

  return router;
}
