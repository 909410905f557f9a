import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MentionListDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  await stack.server.api(stack.admin, 'POST', '/api/queues', { name: 'Support', fallback: true, mode: 'manual' });
}, 120_000);

afterAll(() => inbox?.close());

/** Sends as a bot does when it hands a customer over, with what it collected. */
async function botHandsOver(conversationId: string, attributes: Record<string, string>) {
  const { apiKey } = (
    await stack.server.api<{ apiKey: string }>(stack.admin, 'POST', '/api/bots', { name: 'OrderBot' })
  ).body;
  const res = await fetch(`${stack.server.url}/api/bot/handoff`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': 'handoff-e2e-1',
    },
    body: JSON.stringify({ conversationId, reason: 'asked for a person', context: { attributes } }),
  });
  expect(res.status).toBeLessThan(300);
}

describe('working together in Chromium, against the real server, simulator and Node host', () => {
  it("/ finds a canned reply by a loose shortcut and fills in the customer's name, the agent's and the order", async () => {
    const created = await stack.server.api(stack.admin, 'POST', '/api/canned-replies', {
      scope: 'shared',
      shortcut: 'shipped',
      title: 'Order shipped',
      text: 'Hi {{contact.first_name}}, {{agent.first_name}} here: order {{entity.order_number}} has shipped.',
      language: 'en',
    });
    expect(created.status).toBe(201);
    await stack.server.api(stack.admin, 'POST', '/api/canned-replies', {
      scope: 'personal',
      shortcut: 'ship-es',
      title: 'Pedido enviado',
      text: 'Hola {{contact.first_name}}, tu pedido fue enviado.',
      language: 'es',
    });
    await stack.customerWrites('5511977770001', 'Where is my order?', { name: 'Rita Moraes' });
    const conversation = await eventually(() => stack.conversationOf('5511977770001'), 'the conversation');
    await botHandsOver(conversation.id, { order: 'ORD-48213' });

    await signIn(page, stack);
    await openView(page, 'all');
    await page.click(`[data-conversation-id="${conversation.id}"]`);
    await page.waitForSelector('.conversation-header:has-text("Rita Moraes")');
    const box = page.locator('textarea[aria-label="Reply"]');
    await box.click();
    await page.keyboard.type('/shpd');
    const options = page.locator('[role="listbox"][aria-label="Canned replies"] [role="option"]');
    await eventually(async () => (await options.count()) > 0, 'the canned menu');
    expect(await options.first().locator('.canned-shortcut').textContent()).toBe('/shipped');
    await saveScreen(page, 'canned-picker');
    await page.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('Hi Rita, Administrator here: order ORD-48213 has shipped.');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bubble-row.out:has-text("order ORD-48213 has shipped")');
    const sent = await eventually(async () => {
      const texts = stack.sim.sentMessages.map((m) => JSON.stringify(m));
      return texts.find((t) => t.includes('ORD-48213'));
    }, 'WhatsApp to receive the reply');
    expect(sent).toContain('Hi Rita, Administrator here');
  });

  it('@name in a note tells that colleague; my Mentions view counts, lists and opens where I was named', async () => {
    const conversation = (await stack.conversationOf('5511977770001'))!;
    const colleague = await stack.server.userWith('agent', [conversation.channelId]);

    // I name my colleague in a note written in the inbox.
    await page.click('.composer-tabs [role="tab"]:has-text("Internal note")');
    await page.fill('textarea[aria-label="Internal note"]', '@Test agent can you confirm the courier?');
    await page.press('textarea[aria-label="Internal note"]', 'Enter');
    await page.waitForSelector('.bubble-row.note:has-text("confirm the courier")');
    const theirs = await eventually(async () => {
      const res = await stack.server.api<MentionListDTO>(colleague.token, 'GET', '/api/mentions');
      return res.body.items.length > 0 && res.body;
    }, 'the colleague to be mentioned');
    expect(theirs).toMatchObject({ unreadCount: 1, items: [{ excerpt: '@Test agent can you confirm the courier?' }] });

    // They answer naming me: my sidebar counts it, a toast tells me, the view lists it.
    await openView(page, 'all');
    const note = await fetch(`${stack.server.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${colleague.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'mention-e2e-1',
      },
      body: JSON.stringify({ type: 'note', body: 'Done. @Administrator the courier confirmed Friday.' }),
    });
    expect(note.status).toBe(201);
    await page.waitForSelector('button[aria-label="Mentions, 1 unread"]');
    await page.waitForSelector('.toast:has-text("Test agent mentioned you")');
    await page.click('button[aria-label="Mentions, 1 unread"]');
    await page.waitForSelector('.mention-item.unread:has-text("the courier confirmed Friday")');
    await saveScreen(page, 'mentions-view');
    await page.click('.mention-item:has-text("the courier confirmed Friday")');
    await page.waitForSelector('.conversation-header:has-text("Rita Moraes")');
    await page.waitForSelector('.nav-item[aria-label="Mentions"]');
    const mine = await stack.server.api<MentionListDTO>(stack.admin, 'GET', '/api/mentions');
    expect(mine.body.unreadCount).toBe(0);
  });

  it('in a browser asks for notification permission once, at the first send, then shows a mention while hidden', async () => {
    const conversation = (await stack.conversationOf('5511977770001'))!;
    const colleague = await stack.server.userWith('agent', [conversation.channelId]);
    // The page's Notification API records what the app asks and shows; the page counts as in the background.
    await page.addInitScript({
      content: `
        const log = { asked: 0, shown: [], last: null };
        class RecordedNotification {
          static permission = 'default';
          static requestPermission() {
            log.asked++;
            RecordedNotification.permission = 'granted';
            return Promise.resolve('granted');
          }
          constructor(title, options) {
            this.onclick = null;
            log.shown.push(title + ' | ' + options.body);
            log.last = this;
          }
          close() {}
        }
        window.Notification = RecordedNotification;
        window.notificationLog = log;
        document.hasFocus = () => false;
      `,
    });
    await page.evaluate("localStorage.removeItem('switchboard.notifications.asked')");
    await page.reload();
    await page.waitForSelector('[aria-label="Connection"][data-state="online"]');
    type Log = { asked: number; shown: string[] };
    const log = () => page.evaluate<Log>('({ asked: notificationLog.asked, shown: notificationLog.shown })');
    expect(await log()).toMatchObject({ asked: 0, shown: [] });

    await openView(page, 'all');
    await page.click(`[data-conversation-id="${conversation.id}"]`);
    for (const text of ['first note', 'second note']) {
      await page.click('.composer-tabs [role="tab"]:has-text("Internal note")');
      await page.fill('textarea[aria-label="Internal note"]', text);
      await page.press('textarea[aria-label="Internal note"]', 'Enter');
      await page.waitForSelector(`.bubble-row.note:has-text("${text}")`);
    }
    expect((await log()).asked).toBe(1);

    await openView(page, 'resolved');
    const note = await fetch(`${stack.server.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${colleague.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'mention-e2e-2',
      },
      body: JSON.stringify({ type: 'note', body: '@Administrator the refund went out' }),
    });
    expect(note.status).toBe(201);
    await eventually(async () => (await log()).shown.length > 0, 'the notification');
    expect((await log()).shown).toEqual([
      'Test agent mentioned you · Rita Moraes | @Administrator the refund went out',
    ]);
    await page.evaluate('notificationLog.last.onclick()');
    await page.waitForSelector('.conversation-header:has-text("Rita Moraes")');
  });
});
