import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO, TemplateDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;
let template: TemplateDTO;

const WA_ID = '5511912350001';
const dialog = '[role="dialog"][aria-label="Send a template"]';
const failedReply = '[data-pending-id][data-status="failed"]';

/** The catalogue as the inbox loaded it: the delivery time is still plain text. */
const DEFINITION = {
  name: 'delivery_slot',
  language: 'en_US',
  category: 'utility',
  parameterFormat: 'named',
  body: 'Hi {{customer_name}}, your delivery is booked for {{delivery_at}}; the fee is {{fee}}.',
  parameters: [
    { name: 'customer_name', type: 'text', example: 'Maria' },
    { name: 'delivery_at', type: 'text', example: 'tomorrow morning' },
    { name: 'fee', type: 'currency', example: '12.50 USD' },
  ],
  status: 'approved',
};

async function changeTemplate(change: Record<string, unknown>) {
  const res = await stack.server.api<TemplateDTO>(stack.admin, 'PATCH', `/api/templates/${template.id}`, {
    version: template.version,
    ...change,
  });
  expect(res.status).toBe(200);
  template = res.body;
}

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  template = (await stack.server.api<TemplateDTO>(stack.admin, 'POST', '/api/templates', DEFINITION)).body;
  await stack.customerWrites(WA_ID, 'When will my order arrive?', { name: 'João Pereira' });
  await signIn(page, stack);
  await openView(page, 'all');
  const conversation = await eventually(() => stack.conversationOf(WA_ID), 'the conversation');
  await page.click(`[data-conversation-id="${(conversation as ConversationDTO).id}"]`);
  await page.waitForSelector('.conversation-header:has-text("João Pereira")');
}, 120_000);

afterAll(() => inbox?.close());

async function openPicker() {
  await page.click('button.template-link');
  await page.waitForSelector(`${dialog} .template-name:has-text("delivery_slot")`);
}

describe('template sends in Chromium, against the real server, simulator and Node host', () => {
  it('a refused template shows failed with the parameter and why; Edit reopens it with a date-time input and the error beside it', async () => {
    // Meta approved a new version meanwhile: the delivery time is now a date_time. The inbox still has the old one.
    await changeTemplate({
      parameters: [
        { name: 'customer_name', type: 'text', example: 'Maria' },
        { name: 'delivery_at', type: 'date_time', example: '2026-12-24T10:00' },
        { name: 'fee', type: 'currency', example: '12.50 USD' },
      ],
      status: 'approved',
    });
    await openPicker();
    await page.fill('#param-customer_name', 'João');
    await page.fill('#param-delivery_at', 'tomorrow');
    // The amount is checked here before anything is sent: blank, it is named beside its input.
    await page.click(`${dialog} button:has-text("Send template")`);
    await page.waitForSelector(`[data-parameter="fee"] .field-error:has-text("Fill this in.")`);
    expect(await page.locator('#param-fee-currency').inputValue()).toBe('USD');
    await page.fill('#param-fee', '12.5');
    await page.click(`${dialog} button:has-text("Send template")`);

    const bubble = page.locator(failedReply);
    await bubble.waitFor();
    await bubble.locator('.failure:has-text("The template\'s values do not fit")').waitFor();
    expect(await bubble.locator('.failure-detail').textContent()).toContain(
      "parameter 2 {{delivery_at}}: expected a date_time (an ISO 8601 date or date-time, like 2025-03-14 or 2025-03-14T15:30:00Z), got 'tomorrow'",
    );
    expect(await bubble.locator('[title^="Pending"]').count()).toBe(0);
    expect(await bubble.textContent()).not.toContain('Pending');
    expect(await bubble.locator('button').allTextContents()).toEqual(['Retry', 'Edit', 'Discard']);
    await saveScreen(page, 'template-refused');

    await bubble.locator('button:has-text("Edit")').click();
    await page.waitForSelector(`${dialog} #param-delivery_at[type="datetime-local"]`);
    expect(await page.locator('#param-customer_name').inputValue()).toBe('João');
    expect(await page.locator('#param-fee').inputValue()).toBe('12.5');
    const error = page.locator('[data-parameter="delivery_at"] .field-error');
    expect(await error.textContent()).toBe('Expected a date and time, got “tomorrow”.');
    expect(await page.locator('#param-delivery_at').getAttribute('aria-describedby')).toBe('param-delivery_at-error');
    await saveScreen(page, 'template-edit-date-time');

    await page.fill('#param-delivery_at', '2026-12-24T10:00');
    expect(await error.count()).toBe(0);
    await page.click(`${dialog} button:has-text("Send template")`);
    await page.waitForSelector(
      '.bubble-row.out[data-status="sent"]:has-text("Hi João, your delivery is booked for 2026-12-24T10:00; the fee is 12.5 USD.")',
    );
    await page.waitForSelector(failedReply, { state: 'detached' });
  });

  it('a template WhatsApp did not deliver offers Retry, which sends it again and settles the failed one', async () => {
    stack.sim.faults.set({ metaError: { count: 1, code: 132000 } });
    await openPicker();
    await page.fill('#param-customer_name', 'João');
    await page.fill('#param-delivery_at', '2026-12-26T09:30');
    await page.fill('#param-fee', '3');
    await page.click(`${dialog} button:has-text("Send template")`);

    const failed = page.locator('.bubble-row.out[data-status="failed"]:has-text("2026-12-26T09:30")');
    await failed.locator('.failure').waitFor();
    await failed.locator('button:has-text("Retry")').click();
    await failed.locator('.failed-actions').waitFor({ state: 'detached' });
    await eventually(
      async () =>
        (await page.locator('.bubble-row.out[data-status="sent"]:has-text("2026-12-26T09:30")').count()) === 1,
      'the template sent again',
    );
    expect(await failed.count()).toBe(1);
  });

  it('a refused template can be discarded: it leaves the thread and is never sent', async () => {
    await changeTemplate({ status: 'pending' });
    await openPicker();
    await page.fill('#param-customer_name', 'João');
    await page.fill('#param-delivery_at', '2026-12-27T08:00');
    await page.fill('#param-fee', '1');
    await page.click(`${dialog} button:has-text("Send template")`);
    const bubble = page.locator(failedReply);
    await bubble.locator('.failure:has-text("not approved")').waitFor();
    await bubble.locator('button:has-text("Discard")').click();
    await bubble.waitFor({ state: 'detached' });
    await changeTemplate({ status: 'approved' });
    expect(stack.sim.sentMessages.filter((m) => JSON.stringify(m.request).includes('2026-12-27T08:00'))).toEqual([]);
  });
});
