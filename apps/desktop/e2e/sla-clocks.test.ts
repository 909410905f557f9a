import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConversationDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;
let conversation: ConversationDTO;

const WA_ID = '5215512340077';
const KIND_WORDS = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' };

/** "23h 59m", "29m 58s", "15m 0s over" as whole minutes (seconds dropped). */
function minutesIn(text: string): number {
  const hours = /(\d+)h/.exec(text)?.[1];
  const minutes = /(\d+)m(?!s)/.exec(text)?.[1];
  return Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

/** What the server says runs now: the target and the whole minutes left (negative once past). */
async function serverClock() {
  const res = await stack.server.api<ConversationDTO>(stack.admin, 'GET', `/api/conversations/${conversation.id}`);
  const sla = res.body.sla!;
  const ms = Date.parse(sla.dueAt) - Date.now();
  return { kind: sla.kind, minutes: Math.trunc(ms / 60_000) };
}

/** What the list row, the header and the context pane say of the SLA. */
async function shownClocks() {
  const clock = page.locator('.context .clock').first();
  return {
    row: (await page.locator(`[data-conversation-id="${conversation.id}"] .row-bottom .meta`).first().textContent())!,
    header: (await page.locator('.conversation-header .badge.sla').textContent())!,
    contextKind: (await clock.locator('.clock-label').textContent())!,
    context: (await clock.locator('.clock-value').textContent())!,
  };
}

/** Whether the three places show the server's target, and its time left (or over) to the minute. */
function agrees(server: Awaited<ReturnType<typeof serverClock>>, shown: Awaited<ReturnType<typeof shownClocks>>) {
  const late = server.minutes < 0;
  const words = KIND_WORDS[server.kind];
  const near = (text: string) => Math.abs(minutesIn(text) - Math.abs(server.minutes)) <= 1;
  return (
    shown.header.startsWith(`${words} · `) &&
    shown.contextKind === words &&
    [shown.row, shown.header].every((text) => text.endsWith(' over') === late && near(text)) &&
    (late ? shown.context.startsWith('Breached ') : near(shown.context))
  );
}

/**
 * Waits until the list row, the header and the context pane all show `kind` with the time the server has
 * left on it: read together, so a deadline the server moves meanwhile (an escalation) is read again.
 */
async function expectServerClock(kind: keyof typeof KIND_WORDS) {
  await page.waitForSelector(`.conversation-header .badge.sla[data-sla="${kind}"]`);
  const seen = await eventually(async () => {
    const server = await serverClock();
    const shown = await shownClocks();
    return server.kind === kind && agrees(server, shown) ? shown : undefined;
  }, `the list, header and context pane showing the server's ${kind} clock`);
  return seen;
}

async function openConversation() {
  await openView(page, 'all');
  await page.click(`[data-conversation-id="${conversation.id}"]`);
  await page.waitForSelector('.conversation-header:has-text("Marta Ruiz")');
}

beforeAll(async () => {
  inbox = await startInbox({ stack: { env: { SLA_CHECK_INTERVAL_MS: '200' } } });
  ({ stack, page } = inbox);
  await stack.customerWrites(WA_ID, 'Hola, ¿dónde está mi pedido 4471?', { name: 'Marta Ruiz' });
  await signIn(page, stack);
  conversation = (await eventually(() => stack.conversationOf(WA_ID), 'the conversation'))!;
  await openConversation();
}, 120_000);

afterAll(() => inbox?.close());

describe("the SLA clock in Chromium is the server's, in the list, the header and the context pane", () => {
  it('shows the first response, then after the reply the resolution target, live', async () => {
    const first = await expectServerClock('first_response');
    expect(minutesIn(first.header)).toBeGreaterThanOrEqual(58);

    await page.fill('.composer textarea', 'Hola Marta, ya lo reviso.');
    await page.press('.composer textarea', 'Enter');
    const resolution = await expectServerClock('resolution');
    expect(minutesIn(resolution.header)).toBeGreaterThan(23 * 60);
  });

  it('shows the next response when the customer writes again, and the same after a reload', async () => {
    await stack.customerWrites(WA_ID, '¿Alguna novedad?', { name: 'Marta Ruiz' });
    const next = await expectServerClock('next_response');
    expect(minutesIn(next.header)).toBeLessThanOrEqual(30);
    await page.reload();
    await page.waitForSelector('.connection[data-state="online"]');
    await openConversation();
    await expectServerClock('next_response');
  });

  it('shows a breached target as over, in every place, as soon as the server has it so', async () => {
    // The customer has waited 45 minutes for an answer: the 30-minute next-response target passed 15 minutes ago.
    const { models, services } = stack.server.app;
    const waited = new Date(Date.now() - 45 * 60_000);
    await models.Conversation.updateOne(
      { _id: conversation.id },
      { $set: { lastInboundAt: waited, firstUnansweredAt: waited } },
    );
    await services.sla.sync((await models.Conversation.findById(conversation.id).orFail())._id);
    const breached = await eventually(async () => {
      const shown = await shownClocks();
      return shown.header.endsWith(' over') ? shown : undefined;
    }, 'the breach on screen');
    expect(minutesIn(breached.row)).toBeGreaterThanOrEqual(14);
    await expectServerClock('next_response');
    await page.locator('.conversation-header .badge.sla.danger').waitFor();
    await saveScreen(page, 'sla-clock-breached');
  });
});
