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
});
