import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuditEntryDTO, Page as PageOf, TemplateDTO } from '@switchboard/shared';
import { DEFAULT_PHONE_NUMBER_ID, DEFAULT_WABA_ID } from '@switchboard/whatsapp-simulator';
import { saveScreen } from './support/screens.js';
import { signIn as signInAs, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

/**
 * The templates screen in Chromium against the real server: an admin makes a template, is told which field is
 * wrong before anything is sent, previews it with sample values, makes a new version; a supervisor only reads,
 * and watches WhatsApp's review (the simulator's webhook) move a template's status live.
 */
let inbox: Inbox;
let stack: Stack;
let page: Page;
const SUPERVISOR = { email: 'sol.supervisor@test.local', password: 'password-1234' };

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  await stack.server.api(stack.admin, 'POST', '/api/users', {
    ...SUPERVISOR,
    name: 'Sol Supervisor',
    role: 'supervisor',
  });
}, 120_000);

afterAll(() => inbox?.close());

async function signIn(email: string, password: string) {
  await signInAs(page, stack, { email, password });
  await page.click('.nav-item:has-text("Settings")');
  await page.click('.settings-nav-item:has-text("Templates")');
}

const templates = async () =>
  (await stack.server.api<{ items: TemplateDTO[] }>(stack.admin, 'GET', '/api/templates')).body.items;

describe('the templates screen', () => {
  it('an admin creates a template, sees the field at fault, previews it with sample values and makes a version', async () => {
    await signIn('admin@test.local', 'admin-password-1');
    await page.click('button:has-text("New template")');
    const form = page.locator('form[aria-label="New template"]');
    await form.locator('input[name="name"]').fill('Order Shipped');
    await form.locator('input[name="headerText"]').fill('Your order is on its way');
    await form.locator('textarea[name="body"]').fill('Hi {{1}}, order {{2}} ships on {{3}}.');
    await form.locator('input[name="footer"]').fill('Reply STOP to opt out');
    await form.locator('input[aria-label="Sample value {{1}}"]').fill('Maria');
    await form.locator('input[aria-label="Sample value {{2}}"]').fill('4411');
    await form.locator('select[aria-label="Type {{3}}"]').selectOption('date_time');
    await form.locator('input[aria-label="Sample value {{3}}"]').fill('tomorrow');

    const preview = page.locator('aside[aria-label="Preview"] .settings-template-bubble-body');
    expect(await preview.textContent()).toBe('Hi Maria, order 4411 ships on tomorrow.');
    await form.locator('button[type="submit"]').click();
    // The shared schemas refuse it before the server is asked: the name and the date sample, each by field.
    const refusal = page.locator('.settings-refused[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('name');
    expect(await refusal.textContent()).toContain('parameters.2.example');
    await saveScreen(page, 'settings-templates-refused');
    expect(await templates()).toEqual([]);

    const name = form.locator('input[name="name"]');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('order_shipped');
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await form.locator('input[aria-label="Sample value {{3}}"]').fill('2026-12-24');
    expect(await preview.textContent()).toBe('Hi Maria, order 4411 ships on 2026-12-24.');
    await saveScreen(page, 'settings-templates-editor');
    await form.locator('button[type="submit"]').click();
    const row = page.locator('tr[data-template="order_shipped:en"]');
    await row.waitFor();
    expect(await row.locator('.settings-template-status').textContent()).toBe('Pending');
    expect(await row.textContent()).toContain('v1');

    // WhatsApp approved it: the admin records that, then edits the body, which makes it pending again.
    await row.locator('button:has-text("New version")').click();
    const edit = page.locator('form[aria-label="order_shipped (en)"]');
    await edit.locator('select[name="status"]').selectOption('approved');
    await edit.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-template="order_shipped:en"] .status-approved');
    await row.locator('button:has-text("New version")').click();
    await edit.locator('textarea[name="body"]').fill('Hi {{1}}, your order {{2}} ships on {{3}}. Thank you!');
    await edit.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-template="order_shipped:en"]:has-text("v3") .status-pending');

    await row.locator('button:has-text("Versions")').click();
    await page.waitForSelector('.settings-template-history li[data-version="3"]:has-text("body")');
    expect(await page.locator('.settings-template-history li').count()).toBe(3);
    await saveScreen(page, 'settings-templates');

    const audit = await stack.server.api<PageOf<AuditEntryDTO>>(stack.admin, 'GET', '/api/audit?entityType=template');
    expect(audit.body.items.map((e) => e.action).sort()).toEqual([
      'template.created',
      'template.updated',
      'template.updated',
    ]);
  }, 120_000);

  it('a supervisor sees the templates and their versions, and cannot change them', async () => {
    await page.click('button[title="Sign out"]');
    await signIn(SUPERVISOR.email, SUPERVISOR.password);
    const row = page.locator('tr[data-template="order_shipped:en"]');
    await row.waitFor();
    expect(await page.locator('button:has-text("New template")').count()).toBe(0);
    expect(await row.locator('button:has-text("New version")').count()).toBe(0);
    await row.locator('button:has-text("Versions")').click();
    await page.waitForSelector('.settings-template-history li[data-version="1"]');
  });

  it('once a number has a WABA, a new template waits for WhatsApp’s review and turns approved live', async () => {
    const channel = await stack.server.api(stack.admin, 'POST', '/api/channels', {
      phoneNumberId: DEFAULT_PHONE_NUMBER_ID,
      name: 'Support',
      wabaId: DEFAULT_WABA_ID,
    });
    expect(channel.status).toBe(201);
    const created = await stack.server.api<TemplateDTO>(stack.admin, 'POST', '/api/templates', {
      name: 'order_ready',
      language: 'en',
      category: 'utility',
      body: 'Hi {{1}}, your order is ready.',
      parameters: [{ name: '1', type: 'text', example: 'Maria' }],
    });
    expect(created.status).toBe(201);

    // The supervisor's screen is still open: the new template appears, waiting for WhatsApp, without a reload.
    const row = page.locator('tr[data-template="order_ready:en"]');
    await row.locator('.settings-template-review:has-text("Waiting for WhatsApp")').waitFor();
    expect(await row.locator('.settings-template-status').textContent()).toBe('Pending');

    const submitted = stack.sim.submittedTemplates.find((t) => t.name === 'order_ready')!;
    expect((await stack.sim.reviewTemplate(submitted.id, { event: 'APPROVED' })).status).toBe(200);
    await row.locator('.settings-template-status.status-approved').waitFor();
    expect(await row.locator('.settings-template-status').textContent()).toBe('Approved');
    expect(await row.locator('.settings-template-review').count()).toBe(0);
    await saveScreen(page, 'settings-templates-review-approved');
  });
});
