import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

const REPLY = 'Your parcel left our warehouse this morning.';
/** The simulator's business number (stored as the digits 15550100), as agents read it: its country code apart. */
const NUMBER = '+1 5550100';

let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  inbox = await startInbox({
    // The recovery waits for the breaker's next probe: generous, for a machine whose cores are both busy.
    timeoutMs: 40_000,
    stack: {
      env: {
        // Two failed sends open the number's breaker; replies must not run out of tries while it is down.
        BREAKER_FAILURE_THRESHOLD: '2',
        BREAKER_HALF_OPEN_SECONDS: '3',
        OUTBOX_MAX_FAILURES: '50',
      },
    },
  });
  ({ stack, page } = inbox);
  await stack.customerWrites('5511988880001', 'Where is my parcel?', { name: 'Rita Lopes' });
}, 120_000);

afterAll(() => inbox?.close());

const outage = () => page.locator('[role="alert"][aria-label="Numbers that cannot send"] .send-outage');
const connectionDetail = () => page.locator('[aria-label="Connection"] .connection-detail');
const bubble = (status: string) => page.locator(`.bubble-row.out[data-status="${status}"]:has-text("${REPLY}")`);

describe('a WhatsApp outage, as agents see it in Chromium', () => {
  it('the sidebar names the number that cannot send and the waiting reply says why; both clear on recovery', async () => {
    await signIn(page, stack);
    await openView(page, 'all');
    await page.click('.row:has-text("Rita Lopes")');
    await page.waitForSelector('.bubble-row.in:has-text("Where is my parcel?")');
    expect(await connectionDetail().innerText()).toBe('All replies sent');

    const outageStarted = new Date();
    stack.sim.faults.set({ httpError: { count: 10_000, status: 503 } });
    await page.fill('textarea[aria-label="Reply"]', REPLY);
    await page.press('textarea[aria-label="Reply"]', 'Enter');

    await outage().waitFor();
    const sidebar = await outage().innerText();
    expect(sidebar).toContain(`WhatsApp is not answering for ${NUMBER}`);
    // Since when, in the agent's clock: the minute the outage began (or the next, if it began at a minute's end).
    const minutes = await page.evaluate(
      (started) =>
        [0, 60_000].map((ms) =>
          new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(new Date(started + ms)),
        ),
      outageStarted.getTime(),
    );
    expect(minutes.some((time) => sidebar.includes(`Since ${time}`))).toBe(true);
    expect(sidebar).toMatch(/Next try \d{1,2}:\d{2}\s?[AP]M|Trying again now/);
    expect(await connectionDetail().innerText()).toBe('1 number cannot send; its replies wait');

    const waiting = bubble('queued').locator('.waiting-reason');
    expect(await waiting.innerText()).toMatch(
      new RegExp(
        `^Waiting: WhatsApp is not answering for \\${NUMBER}, (next try \\d{1,2}:\\d{2}\\s?[AP]M|trying again now)$`,
      ),
    );
    await saveScreen(page, 'send-outage');

    // A reload reads the outage again rather than waiting for the next push.
    await page.reload();
    await page.waitForSelector('[aria-label="Connection"][data-state="online"]');
    await outage().waitFor();
    expect(await outage().innerText()).toContain(`WhatsApp is not answering for ${NUMBER}`);
    await openView(page, 'all');
    await page.click('.row:has-text("Rita Lopes")');
    await bubble('queued').locator('.waiting-reason').waitFor();

    stack.sim.faults.clear();
    await outage().waitFor({ state: 'detached' });
    await eventually(
      async () => (await connectionDetail().innerText()) === 'All replies sent',
      'all replies sent',
      40_000,
    );
    await bubble('sent').waitFor();
    expect(await bubble('sent').locator('.waiting-reason').count()).toBe(0);
    expect(stack.sendsOf(REPLY)).toHaveLength(1);
  }, 180_000);
});
