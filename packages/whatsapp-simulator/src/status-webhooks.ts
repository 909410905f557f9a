import { setTimeout as sleep } from 'node:timers/promises';
import { envelope } from './envelope.js';
import { status, type StatusOptions } from './statuses.js';
import { deliverWebhook, signedWebhook, type WebhookDelivery } from './webhook-client.js';
import type { TemplateStatusWebhookPayload } from './template-reviews.js';
import type { MessageStatus, WebhookPayload } from './webhook-types.js';

/** Any webhook body the simulator posts: message changes, or a template's review. */
export type AnyWebhookPayload = WebhookPayload | TemplateStatusWebhookPayload;

export interface StatusDelays {
  sent: number;
  delivered: number;
  read: number;
}

export const DEFAULT_STATUS_DELAYS: StatusDelays = { sent: 50, delivered: 100, read: 150 };

/**
 * Meta retries a webhook the receiver did not acknowledge with 200, backing off, for up to seven days.
 * The simulator does the same within bounds a test can wait for: doubling from 100 ms, at most 12 tries
 * (about 7 minutes in all), cancelled by stop().
 */
const RETRY_FIRST_DELAY_MS = 100;
const RETRY_MAX_ATTEMPTS = 12;
const RETRY_MAX_DELAY_MS = 60_000;

export interface WebhookLogEntry {
  url: string;
  payload: AnyWebhookPayload;
  delivery: WebhookDelivery;
}

export interface BusinessNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
}

export interface AcceptedSend {
  statusOptions: StatusOptions;
  number: BusinessNumber;
  /** Business reactions only ever get a `sent` status, per Meta's reaction-message docs. */
  sentOnly: boolean;
  failure?: { code: number; details?: string };
}

/**
 * Posts the signed status webhooks that follow an accepted send, in order, each at its delay
 * from acceptance. Everything in flight is cancelled by `stop()` so a stopped simulator is quiet.
 */
export class StatusWebhooks {
  readonly log: WebhookLogEntry[] = [];
  private abort = new AbortController();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly appSecret: string,
    private readonly webhookUrl: () => string | undefined,
    private readonly delays: StatusDelays,
  ) {}

  /** Signs and posts any payload to the configured webhook URL, recording the outcome. */
  async post(payload: AnyWebhookPayload): Promise<WebhookDelivery> {
    const url = this.webhookUrl();
    if (!url) return { ok: false, error: 'no webhook URL configured', durationMs: 0 };
    const delivery = await deliverWebhook(url, signedWebhook(payload, this.appSecret), { signal: this.abort.signal });
    this.log.push({ url, payload, delivery });
    return delivery;
  }

  /** Posts until the receiver acknowledges, as Meta does; gives up after the last retry or on stop(). */
  private async postUntilAcknowledged(payload: WebhookPayload): Promise<void> {
    for (let attempt = 1; attempt <= RETRY_MAX_ATTEMPTS && !this.abort.signal.aborted; attempt++) {
      if ((await this.post(payload)).ok) return;
      const delay = Math.min(RETRY_MAX_DELAY_MS, RETRY_FIRST_DELAY_MS * 2 ** (attempt - 1));
      await sleep(delay, undefined, { signal: this.abort.signal });
    }
  }

  schedule(send: AcceptedSend): void {
    if (!this.webhookUrl()) return;
    const run = this.run(send).catch(() => undefined);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private steps(send: AcceptedSend): Array<[number, MessageStatus]> {
    const o = send.statusOptions;
    if (send.failure) return [[this.delays.sent, status.failed({ ...o, ...send.failure })]];
    if (send.sentOnly) return [[this.delays.sent, status.sent(o)]];
    return [
      [this.delays.sent, status.sent(o)],
      [this.delays.delivered, status.delivered(o)],
      [this.delays.read, status.read(o)],
    ];
  }

  private async run(send: AcceptedSend): Promise<void> {
    const acceptedAt = Date.now();
    for (const [delay, update] of this.steps(send)) {
      await sleep(Math.max(0, acceptedAt + delay - Date.now()), undefined, { signal: this.abort.signal });
      const stamped = { ...update, timestamp: String(Math.floor(Date.now() / 1000)) };
      await this.postUntilAcknowledged(envelope({ ...send.number, statuses: [stamped] }));
    }
  }

  /** Resolves once every chain scheduled so far (and any scheduled meanwhile) has posted its last status. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Cancels pending and in-flight posts, then resets so the simulator can start again. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.running]);
    this.abort = new AbortController();
  }
}
