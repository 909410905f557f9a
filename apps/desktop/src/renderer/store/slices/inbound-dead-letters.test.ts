import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { InboundDeadLetterDTO } from '@switchboard/shared';
import { newId } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

function letter(reason: string, attempts = 1): InboundDeadLetterDTO {
  return {
    id: newId(),
    kind: 'failed',
    reason,
    issues: [],
    receivedAt: '2026-12-01T10:00:00.000Z',
    deadSince: '2026-12-01T10:00:05.000Z',
    attempts,
  };
}

describe('the inbound dead-letters slice', () => {
  it('a replay that goes through says how many messages it applied and takes the webhook off the list', async () => {
    const dead = letter('consent store unavailable');
    let listed = [dead];
    testBridge.answer('intake-dead-letters:list', () => listed);
    testBridge.answer('intake-dead-letters:replay', (id) => {
      listed = [];
      return { outcome: 'replayed', id, messages: 2, statuses: 0 };
    });
    await useStore.getState().loadInboundDeadLetters();
    expect(useStore.getState().inboundDeadLetters).toEqual([dead]);
    await useStore.getState().replayInbound(dead.id);
    expect(useStore.getState()).toMatchObject({
      inboundDeadLetters: [],
      replayingInbound: [],
      toasts: [expect.objectContaining({ tone: 'info', title: 'Webhook replayed', body: '2 messages applied.' })],
    });
  });

  it('a replay that fails again keeps the webhook listed and shows the new reason', async () => {
    const dead = letter('consent store unavailable');
    const again = { ...dead, reason: 'consent store still unavailable', attempts: 2 };
    testBridge.answer('intake-dead-letters:list', () => [again]);
    testBridge.answer('intake-dead-letters:replay', () => ({ outcome: 'failed', deadLetter: again }));
    useStore.setState({ inboundDeadLetters: [dead] });
    await useStore.getState().replayInbound(dead.id);
    expect(useStore.getState()).toMatchObject({
      inboundDeadLetters: [again],
      toasts: [
        expect.objectContaining({ tone: 'warning', title: 'Still failing', body: 'consent store still unavailable' }),
      ],
    });
  });

  it('replaying all says how many went through and how many still fail', async () => {
    const stuck = letter('items refused', 2);
    useStore.setState({ inboundDeadLetters: [letter('a'), stuck] });
    testBridge.answer('intake-dead-letters:list', () => [stuck]);
    testBridge.answer('intake-dead-letters:replay-all', () => ({ replayed: 1, failed: 1, items: [stuck] }));
    await useStore.getState().replayAllInbound();
    expect(useStore.getState()).toMatchObject({
      inboundDeadLetters: [stuck],
      toasts: [expect.objectContaining({ tone: 'warning', body: 'Applied: 1. Still failing: 1.' })],
    });
  });
});
