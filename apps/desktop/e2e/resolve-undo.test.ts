import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO, UserDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

const DAY = 24 * 60 * 60 * 1000;
const MARTA = '5511955550001';
const PEDRO = '5511955550002';

let inbox: Inbox;
let stack: Stack;
let page: Page;
let bruno: UserDTO;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  const queue = (
    await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
      name: 'Support',
      fallback: true,
      mode: 'manual',
    })
  ).body;
  bruno = (
    await stack.server.api<UserDTO>(stack.admin, 'POST', '/api/users', {
      email: 'bruno@test.local',
      name: 'Bruno Lima',
      role: 'agent',
      password: 'password-1234',
    })
  ).body;
  await stack.server.api(stack.admin, 'PUT', `/api/agents/${bruno.id}/profile`, { queueIds: [queue.id], capacity: 5 });
}, 120_000);

afterAll(() => inbox?.close());

/** A customer's conversation, written over three days, that Bruno has and that carries these labels. */
async function conversationOf(waId: string, name: string, labels: string[]): Promise<ConversationDTO> {
  await stack.customerWrites(waId, 'Hi, I ordered a blender on Monday', { name, at: new Date(Date.now() - 2 * DAY) });
  await stack.customerWrites(waId, 'It has not shipped yet', { name, at: new Date(Date.now() - DAY) });
  await stack.customerWrites(waId, 'Any news about order 4471?', { name });
  const conversation = await eventually(() => stack.conversationOf(waId), `the conversation of ${name}`);
  const assigned = await stack.server.api(stack.admin, 'POST', `/api/conversations/${conversation.id}/assign`, {
    userId: bruno.id,
  });
  expect(assigned.status).toBe(200);
  const labelled = await stack.server.api(stack.admin, 'PUT', `/api/conversations/${conversation.id}/labels`, {
    labels,
  });
  expect(labelled.status).toBe(200);
  return conversation;
}

const statusOf = async (id: string) => (await stack.server.app.models.Conversation.findById(id).orFail()).status;

describe('resolving with undo, and a row with more labels than it shows, in Chromium', () => {
  it('labels beyond the first show as "+2" naming them; the header and context say who has it; days are separated', async () => {
    const marta = await conversationOf(MARTA, 'Marta Reis', ['billing', 'refund', 'vip-followup']);
    await signIn(page, stack);
    await openView(page, 'all');
    const row = page.locator(`[data-conversation-id="${marta.id}"]`);
    const more = row.locator('.badge.label.more');
    await more.waitFor();
    // Beside the priority and both clocks there is room for one label, whole; the count names the others.
    expect(await row.locator('.badge.label').allInnerTexts()).toEqual(['billing', '+2']);
    expect(await more.getAttribute('title')).toBe('refund, vip-followup');
    const first = row.locator('.badge.label').first();
    expect(await first.evaluate((chip) => chip.scrollWidth <= chip.clientWidth)).toBe(true);
    // The count is inside the row, not cut off by it.
    const [inRow, inMore] = [(await row.boundingBox())!, (await more.boundingBox())!];
    expect(inMore.x + inMore.width).toBeLessThanOrEqual(inRow.x + inRow.width);
    await saveScreen(row, 'list-row-labels');

    await row.click();
    await page.waitForSelector('.conversation-header [data-testid="assignee"]:has-text("Assigned to Bruno Lima")');
    await page.waitForSelector('[data-testid="context-assignee"]:has-text("Assigned to Bruno Lima")');
    await page.waitForSelector('.bubble-row.in:has-text("Any news about order 4471?")');
    const days = await page.locator('.day-separator').allInnerTexts();
    expect(days).toHaveLength(3);
    expect(days.slice(1)).toEqual(['Yesterday', 'Today']);
    await saveScreen(page, 'conversation-assignee-days');
  });

  it('e shows a toast with Undo; Undo leaves the conversation open, with Bruno, on the server and in the list', async () => {
    const marta = (await stack.conversationOf(MARTA))!;
    const pedro = await conversationOf(PEDRO, 'Pedro Alves', ['courier', 'shipping', 'warranty']);
    const martaRow = page.locator(`[data-conversation-id="${marta.id}"]`);
    await martaRow.click();
    await page.waitForSelector('.conversation-header:has-text("Marta Reis")');
    await page.locator('.thread').click();

    await page.keyboard.press('e');
    const toast = page.locator('.toast:has-text("Resolving")');
    await toast.locator('button:has-text("Undo")').waitFor();
    // Pressed again during the grace: still one resolve waiting, and the button says so.
    await page.keyboard.press('e');
    await page.waitForSelector('.conversation-header button.resolve[disabled]:has-text("Resolving…")');
    expect(await page.locator('.toast').count()).toBe(1);
    await saveScreen(page, 'resolve-undo-toast');
    await toast.locator('button:has-text("Undo")').click();
    await toast.waitFor({ state: 'detached' });

    // Pedro's conversation, resolved by the button afterwards, reaches the server after Marta's would have.
    await page.click(`[data-conversation-id="${pedro.id}"]`);
    await page.waitForSelector('.conversation-header:has-text("Pedro Alves")');
    await page.click('.conversation-header button.resolve');
    await page.locator('.toast:has-text("Resolving") button:has-text("Undo")').waitFor();
    await eventually(async () => (await statusOf(pedro.id)) === 'resolved', "Pedro's conversation resolved");
    await page.locator(`[data-conversation-id="${pedro.id}"]`).waitFor({ state: 'detached' });

    expect(await statusOf(marta.id)).toBe('open');
    expect((await stack.conversationOf(MARTA))?.assigneeId).toBe(bruno.id);
    expect(await martaRow.isVisible()).toBe(true);
    expect(await page.locator('.toast.error').count()).toBe(0);

    // A resolved conversation has nothing to resolve: e offers no Undo (the help it opens next shows the key was read).
    // Its row there runs one clock (the 24-hour window), which leaves room for two labels and "+1".
    await openView(page, 'resolved');
    const pedroRow = page.locator(`[data-conversation-id="${pedro.id}"]`);
    await pedroRow.locator('.badge.label.more:has-text("+1")').waitFor();
    expect(await pedroRow.locator('.badge.label').allInnerTexts()).toEqual(['courier', 'shipping', '+1']);
    expect(await pedroRow.locator('.badge.label.more').getAttribute('title')).toBe('warranty');
    await saveScreen(pedroRow, 'list-row-labels-resolved');
    await pedroRow.click();
    await page.waitForSelector('.conversation-header button:has-text("Reopen")');
    await page.locator('.thread').click();
    await page.keyboard.press('e');
    await page.keyboard.press('?');
    await page.waitForSelector('.dialog-backdrop');
    expect(await page.locator('.toast:has-text("Resolving")').count()).toBe(0);
  });
});
