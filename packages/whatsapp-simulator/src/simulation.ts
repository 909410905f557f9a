import { setTimeout as sleep } from 'node:timers/promises';
import { createCustomers, CustomerScript, type CustomerFile, type ScriptedMessage } from './customer-script.js';
import { batch, envelope } from './envelope.js';
import { seededRandom } from './random.js';
import { deliverWebhook, signedWebhook, type SignedWebhook } from './webhook-client.js';

export interface SimulationOptions {
  /** The Switchboard webhook endpoint. */
  url: string;
  /**
   * The running WhatsApp simulator the server fetches media from: customers' files (photos, stickers, voice
   * notes, documents) are put there under their media ids before the messages carrying them are sent.
   * Without it they are not viewable (the inbox says the file could not be loaded).
   */
  simulatorUrl?: string;
  secret: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  customers: number;
  /** Inbound messages to send in total, duplicates not counted. */
  messages: number;
  /** Inbound messages per second. */
  rate: number;
  seed?: number;
  /** Off by default: load goes to this machine's loopback only. */
  allowRemote?: boolean;
  /** Hard stop; defaults to the expected duration plus 30 s. */
  maxDurationMs?: number;
  requestTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface SimulationSummary {
  requests: number;
  acked: number;
  refused: number;
  messages: number;
  duplicates: number;
  batches: number;
  durationMs: number;
  timedOut: boolean;
}

export const SIMULATION_LIMITS = { customers: 500, messages: 10_000, rate: 200 } as const;

const DUPLICATE_CHANCE = 0.06;
const BATCH_CHANCE = 0.12;

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function validate(o: SimulationOptions): void {
  for (const target of [o.url, o.simulatorUrl]) {
    if (target !== undefined && !o.allowRemote && !isLoopbackUrl(target)) {
      throw new Error(`refusing to send to ${target}: only loopback targets are allowed without allowRemote`);
    }
  }
  for (const key of ['customers', 'messages', 'rate'] as const) {
    const value = o[key];
    if (!(value > 0 && value <= SIMULATION_LIMITS[key])) {
      throw new Error(`${key} must be between 1 and ${SIMULATION_LIMITS[key]}, got ${value}`);
    }
  }
}

/** Puts a customer's file in the simulator; false when it could not (the message still goes out). */
async function putFile(simulatorUrl: string, file: CustomerFile, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${simulatorUrl.replace(/\/$/, '')}/__simulator/media?id=${file.mediaId}`, {
      method: 'POST',
      headers: { 'content-type': file.mimeType },
      body: file.bytes,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.status === 201;
  } catch {
    return false;
  }
}

function who(item: ScriptedMessage): string {
  const c = item.customer;
  return `${c.name} (${c.usernameOnly ? c.username : `+${c.phone}`}, ${c.language})`;
}

/**
 * Drives simulated customers against a webhook endpoint: signed Meta-shaped POSTs at a steady
 * rate, with occasional batched deliveries and exact re-sends, as Meta does. Bounded in count and
 * time; resolves with a summary instead of throwing on refused requests.
 */
export async function runSimulation(o: SimulationOptions): Promise<SimulationSummary> {
  validate(o);
  const log = o.log ?? (() => undefined);
  const random = seededRandom(o.seed ?? Date.now());
  const script = new CustomerScript(
    random,
    createCustomers(random, o.customers),
    o.displayPhoneNumber.replace(/\D/g, ''),
  );
  const started = Date.now();
  const deadline = started + (o.maxDurationMs ?? (o.messages / o.rate) * 1000 + 30_000);
  const summary: SimulationSummary = {
    requests: 0,
    acked: 0,
    refused: 0,
    messages: 0,
    duplicates: 0,
    batches: 0,
    durationMs: 0,
    timedOut: false,
  };
  const number = { phoneNumberId: o.phoneNumberId, displayPhoneNumber: o.displayPhoneNumber };
  let previous: SignedWebhook | undefined;
  let filesUnreachable = false;
  const timeoutMs = o.requestTimeoutMs ?? 10_000;

  const post = async (signed: SignedWebhook, label: string): Promise<void> => {
    const delivery = await deliverWebhook(o.url, signed, { timeoutMs });
    summary.requests += 1;
    if (delivery.ok) summary.acked += 1;
    else summary.refused += 1;
    const outcome =
      delivery.status === undefined ? `ERR ${delivery.error}` : `${delivery.status} ${delivery.ok ? 'ok' : 'refused'}`;
    log(`${outcome.padEnd(14)} ${label}`);
  };

  while (summary.messages < o.messages) {
    if (Date.now() > deadline) {
      summary.timedOut = true;
      break;
    }
    const tickStart = Date.now();
    let sentNow = 1;
    if (previous && random() < DUPLICATE_CHANCE) {
      summary.duplicates += 1;
      await post(previous, '[duplicate] same payload and signature re-sent');
    } else {
      const size = random() < BATCH_CHANCE ? Math.min(2 + Math.floor(random() * 3), o.messages - summary.messages) : 1;
      const items = Array.from({ length: size }, () => script.next());
      for (const { file } of items) {
        if (!file || !o.simulatorUrl || filesUnreachable) continue;
        if (!(await putFile(o.simulatorUrl, file, timeoutMs))) {
          filesUnreachable = true;
          log(
            `(the simulator at ${o.simulatorUrl} did not take a customer's file: photos, voice notes and documents will not be viewable)`,
          );
        }
      }
      const payload = batch(items.map((item) => envelope({ ...number, messages: [item.message] })));
      previous = signedWebhook(payload, o.secret);
      summary.messages += items.length;
      sentNow = items.length;
      if (items.length > 1) summary.batches += 1;
      const label = items.map((item) => `${item.message.type} ${who(item)} ${item.preview}`).join(' | ');
      await post(
        previous,
        `[${summary.messages}/${o.messages}] ${items.length > 1 ? `batch x${items.length}: ` : ''}${label}`,
      );
    }
    const pause = (sentNow * 1000) / o.rate - (Date.now() - tickStart);
    if (pause > 0 && summary.messages < o.messages) await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
  }
  summary.durationMs = Date.now() - started;
  return summary;
}
