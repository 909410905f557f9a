import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;
/** Bruno, the teammate the conversations go to: online, capacity 3. */
let bruno: Awaited<ReturnType<typeof person>>;
/** Ana, an agent of the Front desk queue: capacity 2. */
let ana: Awaited<ReturnType<typeof person>>;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

/** A person the admin creates, with their routing profile. */
async function person(name: string, role: 'agent' | 'supervisor', queueIds: string[], capacity: number) {
  const email = `${name.split(' ')[0]!.toLowerCase()}@test.local`;
  const created = await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/users', {
    email,
    name,
    role,
    password: 'password-1234',
  });
  expect(created.status).toBe(201);
  const profile = await stack.server.api(stack.admin, 'PUT', `/api/agents/${created.body.id}/profile`, {
    queueIds,
    capacity,
  });
  expect(profile.status).toBe(204);
  return {
    id: created.body.id,
    email,
    password: 'password-1234',
    token: await stack.server.login(email, 'password-1234'),
  };
}

const assigneeOf = async (conversationId: string) =>
  (await stack.server.app.models.Conversation.findById(conversationId).orFail()).assigneeId?.toHexString();

describe('transferring in Chromium, against the real server and Node host', () => {
  it("an agent sees each teammate's presence and load, picks one, and the conversation goes to them", async () => {
    const desk = (
      await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
        name: 'Front desk',
        fallback: true,
        mode: 'manual',
      })
    ).body;
    await stack.server.api(stack.admin, 'POST', '/api/queues', { name: 'Billing' });
    ana = await person('Ana Souza', 'agent', [desk.id], 2);
    bruno = await person('Bruno Lima', 'agent', [], 3);
    await person('Carla Dias', 'agent', [], 4);
    // Bruno is online (a socket open) and already has one conversation; Carla has never signed in.
    await stack.server.connectSocket(bruno.token);
    await stack.server.untilOnline(bruno.id);
    await stack.customerWrites('5511955550001', 'My invoice is wrong', { name: 'Rui Barros' });
    const brunos = await eventually(() => stack.conversationOf('5511955550001'), 'the first conversation');
    expect(
      (await stack.server.api(stack.admin, 'POST', `/api/conversations/${brunos.id}/assign`, { userId: bruno.id }))
        .status,
    ).toBe(200);
    await stack.customerWrites('5511955550002', 'Can I change my delivery address?', { name: 'Maria Oliveira' });
    const waiting = await eventually(() => stack.conversationOf('5511955550002'), 'the waiting conversation');

    await signIn(page, stack, ana);
    await openView(page, 'queues');
    await page.click(`[data-conversation-id="${waiting.id}"]`);
    await page.waitForSelector('.conversation-header:has-text("Maria Oliveira")');
    const dialog = page.locator('[role="dialog"][aria-label="Transfer conversation"]');
    // Escape closes the dialog just opened, as the shortcut list promises.
    await page.click('.actions button:has-text("Transfer")');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.click('.actions button:has-text("Transfer")');
    const teammate = (name: string) => dialog.locator(`label.transfer-target:has-text("${name}")`);
    await teammate('Bruno Lima').waitFor();
    expect(await teammate('Bruno Lima').locator('.presence').textContent()).toBe('Online');
    expect(await teammate('Bruno Lima').locator('.load').textContent()).toBe('1/3 open');
    expect(await teammate('Carla Dias').locator('.presence').textContent()).toBe('Offline');
    expect(await teammate('Carla Dias').locator('.load').textContent()).toBe('0/4 open');
    expect(await teammate('Ana Souza').count()).toBe(0);
    expect(await dialog.locator('label.transfer-target:has-text("Billing")').count()).toBe(1);
    await saveScreen(page, 'transfer-dialog');

    await teammate('Bruno Lima').click();
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => (await assigneeOf(waiting.id)) === bruno.id, 'the conversation to be Bruno’s');
    await page.waitForSelector('.conversation-header [data-testid="assignee"]:has-text("Assigned to Bruno Lima")');
  }, 120_000);

  it('a supervisor is asked before giving a teammate more than their capacity, and confirms', async () => {
    await stack.customerWrites('5511955550003', 'Where is my refund?', { name: 'Joana Reis' });
    const third = await eventually(() => stack.conversationOf('5511955550003'), 'the third conversation');
    await stack.server.api(stack.admin, 'POST', `/api/conversations/${third.id}/assign`, { userId: bruno.id });
    await stack.customerWrites('5511955550004', 'I was charged twice', { name: 'Paulo Nunes' });
    const fourth = await eventually(() => stack.conversationOf('5511955550004'), 'the fourth conversation');
    const supervisor = await person('Sofia Ramos', 'supervisor', [], 5);

    await page.click('button[title="Sign out"]');
    await signIn(page, stack, supervisor);
    await openView(page, 'all');
    await page.click(`[data-conversation-id="${fourth.id}"]`);
    await page.waitForSelector('.conversation-header:has-text("Paulo Nunes")');
    await page.click('.actions button:has-text("Transfer")');
    const dialog = page.locator('[role="dialog"][aria-label="Transfer conversation"]');
    const brunoOption = dialog.locator('label.transfer-target:has-text("Bruno Lima")');
    await brunoOption.waitFor();
    expect(await brunoOption.locator('.load.full').textContent()).toBe('3/3 open');
    await brunoOption.click();
    await dialog.locator('button[type="submit"]').click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Bruno Lima already has 3 of 3 open conversations. Assign over capacity anyway?' })
      .waitFor();
    expect(await assigneeOf(fourth.id)).toBeUndefined();
    await saveScreen(page, 'transfer-over-capacity');

    await dialog.locator('button[type="submit"]:has-text("Assign over capacity")').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => (await assigneeOf(fourth.id)) === bruno.id, 'the conversation to be Bruno’s');
    expect(await stack.server.app.models.AgentSlot.countDocuments({ agentId: bruno.id })).toBe(4);
  }, 120_000);

  it("the board's reassign asks the same before giving a teammate more than their capacity", async () => {
    // Ana (capacity 2, in Front desk) gets two conversations; a third waits in her queue.
    for (const [waId, name] of [
      ['5511955550005', 'Lara Castro'],
      ['5511955550006', 'Davi Rocha'],
    ]) {
      await stack.customerWrites(waId!, 'Where is my order?', { name });
      const found = await eventually(() => stack.conversationOf(waId!), `the conversation of ${name}`);
      await stack.server.api(stack.admin, 'POST', `/api/conversations/${found.id}/assign`, { userId: ana.id });
    }
    await stack.customerWrites('5511955550007', 'My parcel came open', { name: 'Nina Prado' });
    const waiting = await eventually(async () => {
      const found = await stack.conversationOf('5511955550007');
      return found?.routingState === 'waiting' && found;
    }, 'a conversation waiting');

    await page.click('.nav-item:has-text("Board")');
    const reassign = page.locator('.reassign');
    await reassign.locator('.waiting-list li', { hasText: 'Nina Prado' }).click();
    await reassign.locator('select[aria-label="Assign to agent"]').selectOption(ana.id);
    await reassign.locator('button:has-text("Assign")').click();
    await reassign
      .getByRole('alert')
      .filter({ hasText: 'Ana Souza already has 2 of 2 open conversations. Assign over capacity anyway?' })
      .waitFor();
    expect(await assigneeOf(waiting.id)).toBeUndefined();
    expect(await page.locator('.toast.error').count()).toBe(0);
    await saveScreen(page, 'board-over-capacity');

    await reassign.locator('button:has-text("Assign over capacity")').click();
    await eventually(async () => (await assigneeOf(waiting.id)) === ana.id, 'the conversation to be Ana’s');
    await reassign.locator('.waiting-list li', { hasText: 'Nina Prado' }).waitFor({ state: 'detached' });
  }, 120_000);
});
