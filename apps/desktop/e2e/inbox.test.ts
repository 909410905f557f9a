import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO } from '@switchboard/shared';
import { gradientPng } from '@switchboard/whatsapp-simulator';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;
let support: { id: string };
let agent: { id: string };

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  // Every conversation waits in a claim-only queue, so the board has something to reassign.
  support = (
    await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
      name: 'Support',
      fallback: true,
      mode: 'manual',
    })
  ).body;
  agent = await stack.server.userWith('agent');
  await stack.server.api(stack.admin, 'PUT', `/api/agents/${agent.id}/profile`, {
    queueIds: [support.id],
    capacity: 5,
  });
  await stack.server.api(stack.admin, 'POST', '/api/templates', {
    name: 'order_update',
    language: 'en_US',
    category: 'utility',
    body: 'Hi {{1}}, your order {{2}} has shipped.',
    parameters: [
      { name: '1', type: 'text', example: 'Maria' },
      { name: '2', type: 'text', example: 'ORD-48213' },
    ],
    status: 'approved',
  });
}, 120_000);

afterAll(() => inbox?.close());

const row = (conversation: ConversationDTO) => `[data-conversation-id="${conversation.id}"]`;
const outBubble = (text: string, status: string) => `.bubble-row.out[data-status="${status}"]:has-text("${text}")`;

async function openConversation(waId: string): Promise<ConversationDTO> {
  const conversation = await eventually(() => stack.conversationOf(waId), `the conversation of ${waId}`);
  await page.click(row(conversation));
  await page.waitForSelector(`.conversation-header:has-text("${conversation.contact.profileName}")`);
  return conversation;
}

async function reply(text: string): Promise<void> {
  await page.fill('textarea[aria-label="Reply"]', text);
  await page.press('textarea[aria-label="Reply"]', 'Enter');
}

describe('the desktop inbox in Chromium, against the real server, simulator and Node host', () => {
  it('signs in: a wrong password is refused with a clear message, the right one opens the inbox', async () => {
    const refused: string[] = [];
    page.on(
      'response',
      (response) => void (response.status() >= 400 && refused.push(`${response.status()} ${response.url()}`)),
    );
    await page.goto(stack.host.url);
    await page.waitForSelector('form[aria-label="Sign in"]');
    // The tab shows the app's icon: the page names it, and the host serves it (no 404 for a favicon).
    const iconHref = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(iconHref).toBeTruthy();
    const icon = await fetch(new URL(iconHref!, page.url()));
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await icon.text()).toContain('<svg');
    expect(refused).toEqual([]);
    page.removeAllListeners('response');
    await page.fill('input[name="server"]', stack.proxy.url);
    await page.fill('input[name="email"]', 'admin@test.local');
    await page.fill('input[name="password"]', 'not-the-password');
    await saveScreen(page, 'login');
    await page.click('button[type="submit"]');
    const refusal = await page.locator('[role="alert"]').textContent();
    expect(refusal).toMatch(/password|credentials|email/i);

    await page.fill('input[name="password"]', 'admin-password-1');
    await page.click('button[type="submit"]');
    await page.waitForSelector('nav[aria-label="Main"]');
    await page.waitForSelector('[aria-label="Connection"][data-state="online"]');
    await openView(page, 'all');
  });

  it("shows a customer's WhatsApp message the moment it arrives; a reply's ticks move from sent to delivered to read", async () => {
    await stack.customerWrites('5511912340010', 'Can I pay by bank transfer instead?', { name: 'Ana Costa' });
    await stack.customerWrites('5511912340011', 'Someone used my card without permission, this is fraud!', {
      name: 'Pedro Alves',
    });
    await page.waitForSelector('.row:has-text("Pedro Alves")');
    await stack.customerWrites('5511912340001', 'Hi, my order 4411 never arrived', { name: 'Maria Oliveira' });
    await page.waitForSelector('.row:has-text("Hi, my order 4411 never arrived")');
    await openConversation('5511912340001');
    await page.waitForSelector('.bubble-row.in:has-text("Hi, my order 4411 never arrived")');

    await reply('Sorry about that, Maria! Checking with the courier now.');
    await page.waitForSelector(outBubble('Checking with the courier now.', 'sent'));
    const [sent] = stack.sendsOf('Sorry about that, Maria! Checking with the courier now.');
    await stack.reportStatus(sent!.id, 'delivered');
    await page.waitForSelector(outBubble('Checking with the courier now.', 'delivered'));
    await stack.reportStatus(sent!.id, 'read');
    await page.waitForSelector(outBubble('Checking with the courier now.', 'read'));
    expect(await page.locator(`${outBubble('Checking with the courier now.', 'read')} .tick.read`).count()).toBe(1);

    // Media comes through the host from the server (which fetches it from WhatsApp), and shows as a picture.
    await stack.customerSendsPhoto(
      '5511912340001',
      'Maria Oliveira',
      gradientPng(240, 150, [120, 140, 220], [240, 200, 170]),
      'This is the box I got',
    );
    const photo = page.locator('.bubble-row.in:has-text("This is the box I got") img.image');
    await photo.waitFor();
    const decodedWidth = () =>
      photo.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth);
    expect(await eventually(decodedWidth, 'the photo to be decoded')).toBe(240);
    // One WhatsApp no longer has says so, instead of a broken picture.
    await stack.customerSentPhotoSinceExpired('5511912340001', 'Maria Oliveira', 'And this is the label');
    await page.waitForSelector(
      '.bubble-row.in:has-text("And this is the label") .media-missing:has-text("Image could not be loaded")',
    );
    expect(await page.locator('.bubble-row.in:has-text("And this is the label") img').count()).toBe(0);
    await page.waitForSelector('.timeline-item');
    await saveScreen(page, 'inbox-thread-context');
  });

  it('a reply written while the network is down shows as pending, and reaches WhatsApp exactly once when it returns', async () => {
    const text = 'Written offline: your refund is on its way.';
    stack.proxy.cut();
    await page.waitForSelector('[aria-label="Connection"][data-state="offline"]');
    await reply(text);
    await page.waitForSelector(`[data-pending-id]:has-text("${text}")`);
    await page.waitForSelector('[aria-label="Connection"]:has-text("1 reply waiting to send")');
    await saveScreen(page, 'offline-pending-reply');
    expect(stack.sendsOf(text)).toHaveLength(0);

    stack.proxy.restore();
    await page.waitForSelector('[aria-label="Connection"][data-state="online"]');
    await page.waitForSelector(outBubble(text, 'sent'));
    expect(await page.locator(`[data-pending-id]:has-text("${text}")`).count()).toBe(0);
    // Delivered once: one accepted send at WhatsApp, and one stored message in the thread.
    expect(stack.sendsOf(text)).toHaveLength(1);
    expect(await page.locator(`.bubble-row.out:has-text("${text}")`).count()).toBe(1);
  });

  it('once the 24-hour window has closed, the composer says so and offers the template picker with its parameters', async () => {
    await stack.customerWrites('5511912340002', 'Any news on my parcel?', {
      name: 'João Pereira',
      at: new Date(Date.now() - 26 * 3600_000),
    });
    await page.waitForSelector('.row:has-text("Any news on my parcel?")');
    await openConversation('5511912340002');
    await page.waitForSelector('.window-closed:has-text("The 24-hour window is closed")');
    expect(await page.locator('textarea[aria-label="Reply"]').count()).toBe(0);

    await page.click('button:has-text("Choose a template")');
    await page.waitForSelector('[role="dialog"][aria-label="Send a template"] .template-name:has-text("order_update")');
    await page.fill('#param-1', 'João');
    await page.fill('#param-2', 'ORD-7781');
    await page.waitForSelector('.template-preview:has-text("Hi João, your order ORD-7781 has shipped.")');
    await saveScreen(page, 'template-picker-window-closed');
    await page.click('button:has-text("Send template")');
    await page.waitForSelector('.bubble-row.out:has-text("Hi João, your order ORD-7781 has shipped.")');
  });

  it('keyboard: ? lists the shortcuts, j/k move through the list, n writes an internal note set apart from replies, / searches', async () => {
    await page.locator('.composer').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.waitForSelector('[role="dialog"][aria-label="Keyboard shortcuts"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"][aria-label="Keyboard shortcuts"]', { state: 'detached' });

    const selected = () => page.locator('.row[aria-current="true"]').getAttribute('data-conversation-id');
    const before = await selected();
    await page.keyboard.press('k');
    await eventually(async () => (await selected()) !== before, 'k to select the previous conversation');
    await page.keyboard.press('j');
    await eventually(async () => (await selected()) === before, 'j to select the next one again');

    await page.keyboard.press('n');
    await page.waitForSelector('textarea[aria-label="Internal note"]:focus');
    await page.keyboard.type('Customer is a repeat buyer; offer free shipping.');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.bubble-row.note:has-text("offer free shipping") .note-label');
    expect(await page.locator('.bubble-row.out:has-text("offer free shipping")').count()).toBe(0);

    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.waitForSelector('input[aria-label="Search conversations"]:focus');
    await page.keyboard.type('Pedro');
    await eventually(
      async () =>
        (await page.locator('.row').allTextContents()).every((t) => t.includes('Pedro Alves')) &&
        page.locator('.row').count(),
      'the search to leave only Pedro',
    );
    expect(await page.locator('.row').count()).toBe(1);
    await page.keyboard.press('Escape');
    await eventually(async () => (await page.locator('.row').count()) > 1, 'the full list again');
  });

  it('actions: labels show on the row, an escalation raises the conversation to urgent, a snooze lists it under Snoozed', async () => {
    const ana = await openConversation('5511912340010');
    await page.click('.actions button:has-text("Labels")');
    await page.fill('#labels-input', 'billing, vip');
    await page.click('[role="dialog"] button:has-text("Save labels")');
    await page.waitForSelector(`${row(ana)} .badge.label:has-text("vip")`);

    await page.click('.actions button:has-text("Escalate")');
    await page.fill('#escalate-reason', 'Asks for an exception to the payment policy');
    await page.click('[role="dialog"] button:has-text("Escalate")');
    await page.waitForSelector('.conversation-header .badge:has-text("Escalated")');
    await page.waitForSelector(`${row(ana)} .badge.urgent`);

    await page.click('.actions button:has-text("Snooze")');
    await page.click('[role="dialog"] button:has-text("In 1 hour")');
    await page.waitForSelector('.conversation-header .badge:has-text("Snoozed until")');
    await openView(page, 'snoozed');
    await page.waitForSelector(row(ana));
    await openView(page, 'all');
  });

  it('a reply WhatsApp keeps refusing becomes a dead letter with its reason; a supervisor replays it and it is sent once', async () => {
    const text = 'Your replacement ships tomorrow morning.';
    await openConversation('5511912340001');
    stack.sim.faults.set({ httpError: { count: 2, status: 503 } });
    await reply(text);
    await page.waitForSelector(`.bubble-row.out[data-status="dead"]:has-text("${text}") .failure`);
    expect(stack.sendsOf(text)).toHaveLength(0);

    await page.click('.nav-item:has-text("Dead letters")');
    const deadRow = page.locator('.dead-table tbody tr', { hasText: 'Your replacement ships' });
    await deadRow.waitFor();
    // It went out of retries: the list says so, and promises nothing about going out by itself.
    const why = await deadRow.locator('.dead-reason').innerText();
    expect(why).toMatch(/gave up after 2 tries/);
    expect(why).not.toMatch(/automatically|in a moment/);
    await saveScreen(page, 'dead-letters');
    await deadRow.locator('button:has-text("Replay")').click();
    await deadRow.waitFor({ state: 'detached' });
    await eventually(async () => stack.sendsOf(text).length === 1, 'the replayed reply to reach WhatsApp');
    await openView(page, 'all');
    await openConversation('5511912340001');
    await page.waitForSelector(outBubble(text, 'sent'));
    expect(stack.sendsOf(text)).toHaveLength(1);
  });

  it('a supervisor reassigns a waiting conversation to an agent from the board', async () => {
    await stack.customerWrites('5511912340003', 'I need to change my delivery address', { name: 'Lucía Gómez' });
    const waiting = await eventually(
      async () =>
        (await stack.conversationOf('5511912340003'))?.routingState === 'waiting' &&
        stack.conversationOf('5511912340003'),
      'a waiting conversation',
    );
    await page.click('.nav-item:has-text("Board")');
    await page.waitForSelector('.queue-card[data-queue="Support"]');
    const option = page.locator('.waiting-list li', { hasText: 'Lucía Gómez' });
    await option.click();
    await page.selectOption('select[aria-label="Assign to agent"]', agent.id);
    await saveScreen(page, 'supervisor-board');
    await page.click('.reassign button:has-text("Assign")');
    await option.waitFor({ state: 'detached' });
    const assigned = await stack.server.api<ConversationDTO>(stack.admin, 'GET', `/api/conversations/${waiting!.id}`);
    expect(assigned.body.assigneeId).toBe(agent.id);

    // Whoever opens it sees who has it, in the header and in the context pane.
    await openView(page, 'all');
    await openConversation('5511912340003');
    await page.waitForSelector('.conversation-header [data-testid="assignee"]:has-text("Assigned to Test agent")');
    await page.waitForSelector('[data-testid="context-assignee"]:has-text("Assigned to Test agent")');
    await saveScreen(page, 'assignee-header');
  });

  it('a long thread has a separator per day; labels beyond what the row shows are counted as +N', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    await stack.customerWrites('5511912340040', 'I ordered a blender last week', {
      name: 'Lia Souza',
      at: threeDaysAgo,
    });
    await stack.customerWrites('5511912340040', 'It still has not arrived');
    const lia = await openConversation('5511912340040');
    await eventually(async () => (await page.locator('.day-separator').count()) === 2, 'a separator per day');
    expect(await page.locator('.day-separator').last().textContent()).toBe('Today');
    expect(await page.locator('.day-separator').first().textContent()).toContain(String(threeDaysAgo.getDate()));

    await page.click('.actions button:has-text("Labels")');
    await page.fill('#labels-input', 'delivery, refund, vip');
    await page.click('[role="dialog"] button:has-text("Save labels")');
    // Beside the priority and both clocks there is room for one of these, whole; the count names the others.
    await page.waitForSelector(`${row(lia)} .badge.label.more:has-text("+2")`);
    expect(await page.locator(`${row(lia)} .badge.label.more`).getAttribute('title')).toBe('refund, vip');
    await saveScreen(page, 'date-separators-labels');
  });

  it('opening a conversation clears its unread count at once, and what arrives while it is open never counts', async () => {
    await openView(page, 'all');
    // Newest first: the new conversation's row is at the top, in sight.
    await page.selectOption('select[aria-label="Sort conversations"]', 'recent');
    await stack.customerWrites('5511912340020', 'Is the blue one back in stock?', { name: 'Caio Mendes' });
    const conversation = await eventually(() => stack.conversationOf('5511912340020'), 'the conversation');
    const unread = page.locator(`${row(conversation)} .unread-count`);
    await unread.waitFor();
    expect(await unread.innerText()).toBe('1');
    await openConversation('5511912340020');
    await unread.waitFor({ state: 'detached' });

    await stack.customerWrites('5511912340020', 'Size M, please', { name: 'Caio Mendes' });
    await page.waitForSelector('.bubble-row.in:has-text("Size M, please")');
    await page.waitForSelector(`${row(conversation)} .row-preview:has-text("Size M, please")`);
    expect(await unread.count()).toBe(0);
  });
});
