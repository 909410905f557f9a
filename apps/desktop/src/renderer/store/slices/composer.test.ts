import type { SendMessageRequest } from '@switchboard/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { PendingReply } from '../../../contract/inbox-api';
import { newId, template } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

const draftOf = (id: string) => useStore.getState().drafts[id];
/** The engine takes a reply into its outbox and answers it as pending. */
const outbox = (conversationId: string, request: SendMessageRequest): PendingReply => ({
  clientMessageId: newId(),
  conversationId,
  request,
  state: 'pending',
  attempts: 0,
  error: null,
  errorCode: null,
  issues: [],
  createdAt: '2026-12-01T10:00:00.000Z',
});

describe('the composer slice', () => {
  it('keeps what was being written in each conversation while the agent moves between them', () => {
    const [maria, pedro] = [newId(), newId()];
    useStore.getState().setDraft(maria, { text: 'Checking with the courier' });
    useStore.getState().setDraft(pedro, { text: 'Your card is blocked', mode: 'note' });
    useStore.getState().setDraft(maria, { text: 'Checking with the courier now.' });
    expect(draftOf(maria)).toEqual({ text: 'Checking with the courier now.', mode: 'reply' });
    expect(draftOf(pedro)).toEqual({ text: 'Your card is blocked', mode: 'note' });
  });

  it('sends the reply without surrounding spaces, empties the box and shows the reply pending', async () => {
    const id = newId();
    testBridge.answer('reply:send', outbox);
    useStore.setState({ selectedId: id });
    useStore.getState().setDraft(id, { text: '  Sorry about that, Maria!  ' });
    expect(await useStore.getState().sendDraft(id)).toBe(true);
    expect(testBridge.callsOf('reply:send')).toEqual([[id, { type: 'text', body: 'Sorry about that, Maria!' }]]);
    expect(draftOf(id)).toEqual({ text: '', mode: 'reply' });
    expect(useStore.getState().sending).toBe(false);
    await testBridge.settle();
    expect(testBridge.callsOf('thread:get')).toEqual([[id]]);
  });

  it('a note goes as a note and stays in note mode for the next one', async () => {
    const id = newId();
    testBridge.answer('reply:send', outbox);
    useStore.getState().setDraft(id, { text: 'Customer is a VIP', mode: 'note' });
    await useStore.getState().sendDraft(id);
    expect(testBridge.callsOf('reply:send')).toEqual([[id, { type: 'note', body: 'Customer is a VIP' }]]);
    expect(draftOf(id)).toEqual({ text: '', mode: 'note' });
  });

  it('a canned reply whose order number is still unknown is not sent until the agent fills it in', async () => {
    const id = newId();
    testBridge.answer('reply:send', outbox);
    useStore.getState().setDraft(id, { text: 'Your order {{entity.order_number}} ships today' });
    expect(await useStore.getState().sendDraft(id)).toBe(false);
    expect(testBridge.callsOf('reply:send')).toEqual([]);
    expect(draftOf(id)!.text).toBe('Your order {{entity.order_number}} ships today');
    expect(useStore.getState().toasts.at(-1)).toMatchObject({
      tone: 'error',
      title: 'Fill in {{entity.order_number}} before sending.',
    });
    useStore.getState().setDraft(id, { text: 'Your order ORD-7 ships today' });
    expect(await useStore.getState().sendDraft(id)).toBe(true);
  });

  it('an empty box sends nothing', async () => {
    const id = newId();
    useStore.getState().setDraft(id, { text: '   ' });
    expect(await useStore.getState().sendDraft(id)).toBe(false);
    expect(testBridge.callsOf('reply:send')).toEqual([]);
  });

  it('a reply the engine refuses stays in the box, with the reason in an error toast', async () => {
    const id = newId();
    testBridge.fail('reply:send', 'WINDOW_CLOSED', 'the 24-hour window has closed: send a template');
    useStore.getState().setDraft(id, { text: 'Are you still there?' });
    expect(await useStore.getState().sendDraft(id)).toBe(false);
    expect(draftOf(id)?.text).toBe('Are you still there?');
    expect(useStore.getState()).toMatchObject({
      sending: false,
      toasts: [{ tone: 'error', body: 'the 24-hour window has closed: send a template' }],
    });
  });

  it('offers only approved templates, and sends one with its parameters', async () => {
    const shipped = template('order_shipped');
    testBridge.answer('templates:list', () => [
      shipped,
      template('summer_sale', 'pending'),
      template('win_back', 'rejected'),
    ]);
    testBridge.answer('canned:list', () => [
      {
        id: 'thanks',
        scope: 'shared',
        language: 'en',
        shortcut: 'ty',
        title: 'Thanks',
        text: 'Thank you for waiting!',
      },
    ]);
    await useStore.getState().loadComposerData();
    expect(useStore.getState().templates.map((t) => t.name)).toEqual(['order_shipped']);
    expect(useStore.getState().canned.map((c) => c.shortcut)).toEqual(['ty']);

    const id = newId();
    testBridge.answer('reply:send', outbox);
    expect(await useStore.getState().sendTemplate(id, shipped, ['Maria'])).toBe(true);
    expect(testBridge.callsOf('reply:send')).toEqual([
      [id, { type: 'template', template: { name: 'order_shipped', language: 'en_US', parameters: ['Maria'] } }],
    ]);
  });
});
