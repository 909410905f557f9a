import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../test-support/fixtures';
import { removePageGlobals, resetStore, useStore } from '../test-support/store-harness';

afterEach(async () => {
  vi.useRealTimers();
  await resetStore();
});
afterAll(removePageGlobals);

const titles = () => useStore.getState().toasts.map((t) => t.title);

describe('the toast slice', () => {
  it('a new assignment is news; an SLA alert is a warning that links to its conversation', () => {
    const conversationId = newId();
    const dueAt = new Date(Date.now() + 2 * 60_000 + 20_000).toISOString();
    useStore.getState().notify({
      kind: 'assigned',
      conversationId,
      title: 'New conversation: Ana Costa',
      body: 'Can I pay by bank transfer?',
      contactName: 'Ana Costa',
      preview: 'Can I pay by bank transfer?',
    });
    useStore.getState().notify({
      kind: 'sla',
      conversationId,
      title: 'SLA at risk',
      body: 'First response due in 2 minutes',
      alert: {
        conversationId,
        kind: 'first_response',
        level: 'warning',
        summary: 'First response due in 2 minutes',
        dueAt,
        assigneeId: null,
      },
    });
    expect(useStore.getState().toasts).toEqual([
      expect.objectContaining({
        tone: 'info',
        title: 'New conversation: Ana Costa',
        body: 'Can I pay by bank transfer?',
        conversationId,
      }),
      expect.objectContaining({
        tone: 'warning',
        title: 'SLA at risk',
        body: 'First response due in 2 min.',
        conversationId,
      }),
    ]);
  });

  it('shows at most four at a time, dropping the oldest', () => {
    for (const n of [1, 2, 3, 4, 5]) useStore.getState().pushToast({ tone: 'info', title: `Toast ${n}`, body: '' });
    expect(titles()).toEqual(['Toast 2', 'Toast 3', 'Toast 4', 'Toast 5']);
  });

  it('goes away by itself after a few seconds, or at once when dismissed', () => {
    vi.useFakeTimers();
    useStore.getState().pushToast({ tone: 'info', title: 'Replayed', body: '' });
    useStore.getState().reportError(new Error('the server cannot be reached'));
    const [replayed] = useStore.getState().toasts;
    useStore.getState().dismissToast(replayed!.id);
    expect(titles()).toEqual(['That did not work.']);
    vi.advanceTimersByTime(5_999);
    expect(titles()).toEqual(['That did not work.']);
    vi.advanceTimersByTime(1);
    expect(titles()).toEqual([]);
  });

  it('an error from the engine shows its own words, whichever shell it came through', () => {
    useStore
      .getState()
      .reportError(new Error('The connection to the inbox engine dropped before it answered; try again.'));
    useStore.getState().reportError({
      name: 'InboxError',
      code: 'FORBIDDEN',
      message: 'only the Switchboard window may call the engine',
    });
    useStore.getState().reportError('plain text');
    expect(useStore.getState().toasts.map((t) => t.body)).toEqual([
      'The connection to the inbox engine dropped before it answered; try again.',
      'only the Switchboard window may call the engine',
      'plain text',
    ]);
  });
});
