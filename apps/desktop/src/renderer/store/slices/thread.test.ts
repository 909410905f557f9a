import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ThreadState } from '../../../contract/inbox-api';
import { deferred } from '../test-support/deferred';
import { conversation, item, message, timelineItem, user } from '../test-support/fixtures';
import { page, removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';
import { inboxError } from '../test-support/test-bridge';
// After the harness: the slice's module reads the page globals it installs.
import { RESOLVE_UNDO_MS } from './thread';

afterEach(resetStore);
afterAll(removePageGlobals);

const bodies = () =>
  useStore.getState().thread?.messages.map((m) => (m.content.type === 'text' ? m.content.body : m.content.type));

describe('the thread slice', () => {
  it('opening a conversation shows it, its messages and its automation history, and marks it read', async () => {
    const maria = conversation({ name: 'Maria Oliveira' });
    testBridge.answer('conversation:get', (id) => (id === maria.id ? maria : null));
    testBridge.answer('thread:get', (id) => ({
      messages: [message(id, 'Hi, my order 4411 never arrived')],
      pending: [],
      settledFailures: [],
    }));
    testBridge.answer('timeline:get', () => [timelineItem('Routed to Support')]);
    useStore.getState().select(maria.id);
    await vi.waitFor(() => expect(bodies()).toEqual(['Hi, my order 4411 never arrived']));
    await testBridge.settle();
    const state = useStore.getState();
    expect(state.selectedConversation?.contact.profileName).toBe('Maria Oliveira');
    expect(state.timeline.map((t) => t.summary)).toEqual(['Routed to Support']);
    expect(testBridge.callsOf('conversation:read')).toEqual([[maria.id]]);
  });

  it("switching conversations never shows the last one's messages, even when its answer comes late", async () => {
    const [first, second] = [conversation(), conversation()];
    const late = deferred<ThreadState>();
    testBridge.answer('thread:get', (id) =>
      id === first.id
        ? late.promise
        : { messages: [message(id, 'second conversation')], pending: [], settledFailures: [] },
    );
    useStore.getState().select(first.id);
    useStore.getState().select(second.id);
    expect(useStore.getState().thread).toBeNull();
    await vi.waitFor(() => expect(bodies()).toEqual(['second conversation']));
    late.resolve({ messages: [message(first.id, 'first conversation')], pending: [], settledFailures: [] });
    await testBridge.settle();
    expect(bodies()).toEqual(['second conversation']);
  });

  it('j and k move through the list and stop at its ends; with nothing open, the first one opens', () => {
    const items = [item(), item(), item()];
    useStore.setState({ items });
    const open = () => items.findIndex((c) => c.id === useStore.getState().selectedId);
    useStore.getState().selectRelative(1);
    expect(open()).toBe(0);
    useStore.getState().selectRelative(-1);
    expect(open()).toBe(0);
    useStore.getState().selectRelative(1);
    useStore.getState().selectRelative(1);
    useStore.getState().selectRelative(1);
    expect(open()).toBe(2);
  });

  it('a new message in the open conversation shows, and counts as read only while the agent looks at the window', async () => {
    const open = conversation();
    useStore.getState().select(open.id);
    await testBridge.settle();
    testBridge.answer('thread:get', (id) => ({
      messages: [message(id, 'Are you there?')],
      pending: [],
      settledFailures: [],
    }));

    page.focused = false;
    useStore.getState().threadChanged(open.id);
    await vi.waitFor(() => expect(bodies()).toEqual(['Are you there?']));
    expect(testBridge.callsOf('conversation:read')).toHaveLength(1);

    page.focused = true;
    useStore.getState().threadChanged(open.id);
    await testBridge.settle();
    expect(testBridge.callsOf('conversation:read')).toHaveLength(2);

    useStore.getState().threadChanged(conversation().id);
    await testBridge.settle();
    expect(testBridge.callsOf('thread:get')).toHaveLength(3);
  });

  it("an action shows the conversation's new state and refreshes the list", async () => {
    const open = conversation();
    useStore.setState({ selectedId: open.id, selectedConversation: open });
    testBridge.answer('conversation:act', (id) => ({
      ...open,
      id,
      status: 'resolved',
      resolvedAt: '2026-12-01T11:00:00.000Z',
    }));
    expect(await useStore.getState().act({ type: 'resolve' })).toBe(true);
    expect(useStore.getState().selectedConversation?.status).toBe('resolved');
    await testBridge.settle();
    expect(testBridge.callsOf('inbox:list')).toHaveLength(1);
  });

  it("an action the server refuses says why, translated from its code, with the server's words beneath", async () => {
    const open = conversation();
    useStore.setState({ selectedId: open.id, selectedConversation: open });
    testBridge.fail('conversation:act', 'CONFLICT', 'Ana Agent already claimed this conversation');
    expect(await useStore.getState().act({ type: 'claim' })).toBe(false);
    expect(useStore.getState().toasts).toEqual([
      expect.objectContaining({
        tone: 'error',
        title: 'Someone changed it first: look again and retry.',
        body: 'Ana Agent already claimed this conversation',
      }),
    ]);
    expect(useStore.getState().selectedConversation?.status).toBe('open');
  });

  it('a teammate at capacity: a supervisor is asked to confirm and retries over capacity; an agent is told why', async () => {
    const open = conversation();
    const bruno = user('agent', 'Bruno Lima');
    useStore.setState({ selectedId: open.id, selectedConversation: open, user: user('supervisor') });
    testBridge.answer('conversation:act', (id, action) => {
      if (action.type === 'transfer' && !action.overCapacity)
        throw inboxError('OVER_CAPACITY', 'Bruno Lima has 3 open conversations of a capacity of 3');
      return { ...open, id, assigneeId: bruno.id };
    });
    expect(await useStore.getState().handOver({ type: 'transfer', toUserId: bruno.id })).toBe('over-capacity');
    expect(useStore.getState().toasts).toEqual([]);
    expect(await useStore.getState().handOver({ type: 'transfer', toUserId: bruno.id, overCapacity: true })).toBe(
      'done',
    );
    expect(useStore.getState().selectedConversation?.assigneeId).toBe(bruno.id);

    useStore.setState({ selectedConversation: open, user: user('agent') });
    expect(await useStore.getState().handOver({ type: 'transfer', toUserId: bruno.id })).toBe('failed');
    expect(useStore.getState().toasts).toEqual([
      expect.objectContaining({
        tone: 'error',
        title: 'That teammate is at capacity: pick someone with room, or a queue.',
        body: 'Bruno Lima has 3 open conversations of a capacity of 3',
      }),
    ]);
  });

  it('says why a thread could not be read', async () => {
    const open = conversation();
    testBridge.fail('thread:get', 'UNAUTHENTICATED', 'sign in first');
    useStore.getState().select(open.id);
    await testBridge.settle();
    expect(useStore.getState().threadError).toEqual({ code: 'UNAUTHENTICATED', message: 'sign in first' });
  });
});

describe('resolving with undo', () => {
  afterEach(() => vi.useRealTimers());

  const resolvingToasts = () => useStore.getState().toasts.filter((t) => t.action?.label === 'Undo');

  it('resolves only after the grace; Undo on the toast keeps the conversation open', async () => {
    vi.useFakeTimers();
    const [first, second] = [conversation(), conversation()];
    testBridge.answer('conversation:act', (id) => ({ ...(id === first.id ? first : second), status: 'resolved' }));

    useStore.setState({ selectedId: first.id, selectedConversation: first });
    useStore.getState().resolveWithUndo();
    expect(resolvingToasts()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(RESOLVE_UNDO_MS - 100);
    expect(testBridge.callsOf('conversation:act')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(testBridge.callsOf('conversation:act')).toEqual([[first.id, { type: 'resolve' }]]);
    expect(useStore.getState().resolving).toEqual({});

    useStore.setState({ selectedId: second.id, selectedConversation: second });
    useStore.getState().resolveWithUndo();
    resolvingToasts().at(-1)!.action!.run();
    await vi.advanceTimersByTimeAsync(RESOLVE_UNDO_MS * 2);
    expect(testBridge.callsOf('conversation:act')).toHaveLength(1);
  });

  it('a second press during the grace waits with the first; a resolved conversation is not resolved again', async () => {
    vi.useFakeTimers();
    const open = conversation();
    testBridge.answer('conversation:act', (id) => ({ ...open, id, status: 'resolved' }));
    useStore.setState({ selectedId: open.id, selectedConversation: open });

    useStore.getState().resolveWithUndo();
    useStore.getState().resolveWithUndo();
    expect(resolvingToasts()).toHaveLength(1);
    expect(Object.keys(useStore.getState().resolving)).toEqual([open.id]);
    await vi.advanceTimersByTimeAsync(RESOLVE_UNDO_MS * 2);
    expect(testBridge.callsOf('conversation:act')).toHaveLength(1);

    useStore.getState().resolveWithUndo();
    expect(resolvingToasts()).toEqual([]);
    expect(useStore.getState().resolving).toEqual({});
  });

  it('leaving (the window closes, the agent signs out) sends a resolve still in its grace at once', async () => {
    vi.useFakeTimers();
    const open = conversation();
    testBridge.answer('conversation:act', (id) => ({ ...open, id, status: 'resolved' }));
    useStore.setState({ selectedId: open.id, selectedConversation: open });

    useStore.getState().resolveWithUndo();
    await useStore.getState().resolvePending();
    expect(testBridge.callsOf('conversation:act')).toEqual([[open.id, { type: 'resolve' }]]);
    expect(resolvingToasts()).toEqual([]);
    await vi.advanceTimersByTimeAsync(RESOLVE_UNDO_MS * 2);
    expect(testBridge.callsOf('conversation:act')).toHaveLength(1);
  });
});
