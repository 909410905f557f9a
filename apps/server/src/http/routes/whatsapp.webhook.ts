import express, { type RequestHandler } from 'express';
import { describeIssues, whatsapp } from '@switchboard/shared';
import { databaseUnavailable, isDatabaseUnavailable, withinDeadline } from '../../lib/database-unavailable.js';
import { AppError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { isValidSignature } from '../../ingest/index.js';
import type { WebhookIntakeStore } from '../../ingest/index.js';

type Options = {
  appSecret: string;
  verifyToken: string;
  maxBodyBytes: number;
  /** How long the durable insert may take before Meta is told to retry (503). */
  storeTimeoutMs: number;
  intake: WebhookIntakeStore;
  /** Told the id of each webhook once it is stored. */
  onStored: (id: string) => void;
  logger: Logger;
};

/** Meta's webhook endpoint: `verify` answers GET (the subscription handshake), `receive` answers POST. */
export type WhatsappWebhook = { verify: RequestHandler; receive: RequestHandler[] };

/**
 * Meta's webhook endpoint. POST: signature first (on the raw bytes), then JSON, then the envelope's shape,
 * then durable storage, and only then 200. Processing happens after, from the stored copy. The handlers are
 * mounted on the app itself, not under a router of their own: webhooks are most of the traffic.
 */
export function whatsappWebhook(options: Options): WhatsappWebhook {
  const verify: RequestHandler = (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (
      mode === 'subscribe' &&
      token === options.verifyToken &&
      typeof challenge === 'string' &&
      challenge.length > 0
    ) {
      res.type('text/plain').send(challenge);
      return;
    }
    res
      .status(403)
      .type('text/plain')
      .send('verification failed: hub.mode must be subscribe and hub.verify_token must match');
  };

  const store: RequestHandler = async (req, res) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!isValidSignature(raw, req.get('x-hub-signature-256'), options.appSecret)) {
      throw new AppError('INVALID_SIGNATURE', 'X-Hub-Signature-256 is missing or does not match the body');
    }
    const body = raw.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AppError('MALFORMED_JSON', 'the body is not valid JSON');
    }
    const envelope = whatsapp.WebhookEnvelope.safeParse(json);
    if (!envelope.success) {
      throw new AppError(
        'INVALID_WEBHOOK',
        'the body is not a WhatsApp Business Account webhook',
        describeIssues(envelope.error.issues),
      );
    }
    let id: string;
    try {
      id = await withinDeadline(options.intake.store(body), options.storeTimeoutMs);
    } catch (error) {
      options.logger.error({ err: error }, 'webhook could not be stored');
      // A 503 makes Meta deliver it again. If the timed-out insert lands after all, that delivery is a
      // duplicate, which processing absorbs by message id.
      if (isDatabaseUnavailable(error)) throw databaseUnavailable('the webhook was not stored');
      throw new AppError('UNAVAILABLE', 'the webhook could not be stored; retry later');
    }
    options.onStored(id);
    // Written directly rather than through res.json: an answer to a POST is never revalidated, so the ETag
    // res.json would hash for it is wasted work on the busiest path.
    res
      .status(200)
      .setHeader('Content-Type', 'application/json; charset=utf-8')
      .end(JSON.stringify({ stored: id }));
  };

  return { verify, receive: [express.raw({ type: () => true, limit: options.maxBodyBytes }), store] };
}
