import type { Metrics } from '../lib/metrics.js';
import type { BreakerState, ChannelBreakers } from './channel-breaker.js';
import type { SendOutcome } from './whatsapp-client.js';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The channels' breakers, counting every send by its result and showing each breaker's state. */
export function observeBreakers(breakers: ChannelBreakers, metrics: Metrics): ChannelBreakers {
  breakers.onStateChange(({ channelId, state }) =>
    metrics.breakerState.set({ channel: channelId }, BREAKER_VALUE[state]),
  );
  return {
    ...breakers,
    async execute(channelId, send) {
      const outcome = await breakers.execute(channelId, send);
      metrics.outboundAttempts.inc(attemptLabels(outcome));
      metrics.breakerState.set({ channel: channelId }, BREAKER_VALUE[breakers.state(channelId)]);
      return outcome;
    },
  };
}

function attemptLabels(outcome: SendOutcome) {
  if (outcome.ok) return { result: 'accepted', code: 'none' };
  const { failure } = outcome;
  const result = failure.notAttempted
    ? 'not_attempted'
    : failure.kind === 'outcomeUnknown'
      ? 'outcome_unknown'
      : failure.kind;
  return {
    result,
    code:
      failure.code !== null
        ? String(failure.code)
        : failure.httpStatus !== null
          ? `http_${failure.httpStatus}`
          : 'none',
  };
}
