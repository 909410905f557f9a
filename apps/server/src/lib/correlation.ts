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
