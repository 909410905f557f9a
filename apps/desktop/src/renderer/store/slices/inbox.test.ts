import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxItem, ListInboxRequest } from '../../../contract/inbox-api';
import { deferred } from '../test-support/deferred';
import { item } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

const names = () => useStore.getState().items.map((c) => c.contact.profileName);

/** Three conversations, and the order the engine lists them in for each sort. */
const ana = item({ name: 'Ana Costa', priority: 'urgent', waitingSince: '2026-12-01T09:50:00.000Z' });
const pedro = item({ name: 'Pedro Alves', priority: 'normal', waitingSince: '2026-12-01T09:00:00.000Z' });
const maria = item({ name: 'Maria Oliveira', priority: 'low', waitingSince: '2026-12-01T09:30:00.000Z' });
const ORDER: Record<string, InboxItem[]> = { priority: [ana, pedro, maria], waiting: [pedro, maria, ana] };

describe('the inbox slice', () => {
  it('lists my conversations by priority first, and in the order the agent picks', async () => {
    testBridge.answer('inbox:list', (request) => ORDER[request.sort ?? 'priority']!);
    await useStore.getState().refreshList();
    expect(names()).toEqual(['Ana Costa', 'Pedro Alves', 'Maria Oliveira']);
    expect(testBridge.callsOf('inbox:list')).toEqual([[{ view: 'mine', sort: 'priority' }]]);

    useStore.getState().setSort('waiting');
    await vi.waitFor(() => expect(names()).toEqual(['Pedro Alves', 'Maria Oliveira', 'Ana Costa']));
    expect(useStore.getState().sort).toBe('waiting');
  });

  it('keeps the unread count of my own conversations with the list, whatever view is listed', async () => {
    testBridge.answer('inbox:unread', () => 3);
    useStore.getState().setView('queues');
    await vi.waitFor(() => expect(useStore.getState().unread).toBe(3));
    expect(testBridge.callsOf('inbox:unread')).toEqual([[]]);
  });

  it('searches for what was typed, without the spaces around it; clearing the box lists everything again', async () => {
    useStore.getState().setSearch('  refund  ');
    await testBridge.settle();
    useStore.getState().setSearch('   ');
    await testBridge.settle();
    expect(testBridge.callsOf('inbox:list').map(([request]) => request)).toEqual([
      { view: 'mine', sort: 'priority', search: 'refund' },
      { view: 'mine', sort: 'priority' },
    ]);
  });

  it('shows the answer to the last thing typed, even when an earlier answer comes back later', async () => {
    const slow = deferred<InboxItem[]>();
    testBridge.answer('inbox:list', (request: ListInboxRequest) => (request.search === 'ma' ? slow.promise : [maria]));
    useStore.getState().setSearch('ma');
    useStore.getState().setSearch('maria');
    await vi.waitFor(() => expect(names()).toEqual(['Maria Oliveira']));
    slow.resolve([maria, ana]);
    await testBridge.settle();
    expect(names()).toEqual(['Maria Oliveira']);
  });

  it('says why the list could not be read, and forgets it once the list is back', async () => {
    testBridge.fail('inbox:list', 'UNAUTHENTICATED', 'sign in first');
    await useStore.getState().refreshList();
    expect(useStore.getState()).toMatchObject({
      listLoaded: true,
      listError: { code: 'UNAUTHENTICATED', message: 'sign in first' },
    });
    testBridge.answer('inbox:list', () => [ana]);
    await useStore.getState().refreshList();
    expect(useStore.getState()).toMatchObject({ listError: null, items: [ana] });
  });

  it('a view from the sidebar goes back to the inbox screen and lists that view', async () => {
    useStore.getState().setScreen('board');
    useStore.getState().setView('resolved');
    expect(useStore.getState()).toMatchObject({ screen: 'inbox', view: 'resolved' });
    await testBridge.settle();
    expect(testBridge.callsOf('inbox:list')).toContainEqual([{ view: 'resolved', sort: 'priority' }]);
  });

  it('the board and dead-letter screens load what they show when opened', async () => {
    useStore.getState().setScreen('board');
    useStore.getState().setScreen('dead-letters');
    await testBridge.settle();
    expect(testBridge.calls.map((c) => c.command)).toEqual(
      expect.arrayContaining(['board:get', 'board:history', 'agents:list', 'dead-letters:list']),
    );
    expect(useStore.getState().screen).toBe('dead-letters');
  });

  it('the shortcuts help opens and closes; each focus request is a new one', () => {
    useStore.getState().toggleShortcuts();
    expect(useStore.getState().shortcutsOpen).toBe(true);
    useStore.getState().toggleShortcuts(false);
    expect(useStore.getState().shortcutsOpen).toBe(false);
    useStore.getState().requestFocus('composer');
    useStore.getState().requestFocus('composer');
    expect(useStore.getState().focusRequest).toEqual({ target: 'composer', n: 2 });
  });

  it("reads this device's unsent replies of every conversation with the list, whichever view it shows", async () => {
    testBridge.answer('inbox:list', () => [item({ name: 'Ana Costa' })]);
    testBridge.answer('replies:counts', () => ({ pending: 0, failed: 1 }));
    useStore.getState().setView('resolved');
    await vi.waitFor(() => expect(useStore.getState().replyCounts).toEqual({ pending: 0, failed: 1 }));
  });
});
