import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the current piece of work belongs to. `correlationId` follows one customer message (or a reply and
 * its statuses) across requests, background workers and processes; `requestId` names this HTTP request or
 * job; `receivedAt` is when the webhook that started it was received (for latency metrics).
 */
export type Correlation = { correlationId: string; requestId?: string; receivedAt?: number };

const storage = new AsyncLocalStorage<Correlation>();

/** Runs `work` (and everything it awaits or schedules) as part of `correlation`. */
export function withCorrelation<T>(correlation: Correlation, work: () => T): T {
  return storage.run(correlation, work);
}

export const currentCorrelation = (): Correlation | undefined => storage.getStore();

export const currentCorrelationId = (): string | null => storage.getStore()?.correlationId ?? null;

/** The fields every log line carries; services need not thread them by hand. */
export function correlationLogFields(): Record<string, string> {
  const store = storage.getStore();
  if (!store) return {};
  return store.requestId && store.requestId !== store.correlationId
    ? { correlationId: store.correlationId, requestId: store.requestId }
    : { correlationId: store.correlationId };
}

/**
 * The current work continues a thread that began elsewhere (an agent's reply to a customer's message): from
 * here on its lines carry that thread's id, and its own id stays on them as `requestId`.
 */
export function joinThread(correlationId: string | null | undefined): void {
  const store = storage.getStore();
  if (!store || !correlationId || store.correlationId === correlationId) return;
  store.requestId ??= store.correlationId;
  store.correlationId = correlationId;
}

/** Runs `work` as part of a message's thread, keeping the current request id and receipt time. */
export function inThreadOf<T>(correlationId: string | null | undefined, work: () => T): T {
  const store = storage.getStore();
  if (!correlationId || store?.correlationId === correlationId) return work();
  return storage.run({ ...store, requestId: store?.requestId ?? store?.correlationId, correlationId }, work);
}
