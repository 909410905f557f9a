import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WEEKDAYS, type MessageDTO, type Page as PageOf } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

/**
 * An admin gives a queue business hours and an out-of-hours reply in settings; a customer who writes while it is
 * closed gets the reply on WhatsApp, and the thread shows it as sent automatically.
 */
let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

const REPLY = 'Thanks for writing! We are closed now and will answer when we open.';
const REPLY_ES = '¡Gracias por escribir! Ahora estamos cerrados y responderemos al abrir.';

describe('the out-of-hours reply, set in settings', () => {
  it('an admin writes the reply; a customer writing while the queue is closed gets it, and the thread shows it', async () => {
    await signIn(page, stack);
    await page.click('.nav-item:has-text("Settings")');
    await page.click('.settings-nav-item:has-text("Queues & hours")');

    const newQueue = page.locator('form[aria-label="New queue"]');
    await newQueue.locator('input[name="name"]').fill('Night desk');
    await newQueue.locator('input[name="fallback"]').check();
    await newQueue.locator('button[type="submit"]').click();
    await page.click('tr[data-queue-name="Night desk"] button:has-text("Hours & reply")');

    // Open only the day after tomorrow (UTC): closed now, whenever this runs.
    const openDay = WEEKDAYS[(new Date().getUTCDay() + 6 + 2) % 7]!;
    const hours = page.locator('form[aria-label="Hours of Night desk"]');
    await hours.locator('input[name="always"]').uncheck();
    await hours.locator('input[name="timezone"]').fill('UTC');
    for (const day of WEEKDAYS) await hours.locator(`input[name="day-${day}"]`).setChecked(day === openDay);
    await hours.locator('input[name="reply"]').check();
    await hours.locator('textarea[name="reply-en"]').fill(REPLY);
    await hours.locator('textarea[name="reply-es"]').fill(REPLY_ES);
    await saveScreen(page, 'settings-out-of-hours');
    await hours.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-queue-name="Night desk"]:has-text("Auto-reply on")');

    await stack.customerWrites('5511955550777', 'Hello, my order has not arrived yet', { name: 'Lucas Prado' });
    const [received] = await eventually(async () => {
      const sent = stack.sendsOf(REPLY);
      return sent.length > 0 ? sent : undefined;
    }, 'the out-of-hours reply at WhatsApp');
    expect(received!.waId).toBe('5511955550777');

    await page.click('.nav-item:has-text("All")');
    await page.click('.row:has-text("Lucas Prado")');
    const bubble = page.locator(`.bubble-row.out:has-text("${REPLY}")`);
    await bubble.waitFor();
    expect(await bubble.locator('.bubble-automatic').textContent()).toContain('Sent automatically');
    await page.waitForSelector('.timeline-item:has-text("Out-of-hours reply sent")');
    await saveScreen(page, 'thread-out-of-hours-reply');
    // Once per closed period: a second message gets no second reply (the reply is stored as the message is taken).
    await stack.customerWrites('5511955550777', 'Are you there?');
    const conversation = await eventually(() => stack.conversationOf('5511955550777'), 'the conversation');
    const messages = await stack.server.api<PageOf<MessageDTO>>(
      stack.admin,
      'GET',
      `/api/conversations/${conversation.id}/messages?limit=100`,
    );
    const replies = messages.body.items.filter((m) => m.content.type === 'text' && m.content.body === REPLY);
    expect(replies).toHaveLength(1);
  }, 120_000);
});
