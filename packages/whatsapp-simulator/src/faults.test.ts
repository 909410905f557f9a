import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHarness, textTo, type Harness } from './test-support/simulator-harness.js';
import type { WebhookPayload } from './webhook-types.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const send = () => h.send(textTo('14155550123'));
const statusesOf = (raw: string) =>
  (JSON.parse(raw) as WebhookPayload).entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? []));
interface GraphError {
  error: {
    message: string;
    code: number;
    is_transient?: boolean;
    error_data?: { messaging_product: string; details: string };
    fbtrace_id: string;
  };
}

describe('fault injection', () => {
  it('fails exactly the next N sends with an HTTP 5xx, then recovers', async () => {
    h.sim.faults.set({ httpError: { count: 2, status: 502 } });
    const first = await send();
    expect(first.status).toBe(502);
    expect(((await first.json()) as GraphError).error).toMatchObject({ code: 2, is_transient: true });
    expect((await send()).status).toBe(502);
    expect((await send()).status).toBe(200);
    expect(h.sim.faults.current).toEqual({});
    expect(h.sim.sentMessages).toHaveLength(1);
  });

  it.each([
    [131047, 400],
    [130429, 400],
    [131056, 400],
    [131026, 400],
    [131000, 500],
    [131016, 503],
    [132000, 400],
    [132001, 404],
    [368, 403],
    [131050, 400],
  ] as const)('answers Meta error %i with HTTP %i and the Graph error body', async (code, httpStatus) => {
    h.sim.faults.set({ metaError: { count: 1, code } });
    const response = await send();
    expect(response.status).toBe(httpStatus);
    const { error } = (await response.json()) as GraphError;
    expect(error).toMatchObject({ code, type: 'OAuthException', error_data: { messaging_product: 'whatsapp' } });
    expect(error.message.startsWith(`(#${code}) `)).toBe(true);
    expect(error.error_data?.details.length).toBeGreaterThan(0);
    expect((await send()).status).toBe(200);
  });

  it('accepts a send and later reports it failed with the armed code, the way 131047 usually arrives', async () => {
    h.sim.faults.set({ failedStatus: { count: 1, code: 131047 } });
    const response = await send();
    expect(response.status).toBe(200);
    const { messages } = (await response.json()) as { messages: Array<{ id: string }> };
    await h.sim.statusWebhooksSettled();
    const statuses = h.receiver.received.flatMap((r) => statusesOf(r.rawBody));
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({
      id: messages[0]?.id,
      status: 'failed',
      errors: [{ code: 131047, title: 'Re-engagement message' }],
    });
    expect(h.sim.sentMessages[0]?.failureCode).toBe(131047);
  });

  it('accepts a send without answering and cuts the socket after maxMs', async () => {
    h.sim.faults.set({ hang: { count: 1, maxMs: 200 } });
    await expect(send()).rejects.toThrow();
    expect(h.sim.sentMessages).toMatchObject([{ answered: false }]);
    await h.receiver.waitFor(3);
    expect((await send()).status).toBe(200);
  });

  it('drops the connection without processing the send', async () => {
    h.sim.faults.set({ dropConnection: { count: 1 } });
    await expect(send()).rejects.toThrow();
    expect(h.sim.sentMessages).toHaveLength(0);
    expect((await send()).status).toBe(200);
  });

  it('delays answers by the configured latency until cleared', async () => {
    h.sim.faults.set({ latencyMs: 150 });
    const started = Date.now();
    expect((await send()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    h.sim.faults.clear();
    expect(h.sim.faults.latencyMs).toBe(0);
  });

  it('fails a seeded random share of sends, identically for the same seed', async () => {
    const run = async () => {
      h.sim.faults.set({ randomFailure: { rate: 0.5, seed: 42 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await send()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('ends a held request when the simulator stops', async () => {
    h.sim.faults.set({ hang: { count: 1, maxMs: 60_000 } });
    const pending = send().catch((error: unknown) => error);
    await vi.waitFor(() => expect(h.sim.sentMessages).toMatchObject([{ answered: false }]), { timeout: 5_000 });
    await h.sim.stop();
    // The simulator cut the connection ('fetch failed'), rather than the client's own timeout giving up.
    expect(await pending).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});

describe('fault control over HTTP', () => {
  const control = (method: string, body?: unknown) =>
    fetch(`${h.sim.baseUrl}/__simulator/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('arms, reports and clears faults', async () => {
    const armed = await control('POST', { metaError: { count: 2, code: 131056 } });
    expect(await armed.json()).toEqual({ faults: { metaError: { count: 2, code: 131056 } } });
    expect((await send()).status).toBe(400);
    expect(await (await control('GET')).json()).toEqual({ faults: { metaError: { count: 1, code: 131056 } } });
    expect(await (await control('DELETE')).json()).toEqual({ faults: {} });
    expect((await send()).status).toBe(200);
  });

  it('rejects settings it cannot honour', async () => {
    const response = await control('POST', { metaError: { count: 1, code: 999 } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issues: Array<{ message: string }> }).issues[0]?.message).toMatch(
      /code must be one of/,
    );
    expect(h.sim.faults.current).toEqual({});
  });

  it('lists accepted sends and clears the log', async () => {
    await send();
    const listed = (await (await fetch(`${h.sim.baseUrl}/__simulator/messages`)).json()) as {
      messages: Array<{ waId: string }>;
    };
    expect(listed.messages).toMatchObject([{ waId: '14155550123', type: 'text' }]);
    await fetch(`${h.sim.baseUrl}/__simulator/messages`, { method: 'DELETE' });
    expect(h.sim.sentMessages).toHaveLength(0);
  });
});
