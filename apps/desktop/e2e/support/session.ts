import type { Page } from 'playwright-core';
import type { Role } from '@switchboard/shared';
import { ADMIN } from '@switchboard/test-support/harness';
import type { InboxView } from '../../src/contract/inbox-api.js';
import { ensureRendererBuilt } from '../../scripts/renderer-build.js';
import { openBrowser, type Browser } from './browser.js';
import { startStack, type Stack } from './stack.js';

/** Whoever signs in: an email and password the server knows. */
export type Who = { email: string; password: string };

export type Inbox = { stack: Stack; browser: Browser; page: Page; close(): Promise<void> };

/**
 * What every desktop e2e file runs against: the built renderer, the whole stack, and Chromium with a fresh
 * profile whose actions wait up to `timeoutMs`.
 */
export async function startInbox(
  options: { stack?: Parameters<typeof startStack>[0]; timeoutMs?: number } = {},
): Promise<Inbox> {
  ensureRendererBuilt();
  const stack = await startStack(options.stack);
  const browser = await openBrowser().catch(async (error: unknown) => {
    await stack.close();
    throw error;
  });
  browser.page.setDefaultTimeout(options.timeoutMs ?? 20_000);
  return {
    stack,
    browser,
    page: browser.page,
    async close() {
      await browser.close();
      await stack.close();
    },
  };
}

/**
 * Signs in through the form, as a person does, and waits until the inbox is live. The selectors do not
 * depend on the language the inbox speaks. `host` is another Node host's address than the stack's.
 */
export async function signIn(page: Page, stack: Stack, who: Who = ADMIN, options: { host?: string } = {}) {
  await page.goto(options.host ?? stack.host.url);
  await page.waitForSelector('form.login-card');
  await page.fill('input[name="server"]', stack.proxy.url);
  await page.fill('input[name="email"]', who.email);
  await page.fill('input[name="password"]', who.password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('.connection[data-state="online"]');
}

/** Opens one of the sidebar's inbox views: mine, queues, all, snoozed or resolved. */
export async function openView(page: Page, view: InboxView) {
  await page.click(`.nav-item[data-view="${view}"]`);
}

/** A person with this role (and membership of these channels) who can sign in. */
export async function person(stack: Stack, role: Role, channelIds: string[] = []) {
  const { id, token } = await stack.server.userWith(role, channelIds);
  const { email } = await stack.server.app.models.User.findById(id).orFail();
  return { id, token, email, password: 'password-1234' };
}
