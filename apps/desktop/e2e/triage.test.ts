import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

const CUSTOMER = '5511977300042';
const MESSAGE =
  'Hello! Where is my order #48213? I ordered it on 3 March for $59.90 and there is still no tracking. Email: ana.costa@example.com';

let inbox: Inbox;
let stack: Stack;
let page: Page;
let billing: { id: string };

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  // Claim-only queues: the conversation waits where triage sent it, for anyone to see it move.
  for (const queue of [
    { name: 'Orders', intents: ['order_status'] },
    { name: 'Billing', intents: ['payment_issue', 'invoice_question'] },
    { name: 'Support', fallback: true },
  ]) {
    const created = await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
      ...queue,
      mode: 'manual',
    });
    if (queue.name === 'Billing') billing = created.body;
  }
}, 120_000);

afterAll(() => inbox?.close());

const triageCard = '.context-section.triage';

describe('triage in the context pane', () => {
  it('shows the facts found in the message, and a one-click correction moves the conversation to the queue that takes it', async () => {
    await signIn(page, stack);
    await openView(page, 'all');

    await stack.customerWrites(CUSTOMER, MESSAGE, { name: 'Ana Costa' });
    const conversation = await eventually(async () => {
      const found = await stack.conversationOf(CUSTOMER);
      return found?.intent ? found : undefined;
    }, 'the conversation triaged');
    expect(conversation.intent).toBe('order_status');
    await page.click(`[data-conversation-id="${conversation.id}"]`);
    await page.waitForSelector(`${triageCard} .entities`);

    const entities = await page.locator(`${triageCard} .entities`).innerText();
    expect(entities).toContain('48213');
    expect(entities).toMatch(/59[.,]90/);
    expect(entities).toContain('ana.costa@example.com');
    // A day the customer named shows as a day, without an invented time.
    expect(entities).toMatch(/Mar 3/);
    expect(entities).not.toMatch(/\d:\d\d/);
    expect(await page.locator(`${triageCard} select.intent-select`).inputValue()).toBe('order_status');

    await page.selectOption(`${triageCard} select.intent-select`, 'payment_issue');
    await page.waitForSelector(`${triageCard} .correction`);
    await page.waitForSelector('.timeline-item:has-text("Billing")');
    const moved = await eventually(async () => {
      const found: ConversationDTO | undefined = await stack.conversationOf(CUSTOMER);
      return found?.queueId === billing.id ? found : undefined;
    }, 'the conversation in Billing');
    expect(moved.triage.correction).toMatchObject({ from: 'order_status', to: 'payment_issue' });
    expect(await page.locator(`${triageCard} .correction`).innerText()).toMatch(/Order status/i);
    // The steps name intents as the agent reads them, never by key.
    await page.waitForSelector('.timeline-item:has-text("the intent is now Payment issue")');
    expect(await page.locator('.timeline').innerText()).not.toMatch(/order_status|payment_issue/);
    await saveScreen(page, 'triage-correction');
  });
});
