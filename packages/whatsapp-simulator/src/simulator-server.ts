import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_DISPLAY_PHONE_NUMBER, DEFAULT_WABA_ID } from './envelope.js';
import { FaultController } from './faults.js';
import { MediaStore, type RegisterMediaInput } from './media-store.js';
import type { SentMessage, SimulatorContext, SubmittedTemplate, UploadedMedia } from './simulator-context.js';
import { createSimulatorApp } from './simulator-app.js';
import { DEFAULT_STATUS_DELAYS, StatusWebhooks, type StatusDelays, type WebhookLogEntry } from './status-webhooks.js';
import type { WebhookDelivery } from './webhook-client.js';
import { reviewTemplate, type TemplateReviewInput } from './template-reviews.js';
import type { AnyWebhookPayload } from './status-webhooks.js';

/** Where the development simulator listens unless SIMULATOR_PORT says otherwise. */
export const DEFAULT_SIMULATOR_PORT = 4010;
export const DEFAULT_SIMULATOR_URL = `http://127.0.0.1:${DEFAULT_SIMULATOR_PORT}`;

export interface WhatsAppSimulatorOptions {
  /** Signs every webhook the simulator posts, as the Meta app secret does. */
  appSecret: string;
  /** Bearer token the Graph endpoints accept. Defaults to `dev-access-token`. */
  accessToken?: string;
  /** Where status webhooks go; without one, sends are answered but nothing is posted back. */
  webhookUrl?: string;
  statusDelaysMs?: Partial<StatusDelays>;
  displayPhoneNumber?: string;
  wabaId?: string;
}

export interface WhatsAppSimulator {
  start(port?: number, host?: string): Promise<{ url: string }>;
  stop(): Promise<void>;
  /** `http://host:port` once started; throws before. */
  readonly baseUrl: string;
  setWebhookUrl(url: string | undefined): void;
  readonly faults: FaultController;
  /** Accepted send requests, oldest first. */
  readonly sentMessages: readonly SentMessage[];
  /** How many requests reached the send endpoint, including those a fault answered. */
  readonly sendRequestCount: number;
  /** Message ids the business marked as read. */
  readonly markedRead: readonly string[];
  /** Files the business uploaded to the media endpoint. */
  readonly uploads: readonly UploadedMedia[];
  /** Every webhook POST the simulator made and how the receiver answered. */
  readonly webhookLog: readonly WebhookLogEntry[];
  /** Resolves once the status webhooks of every send accepted so far are posted (or given up). */
  statusWebhooksSettled(): Promise<void>;
  registerMedia(input: RegisterMediaInput): string;
  /** Signs and posts any payload (e.g. an inbound envelope) to the webhook URL. */
  postWebhook(payload: AnyWebhookPayload): Promise<WebhookDelivery>;
  /** Failure injection for the template creation endpoint (`/{waba-id}/message_templates`). */
  readonly templateFaults: FaultController;
  /** Templates the business submitted for review, oldest first. */
  readonly submittedTemplates: readonly SubmittedTemplate[];
  /**
   * Meta's review of a submitted template (by Meta's id): its signed `message_template_status_update` webhook
   * is posted to the server. Throws when no template has that id.
   */
  reviewTemplate(id: string, review: TemplateReviewInput): Promise<WebhookDelivery>;
}

export function createWhatsAppSimulator(options: WhatsAppSimulatorOptions): WhatsAppSimulator {
  let webhookUrl = options.webhookUrl;
  let server: Server | undefined;
  let url: string | undefined;
  let lifetime = new AbortController();
  const delays = { ...DEFAULT_STATUS_DELAYS, ...options.statusDelaysMs };
  const statusWebhooks = new StatusWebhooks(options.appSecret, () => webhookUrl, delays);

  const ctx: SimulatorContext = {
    accessToken: options.accessToken ?? 'dev-access-token',
    displayPhoneNumber: options.displayPhoneNumber ?? DEFAULT_DISPLAY_PHONE_NUMBER,
    wabaId: options.wabaId ?? DEFAULT_WABA_ID,
    faults: new FaultController(),
    templateFaults: new FaultController(),
    media: new MediaStore(),
    statusWebhooks,
    sentMessages: [],
    sendRequests: { count: 0 },
    markedRead: [],
    uploads: [],
    templates: [],
    baseUrl: () => {
      if (!url) throw new Error('the WhatsApp simulator is not started');
      return url;
    },
    lifetime: () => lifetime.signal,
  };
  const app = createSimulatorApp(ctx);

  return {
    async start(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('the WhatsApp simulator is already started');
      const listening = app.listen(port, host);
      await new Promise<void>((resolve, reject) => {
        listening.once('listening', resolve).once('error', reject);
      });
      server = listening;
      const address = listening.address() as AddressInfo;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      return { url };
    },
    async stop() {
      if (!server) return;
      const closing = server;
      server = undefined;
      url = undefined;
      lifetime.abort();
      await statusWebhooks.stop();
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      closing.closeAllConnections();
      await closed;
      lifetime = new AbortController();
    },
    get baseUrl() {
      return ctx.baseUrl();
    },
    setWebhookUrl(next) {
      webhookUrl = next;
    },
    faults: ctx.faults,
    sentMessages: ctx.sentMessages,
    get sendRequestCount() {
      return ctx.sendRequests.count;
    },
    markedRead: ctx.markedRead,
    uploads: ctx.uploads,
    webhookLog: statusWebhooks.log,
    statusWebhooksSettled: () => statusWebhooks.settled(),
    registerMedia: (input) => ctx.media.register(input),
    postWebhook: (payload) => statusWebhooks.post(payload),
    templateFaults: ctx.templateFaults,
    submittedTemplates: ctx.templates,
    async reviewTemplate(id, review) {
      const delivery = await reviewTemplate(ctx, (p) => statusWebhooks.post(p), id, review);
      if (!delivery) throw new Error(`no submitted template has id ${id}`);
      return delivery;
    },
  };
}
