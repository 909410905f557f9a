import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReportDTO } from '@switchboard/shared';
import {
  playReportDay,
  REPORT_DAY,
  REPORT_DAY_ENV,
  REPORT_DAY_START,
  REPORT_DAY_STATUS_DELAYS,
} from '@switchboard/test-support/report-day';
import { openBrowser, type Browser } from './support/browser.js';
import { ensureRendererBuilt } from '../scripts/renderer-build.js';
import { saveScreen } from './support/screens.js';
import { signIn } from './support/session.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * A supervisor opens the reports after the scripted day of test-support's report-day (played on a frozen clock
 * the script moves), and reads the figures the script's known answers give.
 */
let stack: Stack;
let browser: Browser;
let page: Page;
let figures: ReportDTO;
const SUPERVISOR = { email: 'sam.supervisor@test.local', password: 'password-1234' };

beforeAll(async () => {
  ensureRendererBuilt();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(REPORT_DAY_START);
  try {
    stack = await startStack({ statusDelaysMs: REPORT_DAY_STATUS_DELAYS, env: REPORT_DAY_ENV });
    await stack.server.api(stack.admin, 'POST', '/api/users', {
      ...SUPERVISOR,
      name: 'Sam Supervisor',
      role: 'supervisor',
    });
    ({ figures } = await playReportDay(stack.server, (to) => vi.setSystemTime(to)));
  } finally {
    vi.useRealTimers();
  }
  browser = await openBrowser();
  page = browser.page;
  page.setDefaultTimeout(20_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const minutesAndSeconds = (s: number) => `${Math.floor(s / 60)}m ${s % 60}s`;
const figure = (id: string) => page.locator(`[data-figure="${id}"]`);
const cells = (selector: string) => page.locator(`${selector} td`).allTextContents();

describe('reports', () => {
  it('a supervisor opens the reports of a scripted day and reads the known figures', async () => {
    await signIn(page, stack, SUPERVISOR);
    await page.click('.nav-item:has-text("Reports")');
    await page.fill('input[name="from"]', REPORT_DAY);
    await page.fill('input[name="to"]', REPORT_DAY);

    // Two conversations opened; three resolutions (one after a reopen): first responses of 2 and 10 minutes.
    await expect.poll(() => figure('opened').locator('.stat-value').textContent()).toBe('2');
    expect(await figure('resolved').locator('.stat-value').textContent()).toBe('3');
    expect(await figure('firstResponse').textContent()).toContain('6m 0s');
    expect(await figure('firstResponse').textContent()).toContain('p90 9m 12s');
    expect(await figure('resolution').textContent()).toContain('10m 0s');
    expect(await figure('resolution').textContent()).toContain('p90 22m 48s');
    expect(await figure('reopenRate').locator('.stat-value').textContent()).toBe('33.3%');
    expect(await figure('delivered').textContent()).toContain('read 33.3%');
    expect(await cells('[data-table="sla"] tr[data-kind="first_response"]')).toEqual([
      'First response',
      '2',
      '0',
      '100%',
    ]);
    expect(await cells('[data-table="sla"] tr[data-kind="next_response"]')).toEqual([
      'Next response',
      '1',
      '0',
      '100%',
    ]);
    expect(await cells('[data-table="delivery"] tbody tr')).toEqual(['3', '3 (100%)', '1 (33.3%)']);
    // One agent: handled 3 (10 + 20 + 10 minutes), online from 09:00 to 09:50.
    expect(await cells('[data-table="agents"] tbody tr')).toEqual([
      'Test agent',
      '3',
      '3',
      // The server test holds this to the script's 800 s; here, once in a few runs under load, an assignment
      // is logged a clock step (30 s) late, so the screen is held to what the server counted.
      minutesAndSeconds(figures.agents[0]!.averageHandleSeconds!),
      '6m 0s',
      '50m 0s',
      '–',
    ]);
    // The charts draw the day, as the interface's language writes it: one bar group per day.
    await page.waitForSelector('[aria-label="Volume by day"] .recharts-bar-rectangle');
    const dayLabel = await page.evaluate(
      (day) => new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00`)),
      REPORT_DAY,
    );
    expect(
      await page.locator('[aria-label="Volume by day"] .recharts-cartesian-axis-tick-value').allTextContents(),
    ).toContain(dayLabel);
    await saveScreen(page, 'reports');

    // Filtered to Spanish: the second customer alone, who waited 10 minutes.
    await page.selectOption('select[name="language"]', 'es');
    await expect.poll(() => figure('opened').locator('.stat-value').textContent()).toBe('1');
    expect(await figure('firstResponse').textContent()).toContain('10m 0s');
    expect(await figure('resolved').locator('.stat-value').textContent()).toBe('2');
  });

  it('each table downloads as CSV with the filters on screen', async () => {
    await page.selectOption('select[name="language"]', '');
    await expect.poll(() => figure('opened').locator('.stat-value').textContent()).toBe('2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="volume"]')]);
    expect(download.suggestedFilename()).toBe(`switchboard-volume-${REPORT_DAY}-${REPORT_DAY}.csv`);
    expect(
      readFileSync((await download.path())!, 'utf8')
        .trim()
        .split('\n'),
    ).toEqual(['day,opened,resolved,messagesIn,messagesOut', `${REPORT_DAY},2,3,3,3`]);
    expect(await page.locator('[data-export]').count()).toBeGreaterThanOrEqual(9);
  });
});
