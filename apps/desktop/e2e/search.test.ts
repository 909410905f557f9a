import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { person, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

async function searchFor(text: string): Promise<void> {
  await page.click('.nav-item:has-text("Search")');
  await page.fill('input[aria-label="Search all history"]', text);
}

describe('search across history in Chromium, against the real server and Node host', () => {
  it('finds an old message, highlighted; opening it shows that message in its thread', async () => {
    await stack.customerWrites('5215540001001', 'Necesito la factura de marzo, por favor', {
      name: 'Lucía Fernández',
      at: new Date(Date.now() - 20 * DAY),
    });
    for (let i = 0; i < 12; i++) {
      await stack.customerWrites('5215540001001', `Mensaje de seguimiento ${i}`, { name: 'Lucía Fernández' });
    }
    await stack.customerWrites('5511940001002', 'Meu pedido chegou quebrado', { name: 'João Pereira' });
    await eventually(() => stack.conversationOf('5511940001002'), 'the conversations to exist');

    await signIn(page, stack);

    await searchFor('fáctura');
    const hit = page.locator('.search-hit:has-text("Necesito la factura de marzo")');
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['factura']);
    expect(await page.locator('.search-offline').count()).toBe(0);
    await saveScreen(page, 'search-results');

    await hit.click();
    const found = page.locator('.bubble-row.found:has-text("Necesito la factura de marzo")');
    await found.waitFor();
    // Jumped to: the old message is on screen, although a dozen newer ones follow it.
    expect(await found.isVisible()).toBe(true);
    const inView = await found.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const thread = el.closest('.thread')!.getBoundingClientRect();
      return box.top >= thread.top && box.bottom <= thread.bottom;
    });
    expect(inView).toBe(true);
    await saveScreen(page, 'search-jump-to-message');
  });

  it('filters by status, and finds a contact by part of the number', async () => {
    await searchFor('pedido');
    await page.locator('.search-hit:has-text("Meu pedido chegou quebrado")').waitFor();
    await page.selectOption('select[aria-label="Status"]', 'resolved');
    await page.locator('.empty-state:has-text("Nothing found")').waitFor();
    await page.selectOption('select[aria-label="Status"]', '');
    await page.fill('input[aria-label="Search all history"]', '40001002');
    const contact = page.locator('.search-hit:has(.kind-contact):has-text("João Pereira")');
    await contact.waitFor();
    expect(await contact.locator('mark').allTextContents()).toEqual(['40001002']);
  });

  it('filters by queue and by assignee, by their names', async () => {
    const queue = await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
      name: 'Garantías',
      fallback: true,
    });
    expect(queue.status).toBe(201);
    const teammate = await person(stack, 'agent');
    await stack.customerWrites('5491140001003', 'La garantía de la licuadora ya venció?', { name: 'Marta Gil' });
    await eventually(
      async () => ((await stack.conversationOf('5491140001003'))?.queueId === queue.body.id ? true : undefined),
      'the conversation in the new queue',
    );
    await page.reload();
    await page.waitForSelector('.connection[data-state="online"]');
    await searchFor('garantía');
    const hit = page.locator('.search-hit:has-text("La garantía de la licuadora")');
    await hit.waitFor();
    await page.selectOption('select[aria-label="Queue"]', { label: 'Garantías' });
    await page.selectOption('select[aria-label="Assignee"]', { label: 'Unassigned' });
    await hit.waitFor();
    await saveScreen(page, 'search-queue-assignee');
    // A teammate holds none of it: nothing is found under their name.
    await page.selectOption('select[aria-label="Assignee"]', teammate.id);
    await page.locator('.empty-state:has-text("Nothing found")').waitFor();
    await page.selectOption('select[aria-label="Assignee"]', '');
    await page.selectOption('select[aria-label="Queue"]', '');
  });

  it('offline, searches what the device has stored and says so', async () => {
    stack.proxy.cut();
    await page.waitForSelector('[aria-label="Connection"][data-state="offline"]');
    try {
      await searchFor('quebrado');
      await page.locator('.search-offline:has-text("Offline")').waitFor();
      const hit = page.locator('.search-hit:has-text("Meu pedido chegou quebrado")');
      await hit.waitFor();
      expect(await hit.locator('mark').allTextContents()).toEqual(['quebrado']);
      await saveScreen(page, 'search-offline');
    } finally {
      stack.proxy.restore();
    }
  });
});
