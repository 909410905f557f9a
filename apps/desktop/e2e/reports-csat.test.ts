import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO } from '@switchboard/shared';
import { envelope, inbound, replyContext } from '@switchboard/whatsapp-simulator';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

const WA_ID = '5511940009001';

beforeAll(async () => {
  inbox = await startInbox({ stack: { env: { REPORTS_FLUSH_MS: '100' } } });
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

describe('a CSAT answer in Chromium, against the real server and simulator', () => {
  it("reaches the reports: the customer's tap and comment are in the CSAT figure and its comments", async () => {
    await stack.customerWrites(WA_ID, 'Meu pedido chegou quebrado', { name: 'Rafael Lima' });
    const conversation = (await eventually(() => stack.conversationOf(WA_ID), 'the conversation')) as ConversationDTO;
    const { server, admin, sim } = stack;
    expect(
      (await server.api(admin, 'PUT', `/api/channels/${conversation.channelId}/csat`, { enabled: true })).status,
    ).toBe(200);
    expect((await server.api(admin, 'POST', `/api/conversations/${conversation.id}/resolve`)).status).toBe(200);

    // The survey goes out as reply buttons (the customer wrote a moment ago); the customer taps the best score.
    const survey = await eventually(
      async () => sim.sentMessages.find((m) => m.waId === WA_ID && m.type === 'interactive'),
      'the survey at WhatsApp',
    );
    await server.deliver(
      envelope({
        messages: [
          inbound.buttonReply({
            from: WA_ID,
            buttonId: `csat:${conversation.id}:3`,
            title: '😀 Ótimo',
            context: replyContext(survey.id, '15550100'),
          }),
        ],
      }),
    );
    await eventually(
      async () => sim.sentMessages.find((m) => m.waId === WA_ID && m.type === 'text'),
      'the thanks at WhatsApp',
    );
    await stack.customerWrites(WA_ID, 'Resolveram rapidinho, obrigado!', { name: 'Rafael Lima' });
    await eventually(
      async () => ((await stack.conversationOf(WA_ID))?.csat?.comment ? true : undefined),
      'the comment kept with the rating',
    );

    await signIn(page, stack);
    await page.click('.nav-item:has-text("Reports")');
    const csat = page.locator('[data-figure="csat"]');
    await csat.waitFor();
    await page.locator('[data-figure="csat"]:has-text("1 of 1 answered")').waitFor();
    expect(await csat.innerText()).toContain('3');
    await page.locator('td:has-text("Resolveram rapidinho, obrigado!")').waitFor();
    await saveScreen(page, 'reports-csat');
  });
});
