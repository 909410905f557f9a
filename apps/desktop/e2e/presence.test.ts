import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Ack, ConversationPresenceDTO } from '@switchboard/shared';
import { eventually, type ClientSocket } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

/** A colleague named Ana, a supervisor signed in on another device: a real socket, as her desktop engine keeps. */
async function ana(): Promise<{ socket: ClientSocket; sees: () => ConversationPresenceDTO | undefined }> {
  const { id, token } = await stack.server.userWith('supervisor');
  await stack.server.api(stack.admin, 'PATCH', `/api/users/${id}`, { name: 'Ana' });
  const socket = await stack.server.connectSocket(token);
  let last: ConversationPresenceDTO | undefined;
  socket.on('conversation:presence', (presence) => (last = presence));
  return { socket, sees: () => last };
}

const administrator = (list: { name: string }[] | undefined) => list?.some((u) => u.name === 'Administrator');

describe('colleagues in one conversation, in Chromium against the real server and Node host', () => {
  it('shows a colleague viewing and then typing, and tells her when this agent writes and leaves', async () => {
    await stack.customerWrites('5511966660001', 'Can someone help me?', { name: 'Rita Moraes' });
    const conversation = await eventually(() => stack.conversationOf('5511966660001'), 'the conversation');
    const colleague = await ana();

    await signIn(page, stack);
    await openView(page, 'all');
    await page.click(`[data-conversation-id="${conversation.id}"]`);
    await page.waitForSelector('.conversation-header:has-text("Rita Moraes")');
    const line = page.locator('.conversation-header .presence-line');
    expect(await line.count()).toBe(0);

    const viewed = await new Promise<Ack<ConversationPresenceDTO | null>>((resolve) =>
      colleague.socket.emit('conversation:view', { conversationId: conversation.id }, resolve),
    );
    // The desktop told the server it has the conversation open: Ana's answer counts the agent.
    expect(viewed.ok && administrator(viewed.data?.viewers)).toBe(true);
    await page.waitForSelector('.conversation-header .presence-line:text-is("Ana is viewing")');
    await saveScreen(page.locator('.conversation-header'), 'presence-viewing');

    colleague.socket.emit('conversation:typing', { conversationId: conversation.id, typing: true });
    await page.waitForSelector('.conversation-header .presence-line:text-is("Ana is typing…")');
    await saveScreen(page.locator('.conversation-header'), 'presence-typing');
    await saveScreen(page, 'presence-typing-page');
    colleague.socket.emit('conversation:typing', { conversationId: conversation.id, typing: false });
    await page.waitForSelector('.conversation-header .presence-line:text-is("Ana is viewing")');

    // This agent writes a reply: Ana sees them typing, and no longer once the reply is sent.
    await page.locator('textarea[aria-label="Reply"]').click();
    await page.keyboard.type('Hi Rita, on it');
    await eventually(async () => administrator(colleague.sees()?.typing), 'Ana to see the agent typing');
    await page.keyboard.press('Enter');
    await eventually(
      async () => colleague.sees()?.typing.length === 0 && administrator(colleague.sees()?.viewers),
      'the typing to end when the reply is sent',
    );

    // After a network cut the engine opens the conversation again on its new connection.
    stack.proxy.cut();
    await eventually(async () => !administrator(colleague.sees()?.viewers), 'the agent to drop out with the network');
    await page.waitForSelector('.conversation-header .presence-line', { state: 'detached' });
    stack.proxy.restore();
    await eventually(async () => administrator(colleague.sees()?.viewers), 'the agent to view it again on reconnect');
    await page.waitForSelector('.conversation-header .presence-line:text-is("Ana is viewing")');

    // Opening another conversation leaves this one: Ana sees the agent go.
    await stack.customerWrites('5511966660002', 'Hello?', { name: 'Otto Lima' });
    const other = await eventually(() => stack.conversationOf('5511966660002'), 'the second conversation');
    await page.click(`[data-conversation-id="${other.id}"]`);
    await page.waitForSelector('.conversation-header:has-text("Otto Lima")');
    await eventually(
      async () => colleague.sees()?.viewers.length === 1,
      'the agent to leave for the other conversation',
    );
    expect(colleague.sees()?.viewers.map((u) => u.name)).toEqual(['Ana']);
    colleague.socket.disconnect();
  });
});
