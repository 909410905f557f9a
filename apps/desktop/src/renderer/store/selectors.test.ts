import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { conversation, item, user } from './test-support/fixtures';
import { removePageGlobals, resetStore, useStore } from './test-support/store-harness';
import {
  isWindowOpen,
  selectConnectionLabel,
  selectDraft,
  selectIsSupervisor,
  selectSelectedConversation,
  selectSendStatus,
} from './selectors';

afterEach(resetStore);
afterAll(removePageGlobals);

const state = () => useStore.getState();

describe('the store selectors', () => {
  it("the open conversation is the list's copy when the list has it (it is fresher), else the last one fetched", () => {
    const fetched = conversation({ name: 'Ana Costa', priority: 'normal' });
    useStore.setState({ selectedId: fetched.id, selectedConversation: fetched });
    expect(selectSelectedConversation(state())?.priority).toBe('normal');
    useStore.setState({ items: [item({ ...fetched, priority: 'urgent' })] });
    expect(selectSelectedConversation(state())?.priority).toBe('urgent');
    useStore.setState({ selectedId: null, selectedConversation: null });
    expect(selectSelectedConversation(state())).toBeNull();
  });

  it('supervisors and admins see the board; agents do not', () => {
    for (const [role, sees] of [
      ['supervisor', true],
      ['admin', true],
      ['agent', false],
    ] as const) {
      useStore.setState({ user: user(role) });
      expect(selectIsSupervisor(state())).toBe(sees);
    }
    useStore.setState({ user: null });
    expect(selectIsSupervisor(state())).toBe(false);
  });

  it('the sidebar never says every reply was sent while one failed, even with none waiting', () => {
    useStore.setState({ hostLink: 'open', connection: 'online' });
    expect(selectSendStatus(state())).toEqual({ line: 'allSent' });
    useStore.setState({ replyCounts: { pending: 1, failed: 3 } });
    expect(selectSendStatus(state())).toEqual({ line: 'failed', count: 3 });
    useStore.setState({ replyCounts: { pending: 2, failed: 0 } });
    expect(selectSendStatus(state())).toEqual({ line: 'pending', count: 2 });
    useStore.setState({ replyCounts: { pending: 0, failed: 0 }, connection: 'offline' });
    expect(selectSendStatus(state())).toEqual({ line: 'fromDevice' });
    useStore.setState({ hostLink: 'down', replyCounts: { pending: 0, failed: 1 } });
    expect(selectSendStatus(state())).toEqual({ line: 'reconnecting' });
  });

  it('a conversation with nothing written has an empty reply draft', () => {
    const id = conversation().id;
    expect(selectDraft(id)(state())).toEqual({ text: '', mode: 'reply' });
    useStore.getState().setDraft(id, { mode: 'note' });
    expect(selectDraft(id)(state())).toEqual({ text: '', mode: 'note' });
  });

  it('shows offline while the page cannot reach its host, whatever the engine last said', () => {
    useStore.setState({ connection: 'online', hostLink: 'open' });
    expect(selectConnectionLabel(state())).toBe('online');
    useStore.getState().setHostLink('down');
    expect(selectConnectionLabel(state())).toBe('offline');
    useStore.getState().setHostLink('open');
    useStore.getState().setConnection('syncing');
    expect(selectConnectionLabel(state())).toBe('syncing');
  });

  it('the 24-hour window is open until its end, and closed when it never opened', () => {
    const now = Date.parse('2026-12-01T10:00:00.000Z');
    expect(isWindowOpen(conversation({ windowExpiresAt: '2026-12-01T10:00:01.000Z' }), now)).toBe(true);
    expect(isWindowOpen(conversation({ windowExpiresAt: '2026-12-01T10:00:00.000Z' }), now)).toBe(false);
    expect(isWindowOpen(conversation({ windowExpiresAt: null }), now)).toBe(false);
  });
});
