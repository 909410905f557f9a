import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhenResult,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { breakerOpenFailure } from '../domain/provider-errors.js';
import type { SendOutcome } from './whatsapp-client.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerStateChange {
  channelId: string;
  state: BreakerState;
  at: Date;
  /** When the channel stopped sending: its first opening since it was last closed; null once closed. */
  downSince: Date | null;
  /** When the next probe may go: `halfOpenAfterMs` after an opening, now for a half-open probe; null once closed. */
  nextRetryAt: Date | null;
}

export interface ChannelBreakerOptions {
  /** Consecutive outage failures that open a channel's breaker. */
  failureThreshold?: number;
  /** How long an open breaker refuses calls before letting one probe through. */
  halfOpenAfterMs?: number;
}

export interface ChannelBreakers {
  /**
   * Runs one send through the channel's breaker. While it is open the send is not attempted and a
   * retryable 'Circuit open' failure comes back, with `retryAfterMs` until the next probe may go.
   * Once `halfOpenAfterMs` has passed, the next call is the probe (calls arriving meanwhile wait for
   * its result); success closes the breaker, another outage reopens it.
   */
  execute(channelId: string, send: () => Promise<SendOutcome>): Promise<SendOutcome>;
  /** 'open' until the first call after `halfOpenAfterMs`; that call makes it 'half-open'. */
  state(channelId: string): BreakerState;
  /** For metrics and timeline events; listeners run synchronously and must not throw. Returns the unsubscribe. */
  onStateChange(listener: (change: BreakerStateChange) => void): () => void;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  // Never entered: nothing here isolates a breaker by hand.
  [CircuitState.Isolated]: 'open',
};

/**
 * Only outages count (5xx, network, timeouts, 131000, 131016): a throttled or refused message means
 * WhatsApp is up and answering, and counts as a success, so a bad template cannot stop a channel.
 */
const countsAsOutage = (outcome: unknown) => {
  const result = outcome as SendOutcome;
  return !result.ok && result.failure.outage;
};

/** One breaker per business number, so one number's outage (or revoked token) never stops the others. */
export function createChannelBreakers(options: ChannelBreakerOptions = {}): ChannelBreakers {
  const failureThreshold = options.failureThreshold ?? 5;
  const halfOpenAfterMs = options.halfOpenAfterMs ?? 30_000;
  const policies = new Map<string, CircuitBreakerPolicy>();
  const openedAt = new Map<string, number>();
  const downSince = new Map<string, Date>();
  const listeners = new Set<(change: BreakerStateChange) => void>();

  function policyFor(channelId: string): CircuitBreakerPolicy {
    const existing = policies.get(channelId);
    if (existing) return existing;
    const policy = circuitBreaker(handleWhenResult(countsAsOutage), {
      halfOpenAfter: halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(failureThreshold),
    });
    policy.onStateChange((circuit) => {
      const at = new Date();
      const state = STATES[circuit];
      if (state === 'open') openedAt.set(channelId, at.getTime());
      if (state === 'closed') downSince.delete(channelId);
      else if (!downSince.has(channelId)) downSince.set(channelId, at);
      const nextRetryAt =
        state === 'open' ? new Date(at.getTime() + halfOpenAfterMs) : state === 'half-open' ? at : null;
      const change = { channelId, state, at, downSince: downSince.get(channelId) ?? null, nextRetryAt };
      for (const listener of listeners) listener(change);
    });
    policies.set(channelId, policy);
    return policy;
  }

  return {
    async execute(channelId, send) {
      try {
        return await policyFor(channelId).execute(() => send());
      } catch (error) {
        if (!(error instanceof BrokenCircuitError)) throw error;
        const waited = Date.now() - (openedAt.get(channelId) ?? Date.now());
        return { ok: false, failure: breakerOpenFailure(Math.max(0, halfOpenAfterMs - waited)) };
      }
    },
    state: (channelId) => STATES[policies.get(channelId)?.state ?? CircuitState.Closed],
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
