import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuditEntryDTO, ConversationDTO, Page as PageOf, QueueStateDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

async function openSection(label: string) {
  await page.click('.nav-item:has-text("Settings")');
  await page.click(`.settings-nav-item:has-text("${label}")`);
}

describe('settings in Chromium, against the real server and Node host', () => {
  it('an admin creates a queue and an agent; the agent signs in and gets a conversation routed to that queue', async () => {
    await signIn(page, stack);
    await openSection('Queues & hours');
    const newQueue = page.locator('form[aria-label="New queue"]');
    await newQueue.locator('input[name="name"]').fill('VIP care');
    await newQueue.locator('input[name="fallback"]').check();
    await newQueue.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-queue-name="VIP care"]');
    await saveScreen(page, 'settings-queues');

    await openSection('Users');
    const newUser = page.locator('form[aria-label="New user"]');
    await newUser.locator('input[name="name"]').fill('Rita Souza');
    await newUser.locator('input[name="email"]').fill('rita@test.local');
    await newUser.locator('input[name="password"]').fill('rita-password-1');
    await newUser.locator('label:has-text("VIP care") input[type="checkbox"]').check();
    await newUser.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-user-email="rita@test.local"]:has-text("VIP care")');
    await saveScreen(page, 'settings-users');

    await page.click('button[title="Sign out"]');
    await signIn(page, stack, { email: 'rita@test.local', password: 'rita-password-1' });
    const queues = await stack.server.api<{ items: QueueStateDTO[] }>(stack.admin, 'GET', '/api/queues');
    const vip = queues.body.items.find((s) => s.queue.name === 'VIP care')!.queue;
    const rita = (await stack.server.app.models.User.findOne({ email: 'rita@test.local' }).orFail()).id;
    await stack.server.untilOnline(rita);

    await stack.customerWrites('5511955550001', 'Hello, I need help with my account', { name: 'Joana Prado' });
    await page.waitForSelector('.row:has-text("Joana Prado")');
    const conversation = await eventually(
      async (): Promise<ConversationDTO | undefined> => stack.conversationOf('5511955550001'),
      'the conversation',
    );
    expect(conversation.queueId).toBe(vip.id);
    expect(conversation.assigneeId).toBe(rita);
    // Two sign-ins, two screens and a routed conversation: longer than one step on a machine under load.
  }, 120_000);

  it('a priority rule the server refuses is shown with the field at fault', async () => {
    await page.click('button[title="Sign out"]');
    await signIn(page, stack);
    await openSection('Priority & SLA');
    const editor = page.locator('textarea[aria-label="Priority rules"]');
    await editor.fill(
      JSON.stringify({
        rules: [{ id: 'vip', description: 'VIPs first', when: { contact: { tier: 'vip' } }, then: { raise: 9 } }],
      }),
    );
    await page.click('button:has-text("Save priority rules")');
    const refusal = page.locator('.settings-refused[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('rules.0.then');
    await saveScreen(page, 'settings-policies-refused');
  });

  it('a bot key is shown once, a shared canned reply is added, and the audit log lists who made each change', async () => {
    await openSection('Bots & API keys');
    await page.locator('form[aria-label="New bot"] input[name="name"]').fill('Helper bot');
    await page.click('form[aria-label="New bot"] button[type="submit"]');
    const key = await page.locator('.settings-secret code').textContent();
    expect(key).toMatch(/^sbk_/);
    await page.click('button:has-text("I have copied it")');
    expect(await page.locator('.settings-body').textContent()).not.toContain(key!);

    await openSection('Canned replies');
    const canned = page.locator('form[aria-label="New canned reply"]');
    await canned.locator('input[name="shortcut"]').fill('thanks');
    await canned.locator('textarea[name="text"]').fill('Thank you, {{contact.first_name}}!');
    await canned.locator('button[type="submit"]').click();
    await page.waitForSelector('table[aria-label="Canned replies"] tr:has-text("/thanks")');

    await openSection('Audit log');
    await page.waitForSelector('tr[data-action="user.created"]:has-text("Rita Souza")');
    await page.waitForSelector('tr[data-action="queue.created"]:has-text("VIP care")');
    await page.waitForSelector('tr[data-action="bot.created"]');
    // Each change in words: the record's kind and its fields by the names the settings screens use.
    const created = page.locator('tr[data-action="user.created"]:has-text("Rita Souza")').first();
    expect(await created.locator('td').nth(2).innerText()).toBe('created Rita Souza (User)');
    expect(await created.locator('td').nth(3).innerText()).toContain('Channels');
    expect(await created.innerText()).not.toMatch(/channelIds|queueIds|user\.created/);
    await saveScreen(page, 'settings-audit');
    const audit = await stack.server.api<PageOf<AuditEntryDTO>>(stack.admin, 'GET', '/api/audit?entityType=queue');
    expect(audit.body.items.map((e) => [e.action, e.actor.role])).toContainEqual(['queue.created', 'admin']);
  });
});
