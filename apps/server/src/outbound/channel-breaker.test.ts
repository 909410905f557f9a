import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach, vi } from 'vitest';
import { createWhatsAppSimulator, type WhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import { createChannelBreakers, type BreakerState, type ChannelBreakers } from './channel-breaker.js';
import type { CloudApiSendRequest } from './cloud-api.schema.js';
import { createWhatsAppClient, type ChannelCredentials } from './whatsapp-client.js';

const TOKEN = 'breaker-test-token';
const HALF_OPEN_AFTER_MS = 300;
const client = createWhatsAppClient({ timeoutMs: 5000 });
let sim: WhatsAppSimulator;
let channel: ChannelCredentials;
let breakers: ChannelBreakers;
let transitions: Array<{ channelId: string; state: BreakerState }>;

beforeAll(async () => {
  sim = createWhatsAppSimulator({ appSecret: 'breaker-test-secret', accessToken: TOKEN });
  const { url } = await sim.start(0);
  channel = { baseUrl: url, apiVersion: 'v21.0', phoneNumberId: '106540352242922', accessToken: TOKEN };
});
afterAll(() => sim.stop());
beforeEach(() => {
  // The breaker (cockatiel) times its half-open delay with Date.now() only: a frozen Date lets the test
  // move the clock past the delay exactly, while sockets and fetch keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  sim.faults.clear();
  breakers = createChannelBreakers({ failureThreshold: 3, halfOpenAfterMs: HALF_OPEN_AFTER_MS });
  transitions = [];
  breakers.onStateChange(({ channelId, state }) => transitions.push({ channelId, state }));
});
afterEach(() => {
  vi.useRealTimers();
});

const request: CloudApiSendRequest = {
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '5511987654321',
  type: 'text',
  text: { body: 'Hi Ana' },
};
const send = (channelId = 'channel-a') => breakers.execute(channelId, () => client.sendMessage(channel, request));
const sendTimes = async (n: number, channelId?: string) => {
  const outcomes = [];
  for (let i = 0; i < n; i += 1) outcomes.push(await send(channelId));
  return outcomes;
};
/** The simulator's own count of outage answers still to give: it drops by one for every request it receives. */
const outageAnswersLeft = () => sim.faults.current.httpError?.count;

describe('channel breaker during a WhatsApp outage', () => {
  it('opens after the threshold, refuses without calling WhatsApp, probes after the delay and closes on success', async () => {
    sim.faults.set({ httpError: { count: 1000, status: 503 } });
    const failures = await sendTimes(3);
    expect(failures.every((o) => !o.ok && o.failure.kind === 'retryable' && o.failure.httpStatus === 503)).toBe(true);
    expect(breakers.state('channel-a')).toBe('open');
    expect(outageAnswersLeft()).toBe(997);

    const refused = await sendTimes(5);
    for (const outcome of refused) {
      expect(outcome).toMatchObject({
        ok: false,
        failure: {
          kind: 'retryable',
          title: 'Circuit open',
          reason: 'WhatsApp is not answering; replies wait and go out when it recovers.',
        },
      });
      if (!outcome.ok) expect(outcome.failure.retryAfterMs).toBe(HALF_OPEN_AFTER_MS);
    }
    expect(outageAnswersLeft()).toBe(997);

    sim.faults.clear();
    vi.setSystemTime(Date.now() + HALF_OPEN_AFTER_MS - 1);
    expect(await send()).toMatchObject({ ok: false, failure: { title: 'Circuit open', retryAfterMs: 1 } });
    const sentBefore = sim.sentMessages.length;
    vi.setSystemTime(Date.now() + 1);
    expect(await send()).toMatchObject({ ok: true });
    expect(sim.sentMessages.length).toBe(sentBefore + 1);
    expect(breakers.state('channel-a')).toBe('closed');
    expect(transitions.map((t) => t.state)).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens when the probe fails, after exactly one request', async () => {
    sim.faults.set({ httpError: { count: 1000, status: 500 } });
    await sendTimes(3);
    vi.setSystemTime(Date.now() + HALF_OPEN_AFTER_MS);
    expect(await send()).toMatchObject({ ok: false, failure: { httpStatus: 500 } });
    expect(outageAnswersLeft()).toBe(996);
    expect(breakers.state('channel-a')).toBe('open');
    expect(await send()).toMatchObject({ ok: false, failure: { title: 'Circuit open' } });
    expect(transitions.map((t) => t.state)).toEqual(['open', 'half-open', 'open']);
  });

  it('counts dropped connections (unknown outcomes) as an outage too', async () => {
    sim.faults.set({ dropConnection: { count: 3 } });
    const outcomes = await sendTimes(3);
    expect(outcomes.every((o) => !o.ok && o.failure.kind === 'outcomeUnknown')).toBe(true);
    expect(breakers.state('channel-a')).toBe('open');
  });

  it('keeps one channel open without stopping another', async () => {
    sim.faults.set({ httpError: { count: 3 } });
    await sendTimes(3, 'channel-a');
    expect(await send('channel-b')).toMatchObject({ ok: true });
    expect(breakers.state('channel-a')).toBe('open');
    expect(breakers.state('channel-b')).toBe('closed');
  });
});

describe('channel breaker when WhatsApp answers', () => {
  it.each([
    ['a missing template (132001)', 132001],
    ['a closed 24-hour window (131047)', 131047],
    ['the pair rate limit (131056)', 131056],
  ])('stays closed through any number of %s', async (_name, code) => {
    sim.faults.set({ metaError: { count: 6, code } });
    const outcomes = await sendTimes(6);
    expect(outcomes.every((o) => !o.ok && o.failure.code === code)).toBe(true);
    expect(breakers.state('channel-a')).toBe('closed');
    expect(transitions).toEqual([]);
  });

  it('opens only on consecutive outages: an answer from WhatsApp in between resets the count', async () => {
    sim.faults.set({ httpError: { count: 2 } });
    await sendTimes(2);
    sim.faults.set({ metaError: { count: 1, code: 132000 } });
    await send();
    sim.faults.set({ httpError: { count: 2 } });
    await sendTimes(2);
    expect(breakers.state('channel-a')).toBe('closed');
  });
});
