import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO, Priority } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, person, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

const ANA = '5511966660001';
const ANA_AT_WORK = '5511966660002';
const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
const PRIORITY_LABEL: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  await stack.server.api(stack.admin, 'POST', '/api/queues', { name: 'Support', fallback: true, mode: 'manual' });
}, 120_000);

afterAll(() => inbox?.close());

/** The conversation once triage has weighed it (its priority is what triage decided). */
const triaged = (waId: string) =>
  eventually(async () => {
    const conversation = await stack.conversationOf(waId);
    return conversation?.intent ? conversation : undefined;
  }, `the conversation of ${waId} to be triaged`);

describe('contact profiles in Chromium, against the real server and Node host', () => {
  let ana: ConversationDTO;

  it('an agent edits the name and makes the customer VIP: list, header, priority and history follow', async () => {
    await stack.customerWrites(ANA, 'Hi, where is my order?', { name: 'Ana Souza' });
    await stack.customerWrites(ANA_AT_WORK, 'Hi, it is Ana again, from my work phone', { name: 'Ana S.' });
    ana = await triaged(ANA);
    const atWork = await triaged(ANA_AT_WORK);
    await stack.server.api(stack.admin, 'POST', `/api/conversations/${atWork.id}/resolve`);
    const agent = await person(stack, 'agent', [ana.channelId]);
    const assigned = await stack.server.api(stack.admin, 'POST', `/api/conversations/${ana.id}/assign`, {
      userId: agent.id,
    });
    expect(assigned.status).toBe(200);

    await signIn(page, stack, agent);
    const row = page.locator(`[data-conversation-id="${ana.id}"]`);
    await row.click();
    const profile = page.locator('[data-testid="contact-profile"]');
    await profile.locator('.contact-name:has-text("Ana Souza")').waitFor();
    await profile.locator('button:has-text("Edit profile")').click();

    // A bad email is refused beside the field, by the shared schema, before anything is sent.
    const form = profile.locator('form[aria-label="Edit profile"]');
    await form.locator('input[name="email"]').fill('ana at example');
    await form.locator('button[type="submit"]').click();
    await form.locator('.field-issue[data-field="email"]:has-text("must be an email address")').waitFor();
    expect(await form.locator('input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    await saveScreen(page, 'contact-edit-refused');

    await form.locator('input[name="name"]').fill('Ana Paula Souza');
    await form.locator('input[name="email"]').fill('ana.souza@example.com');
    await form.locator('select[name="tier"]').selectOption('vip');
    await form.locator('select[name="language"]').selectOption('pt');
    await form.locator('button:has-text("Add attribute")').click();
    await form.locator('input[aria-label="Attribute name"]').fill('plan');
    await form.locator('input[aria-label="Value"]').fill('gold');
    await form.locator('textarea[name="notes"]').fill('Prefers WhatsApp to email.');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });

    // The list and header show the new name and the VIP badge, as the server pushed them.
    await row.locator('.row-name:has-text("Ana Paula Souza")').waitFor();
    await row.locator('.badge.vip').waitFor();
    await page.locator('.conversation-header h2:has-text("Ana Paula Souza") .badge.vip').waitFor();
    // The VIP rule weighed the conversation again: one step up, shown in the list.
    expect(ana.priority).not.toBe('urgent');
    const raised = PRIORITIES[PRIORITIES.indexOf(ana.priority) + 1]!;
    await row.locator(`.badge.${raised}:has-text("${PRIORITY_LABEL[raised]}")`).waitFor();
    expect((await stack.conversationOf(ANA))!.priority).toBe(raised);

    // The history says who changed what.
    const change = profile.locator('.contact-change').first();
    await change.locator('strong:has-text("Test agent changed")').waitFor();
    expect(await change.locator('.field-change[data-field="name"]').textContent()).toContain('Ana Paula Souza');
    expect(await change.locator('.field-change[data-field="tier"]').textContent()).toContain('Standard → VIP');
    expect(await profile.locator('dd[data-field="attributes"]').textContent()).toContain('plan: gold');
    await saveScreen(page, 'contact-profile');
  }, 120_000);

  it('a supervisor merges the duplicate into the contact, after a confirmation that says what happens', async () => {
    const supervisor = await person(stack, 'supervisor', [ana.channelId]);
    await page.click('button[title="Sign out"]');
    await signIn(page, stack, supervisor);
    await openView(page, 'all');
    await page.locator(`[data-conversation-id="${ana.id}"]`).click();
    const profile = page.locator('[data-testid="contact-profile"]');
    await profile.locator('.contact-name:has-text("Ana Paula Souza")').waitFor();

    await profile.locator('button:has-text("Merge a duplicate")').click();
    const picker = page.locator('[role="dialog"][aria-label="Merge a duplicate into Ana Paula Souza"]');
    await picker.locator('input#merge-search').fill('966660002');
    await picker.locator('.merge-candidates label:has-text("Ana S.")').click();
    await picker.locator('button[type="submit"]').click();

    const confirm = page.locator('[role="dialog"][aria-label="Merge Ana S. into Ana Paula Souza?"]');
    expect(await confirm.locator('p').textContent()).toContain('cannot be undone');
    await saveScreen(page, 'contact-merge-confirm');
    await confirm.locator('button:has-text("Merge for good")').click();
    await confirm.waitFor({ state: 'detached' });

    await profile.locator('dd[data-field="numbers"]:has-text("+55 11 96666 0002")').waitFor();
    await profile
      .locator('.contact-change strong:has-text("Test supervisor merged another contact into this one")')
      .waitFor();
    const source = await stack.server.app.models.Contact.findOne({ waId: ANA_AT_WORK }).orFail();
    expect(source.mergedInto?.toHexString()).toBe(ana.contact.id);
    await saveScreen(page, 'contact-merged');
  }, 120_000);
});
