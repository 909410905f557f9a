export interface RetryBackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs?: number;
  /** No computed delay exceeds this (a provider's own hint may). */
  capMs?: number;
  /** The provider's or the breaker's "not before": the delay is never shorter. */
  retryAfterMs?: number | null;
  /** Injected by tests; Math.random otherwise. */
  random?: () => number;
}

/**
 * The delay before the next try after `attempt` failures (1 after the first): "full jitter", a uniform
 * draw in [0, min(cap, base * 2^(attempt-1))), so many messages failing together (an outage ending) do
 * not come back in lockstep. A `retryAfterMs` hint wins when longer, even beyond the cap: trying before
 * WhatsApp said it would accept only burns an attempt.
 *
 * Why not cockatiel's ExponentialBackoff: its delays are an in-memory chain (each `next()` derives from the
 * previous one, and its default decorrelated jitter needs the previous delay), made for a retry loop inside
 * one call. Our attempts live in the outbox row and outlast the process, so the n-th delay must follow from
 * the attempt count alone; the formula is two lines, and owning it lets tests inject the random source.
 */
export function nextRetryDelayMs(attempt: number, options: RetryBackoffOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  const { baseMs = 1000, capMs = 5 * 60_000, retryAfterMs = null, random = Math.random } = options;
  // 2 ** 1100 is Infinity, which min() turns into the cap: no overflow guard needed.
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
