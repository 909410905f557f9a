import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { person, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  // One attempt: a webhook whose processing fails is given up on at once, not after eight retries.
  inbox = await startInbox({ stack: { env: { INTAKE_MAX_ATTEMPTS: '1' } } });
  ({ stack, page } = inbox);
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await inbox?.close();
});

const storedCopies = (wamid: string) => stack.server.app.models.Message.countDocuments({ providerMessageId: wamid });

describe('inbound dead letters in Chromium, against the real server and Node host', () => {
  it('a supervisor sees the webhooks that could not be applied, with why, and replays one once fixed', async () => {
    // Processing fails after the message is stored, as a database blip in consent would.
    vi.spyOn(stack.server.app.services.consent, 'onInbound').mockRejectedValueOnce(
      new Error('consent store unavailable'),
    );
    const message = inbound.text({ from: '5511966660001', name: 'Marta Lima', body: 'is my refund on its way?' });
    const failed = await stack.server.deliver(envelope({ messages: [message] }));
    expect(failed.status).toBe('failed');
    // And one the schemas refuse: its timestamp is not unix seconds.
    const refused = { ...inbound.text({ from: '5511966660002', body: 'hello' }), timestamp: 'yesterday' };
    const skipped = await stack.server.deliver(envelope({ messages: [refused as never] }));

    await signIn(page, stack, await person(stack, 'supervisor'));
    await page.click('.nav-item:has-text("Dead letters")');
    const failedRow = page.locator(`.inbound-dead-table tr[data-dead-letter="${String(failed._id)}"]`);
    const refusedRow = page.locator(`.inbound-dead-table tr[data-dead-letter="${String(skipped._id)}"]`);
    await failedRow.locator('text=Processing failed').waitFor();
    await failedRow.locator('text=consent store unavailable').waitFor();
    await refusedRow.locator('text=Items refused and skipped').waitFor();
    await refusedRow.locator('code:has-text("entry.0.changes.0.value.messages.0.timestamp")').waitFor();
    await saveScreen(page, 'inbound-dead-letters');

    // The refused one is refused again: it stays, with one more attempt.
    await refusedRow.locator('button:has-text("Replay")').click();
    await page.waitForSelector('.toast:has-text("Still failing")');
    await refusedRow.locator('td:nth-child(3):has-text("2")').waitFor();

    // The failed one goes through now: off the list, its message stored once.
    await failedRow.locator('button:has-text("Replay")').click();
    await failedRow.waitFor({ state: 'detached' });
    await page.waitForSelector('.toast:has-text("Webhook replayed")');
    expect(await storedCopies(message.id)).toBe(1);
    const conversation = await eventually(() => stack.conversationOf('5511966660001'), 'the conversation');
    expect(conversation.messageCount).toBe(1);
    await expect(refusedRow.count()).resolves.toBe(1);
  }, 90_000);
});
