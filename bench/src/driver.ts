import type { SignedWebhook } from '@switchboard/whatsapp-simulator';
import { timedWebhook } from './payloads.js';
import { round, wallClockMs } from './stats.js';

/** `stored`: the intake ids our server answered with (none from the relay). */
export type DriveResult = {
  sent: number;
  achievedRate: number;
  non200: number;
  failedRequests: number;
  stored: string[];
};

/**
 * Sends one-message webhooks at a fixed rate (open loop: the schedule does not wait for answers), spread
 * over `targets` in turn. Each text carries its send time, taken just before the POST.
 */
export async function driveAtRate(options: {
  targets: string[];
  path: string;
  rate: number;
  durationS: number;
  tag: string;
  customers: number;
  /** The nth webhook, sent at `sentAtMs`; by default a timed message of customer n % customers. */
  webhook?: (n: number, sentAtMs: number) => SignedWebhook;
}): Promise<DriveResult> {
  const webhookOf = options.webhook ?? ((n: number, at: number) => timedWebhook(options.tag, n, options.customers, at));
  const total = Math.round(options.rate * options.durationS);
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let non200 = 0;
  let failedRequests = 0;
  let sent = 0;
  const stored: string[] = [];
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
    for (; sent < due; sent++) {
      const webhook = webhookOf(sent, wallClockMs());
      const url = `${options.targets[sent % options.targets.length]}${options.path}`;
      pending.push(
        fetch(url, { method: 'POST', headers: webhook.headers, body: webhook.body }).then(
          async (res) => {
            const answer = (await res.json().catch(() => null)) as { stored?: unknown } | null;
            if (res.status !== 200) non200++;
            else if (typeof answer?.stored === 'string') stored.push(answer.stored);
          },
          () => void failedRequests++,
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const elapsedS = (performance.now() - started) / 1000;
  await Promise.all(pending);
  return { sent, achievedRate: round(sent / Math.max(elapsedS, options.durationS)), non200, failedRequests, stored };
}
