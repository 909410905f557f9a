import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDTO } from '@switchboard/shared';
import { startPeerApp, startTestServer, type PeerApp, type TestServer } from '@switchboard/test-support/harness';

let server: TestServer;
let peer: PeerApp;
let admin: string;

const PAST_DAY = '2026-03-10';
const cell = { queueId: null, agentId: null, channelId: null, intent: 'billing', language: 'es' };

async function messagesIn(range: string): Promise<number> {
  const res = await server.api<ReportDTO>(admin, 'GET', `/api/reports?${range}`);
  expect(res.status).toBe(200);
  return res.body.totals.messagesIn;
}

/** Another server process counts a customer's message on a past day, as a late webhook would. */
async function peerCounts(day: string, n: number) {
  for (let i = 0; i < n; i++) peer.services.reportWriter.countHourly(new Date(`${day}T15:00:00Z`), cell, 'messagesIn');
  await peer.services.reportWriter.flush();
}

beforeAll(async () => {
  server = await startTestServer();
  peer = await startPeerApp(server);
  admin = await server.login();
}, 120_000);
afterAll(async () => {
  await peer?.close();
  await server?.close();
});

describe('a report read again', () => {
  it('shows what another process counted on a past day since, and what nobody changed as before', async () => {
    const range = `from=2026-03-01&to=2026-03-31`;
    await peerCounts(PAST_DAY, 2);
    expect(await messagesIn(range)).toBe(2);
    expect(await messagesIn(range)).toBe(2);
    await peerCounts(PAST_DAY, 3);
    expect(await messagesIn(range)).toBe(5);
    await peerCounts('2026-03-31', 1);
    expect(await messagesIn(range)).toBe(6);
    expect(await messagesIn(`from=${PAST_DAY}&to=${PAST_DAY}`)).toBe(5);
  });
});
