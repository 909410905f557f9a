import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDTO } from '@switchboard/shared';
import { startPeerApp, startTestServer, type PeerApp, type TestServer } from '@switchboard/test-support/harness';
import { createLogger } from '../lib/logger.js';
import { ReportDaySealer } from './report-day-sealer.js';

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

describe('a finished day once sealed', () => {
  const day = '2026-04-07';
  const april = { from: '2026-04-01', to: '2026-04-30' };

  /** A server process that has read no report yet: it reads April's days from their seals or documents. */
  async function freshProcessCounts(): Promise<number> {
    const fresh = await startPeerApp(server);
    try {
      return (await fresh.services.reports.report(april)).totals.messagesIn;
    } finally {
      await fresh.close();
    }
  }

  it('reports the same figures from its seal, and a count landing after the seal at once', async () => {
    const sealer = new ReportDaySealer(server.app.models, server.config.REPORTS_TIMEZONE, createLogger('silent'));
    await peerCounts(day, 4);
    await sealer.sealFinishedDays();
    expect(await sealer.sealFinishedDays()).toBe(0);
    expect(await freshProcessCounts()).toBe(4);
    expect(await messagesIn(`from=${april.from}&to=${april.to}`)).toBe(4);

    await peerCounts(day, 2);
    expect(await messagesIn(`from=${april.from}&to=${april.to}`)).toBe(6);
    expect(await freshProcessCounts()).toBe(6);
    await sealer.sealFinishedDays();
    expect(await freshProcessCounts()).toBe(6);
  });
});
