import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';

/** A customer who said STOP, as an agent meets them in the inbox. */
let inbox: Inbox;
beforeAll(async () => {
  inbox = await startInbox();
}, 120_000);
afterAll(() => inbox?.close());

const WA_ID = '5511977770001';

describe('a customer who opted out, in Chromium', () => {
  it('the composer says nothing can be sent and offers only a note, until the customer opts in again', async () => {
    const { stack, page } = inbox;
    await stack.customerWrites(WA_ID, 'Olá, quero saber do meu pedido 4471', { name: 'Rita Lopes' });
    await stack.customerWrites(WA_ID, 'STOP');
    const conversation = await eventually(async () => {
      const shown = await stack.conversationOf(WA_ID);
      return shown?.contact.optedOut ? shown : undefined;
    }, 'the customer to be opted out');

    await signIn(page, stack);
    await openView(page, 'all');
    await page.click(`[data-conversation-id="${conversation.id}"]`);
    const notice = page.locator('.composer .opted-out[role="status"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('nothing can be sent to them, templates included');
    expect(await page.locator('.composer textarea[aria-label="Reply"]').count()).toBe(0);
    expect(await page.locator('.composer .template-link').count()).toBe(0);
    expect(await page.locator('.context .badge.danger').innerText()).toBe('Opted out: nothing is sent');
    await saveScreen(page, 'composer-opted-out');

    await page.click('.composer-tabs button:has-text("Internal note")');
    await page.locator('.composer textarea[aria-label="Internal note"]').waitFor();

    // The customer opts in again: the open conversation offers the reply box once more.
    await stack.customerWrites(WA_ID, 'START');
    await page.click('.composer-tabs button:has-text("Reply")');
    await page.locator('.composer textarea[aria-label="Reply"]').waitFor();
    expect(await page.locator('.composer .opted-out').count()).toBe(0);
  });

  it('a reply the server refused for the opt-out offers Discard, not Retry, and the sidebar says it was not sent', async () => {
    const { stack, page } = inbox;
    const waId = '5511977770002';
    const text = 'Written offline: your exchange is approved.';
    await stack.customerWrites(waId, 'Quero trocar o tamanho da camiseta', { name: 'Bia Nunes' });
    const conversation = await eventually(() => stack.conversationOf(waId), 'the conversation');
    await openView(page, 'all');
    await page.click(`[data-conversation-id="${conversation.id}"]`);
    await page.locator('.composer textarea[aria-label="Reply"]').waitFor();

    // Offline, the reply waits on this device; meanwhile the customer opts out.
    stack.proxy.cut();
    await page.waitForSelector('[aria-label="Connection"][data-state="offline"]');
    await page.fill('.composer textarea[aria-label="Reply"]', text);
    await page.press('.composer textarea[aria-label="Reply"]', 'Enter');
    await page.waitForSelector(`[data-pending-id][data-status="pending"]:has-text("${text}")`);
    await stack.customerWrites(waId, 'STOP');
    await eventually(async () => (await stack.conversationOf(waId))?.contact.optedOut, 'the customer to opt out');
    stack.proxy.restore();

    const refused = page.locator(`[data-pending-id][data-status="failed"]:has-text("${text}")`);
    await refused.locator('.failure:has-text("This customer opted out of these messages.")').waitFor();
    expect(await refused.locator('.failed-actions button').allTextContents()).toEqual(['Discard']);
    expect(await refused.locator('.failed-actions').innerText()).toContain('until they write START');
    const sendLine = page.locator('[aria-label="Connection"] .connection-detail');
    await page.waitForSelector('[aria-label="Connection"] .connection-detail:text-is("1 reply could not be sent")');
    await saveScreen(page, 'reply-refused-opted-out');

    await refused.locator('button:has-text("Discard")').click();
    await refused.waitFor({ state: 'detached' });
    await eventually(async () => (await sendLine.innerText()) === 'All replies sent', 'the send line to clear');
    expect(stack.sendsOf(text)).toHaveLength(0);
  });
});
