import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportDTO } from '@switchboard/shared';
import { createWhatsAppSimulator } from '@switchboard/whatsapp-simulator';
import { startTestServer, TEST_ACCESS_TOKEN, TEST_SECRET, type TestServer } from '@switchboard/test-support/harness';
import {
  playReportDay,
  REPORT_DAY as DAY,
  REPORT_DAY_ENV,
  REPORT_DAY_START,
  REPORT_DAY_STATUS_DELAYS,
  reportDayAt as at,
  reportOf,
} from '@switchboard/test-support/report-day';

/**
 * The scripted day of test-support's report-day, on a clock the test moves: the server's `Date` is frozen and
 * set by the script (vitest fakes only Date), so each figure can be stated to the second.
 */
let server: TestServer;
let sim: ReturnType<typeof createWhatsAppSimulator>;
let admin: string;
let agent: { id: string; token: string };

const report = (query = ''): Promise<ReportDTO> => reportOf(server, admin, query);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(REPORT_DAY_START);
  sim = createWhatsAppSimulator({
    appSecret: TEST_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    statusDelaysMs: REPORT_DAY_STATUS_DELAYS,
  });
  const { url: simUrl } = await sim.start(0);
  server = await startTestServer({
    WHATSAPP_API_BASE_URL: simUrl,
    WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    ...REPORT_DAY_ENV,
  });
  sim.setWebhookUrl(`${server.url}/webhooks/whatsapp`);
}, 120_000);

afterAll(async () => {
  await sim?.stop();
  await server?.close();
  vi.useRealTimers();
});

describe('reports after a scripted day, against known answers', () => {
  it('counts every figure of the script exactly', async () => {
    const day = await playReportDay(server, (to) => vi.setSystemTime(to));
    ({ admin, agent } = day);
    const { figures } = day;

    expect(figures.totals).toEqual({
      opened: 2,
      reopened: 1,
      resolved: 3,
      reopenRate: 1 / 3,
      messagesIn: 3,
      messagesOut: 3,
    });
    // simple-statistics interpolates between ranks (as spreadsheets' PERCENTILE.INC does).
    expect(figures.firstResponse).toEqual({ count: 2, median: 360, p90: 552 });
    expect(figures.resolution).toEqual({ count: 3, median: 600, p90: 1368 });
    expect(figures.sla).toEqual([
      { kind: 'first_response', met: 2, breached: 0, metRatio: 1 },
      { kind: 'next_response', met: 1, breached: 0, metRatio: 1 },
      { kind: 'resolution', met: 3, breached: 0, metRatio: 1 },
    ]);
    expect(figures.volume).toEqual([{ day: DAY, opened: 2, resolved: 3, messagesIn: 3, messagesOut: 3 }]);
    expect(figures.volumeByHour[9]).toEqual({ hour: 9, opened: 2, messagesIn: 3 });
    expect(figures.volumeByHour.filter((h) => h.hour !== 9).every((h) => h.opened === 0)).toBe(true);
    expect(figures.backlog.find((p) => p.at === at('09:05').toISOString())).toEqual({
      at: at('09:05').toISOString(),
      open: 2,
      waiting: 1,
      oldestWaitSeconds: 60,
    });
    expect(figures.delivery).toEqual({ outbound: 3, delivered: 3, read: 1, deliveredRatio: 1, readRatio: 1 / 3 });
    const [row] = figures.agents;
    expect(figures.agents).toHaveLength(1);
    // Handle time: 09:00-09:10, 09:10-09:30, 09:40-09:50. Online since 09:00, the clock now at 09:50.
    expect(row).toMatchObject({ agentId: agent.id, handled: 3, resolved: 3, averageHandleSeconds: 800 });
    expect(row!.firstResponseMedianSeconds).toBe(360);
    expect(row!.onlineSeconds).toBe(50 * 60);

    // Filters: the Spanish conversation alone.
    const spanish = await report('&language=es');
    expect(spanish.totals).toMatchObject({ opened: 1, reopened: 1, resolved: 2 });
    expect(spanish.firstResponse).toEqual({ count: 1, median: 600, p90: 600 });
  }, 180_000);

  it('exports a table as CSV with a header row', async () => {
    const res = await fetch(`${server.url}/api/reports/export?from=${DAY}&to=${DAY}&table=volume`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await res.text()).trim().split('\n')).toEqual([
      'day,opened,resolved,messagesIn,messagesOut',
      `${DAY},2,3,3,3`,
    ]);
  });

  it('refuses a bad range naming the field, and agents', async () => {
    const bad = await server.api<{ error: { details: { path: string }[] } }>(
      admin,
      'GET',
      `/api/reports?from=${DAY}&to=2026-03-01`,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('query.to');
    expect((await server.api(agent.token, 'GET', `/api/reports?from=${DAY}&to=${DAY}`)).status).toBe(403);
  });
});
