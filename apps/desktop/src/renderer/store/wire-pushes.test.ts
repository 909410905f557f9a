import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxItem } from '../../contract/inbox-api';
import { deferred } from './test-support/deferred';
import { item, queueState, timelineItem, user } from './test-support/fixtures';
import { page, removePageGlobals, resetStore, testBridge, useStore } from './test-support/store-harness';
import { wirePushes } from './wire-pushes';

let unwire: () => void;
beforeEach(() => {
  unwire = wirePushes();
});
afterEach(async () => {
  unwire();
  await resetStore();
});
afterAll(removePageGlobals);

const listCalls = () => testBridge.callsOf('inbox:list').length;

describe("the engine's pushes, wired into the store", () => {
  it('a sign-in, the connection and the board pushed by the host show at once', async () => {
    testBridge.answer('inbox:list', () => [item({ name: 'Ana Costa' })]);
    testBridge.push('session-changed', {
      user: user('supervisor', 'Sam Supervisor'),
      serverUrl: 'https://inbox.example.test',
      connection: 'syncing',
    });
    testBridge.push('connection-changed', 'online');
    testBridge.push('board-changed', [queueState('Support', 3)]);
    const state = useStore.getState();
    expect(state).toMatchObject({ user: { name: 'Sam Supervisor' }, connection: 'online', queues: [{ waiting: 3 }] });
    await vi.waitFor(() => expect(useStore.getState().items.map((c) => c.contact.profileName)).toEqual(['Ana Costa']));
  });

  it('a notification shows as a toast', () => {
    testBridge.push('notification', {
      kind: 'assigned',
      conversationId: item().id,
      title: 'New conversation: Pedro Alves',
      body: 'My card was used',
      contactName: 'Pedro Alves',
      preview: 'My card was used',
    });
    expect(useStore.getState().toasts.map((t) => t.title)).toEqual(['New conversation: Pedro Alves']);
  });

  it('opening a conversation clears its unread count in the list, once the engine says the list changed', async () => {
    let ana: InboxItem = item({ name: 'Ana Costa', unreadCount: 3 });
    testBridge.answer('inbox:list', () => [ana]);
    testBridge.answer('conversation:read', () => {
      ana = { ...ana, unreadCount: 0 };
      // As the engine does: the read mark changes the cached list, and the host says so.
      setTimeout(() => testBridge.push('conversations-changed'));
    });
    await useStore.getState().refreshList();
    expect(useStore.getState().items[0]?.unreadCount).toBe(3);
    useStore.getState().select(ana.id);
    await vi.waitFor(() => expect(useStore.getState().items[0]?.unreadCount).toBe(0));
  });

  it('opening a conversation clears its unread count at once, before the list is read again', async () => {
    const ana = item({ name: 'Ana Costa', unreadCount: 3 });
    testBridge.answer('inbox:list', () => [ana]);
    await useStore.getState().refreshList();
    useStore.getState().select(ana.id);
    expect(useStore.getState().items[0]?.unreadCount).toBe(0);
  });

  it('new messages in the open conversation never show as unread while the agent looks at it', async () => {
    const ana = item({ name: 'Ana Costa' });
    useStore.setState({ items: [ana] });
    useStore.getState().select(ana.id);
    await testBridge.settle();
    // The engine lists the new message as unread until the read mark the push sets has landed.
    testBridge.answer('inbox:list', () => [{ ...ana, unreadCount: 1 }]);
    testBridge.push('thread-changed', ana.id);
    testBridge.push('conversations-changed');
    await vi.waitFor(() => expect(listCalls()).toBeGreaterThan(0));
    await testBridge.settle();
    expect(useStore.getState().items[0]?.unreadCount).toBe(0);

    // Away from the window, the same message counts as unread, until the agent comes back to it.
    page.focused = false;
    testBridge.push('thread-changed', ana.id);
    testBridge.push('conversations-changed');
    await vi.waitFor(() => expect(useStore.getState().items[0]?.unreadCount).toBe(1));
    const reads = testBridge.callsOf('conversation:read').length;
    page.focused = true;
    useStore.getState().readOpenConversation();
    expect(useStore.getState().items[0]?.unreadCount).toBe(0);
    expect(testBridge.callsOf('conversation:read')).toHaveLength(reads + 1);
  });

  it('a burst of list changes (a resync) while the list is being read makes one more read, not one per push', async () => {
    const firstRead = deferred<InboxItem[]>();
    testBridge.answer('inbox:list', () => firstRead.promise);
    testBridge.push('conversations-changed');
    await vi.waitFor(() => expect(listCalls()).toBe(1));
    testBridge.answer('inbox:list', () => [item({ name: 'After the resync' })]);
    for (let n = 0; n < 30; n++) testBridge.push('conversations-changed');
    firstRead.resolve([item({ name: 'Before the resync' })]);
    await vi.waitFor(() =>
      expect(useStore.getState().items.map((c) => c.contact.profileName)).toEqual(['After the resync']),
    );
    await testBridge.settle();
    expect(listCalls()).toBe(2);
  });

  it('a new automation step shows for the open conversation only', async () => {
    const open = item();
    useStore.getState().select(open.id);
    await testBridge.settle();
    testBridge.answer('timeline:get', () => [timelineItem('Escalated by Ana')]);
    testBridge.push('timeline-changed', item().id);
    await testBridge.settle();
    expect(useStore.getState().timeline).toEqual([]);
    testBridge.push('timeline-changed', open.id);
    await vi.waitFor(() => expect(useStore.getState().timeline.map((t) => t.summary)).toEqual(['Escalated by Ana']));
  });
});
