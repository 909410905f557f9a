import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { conversation, deadLetter, item, queueState, user } from '../test-support/fixtures';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';

afterEach(resetStore);
afterAll(removePageGlobals);

describe('the board slice', () => {
  it('shows every queue, the last hour, the agents and the conversations still waiting for someone', async () => {
    const lucia = item({
      name: 'Lucía Gómez',
      routingState: 'waiting',
      waitingReason: 'no agent of Support is online',
    });
    testBridge.answer('board:get', () => [queueState('Support', 1), queueState('Billing')]);
    testBridge.answer('board:history', () => [
      { at: '2026-12-01T10:00:00.000Z', queueId: 'q', waiting: 1, slaAtRisk: 0, slaBreached: 0, busyAgents: 1 },
    ]);
    testBridge.answer('agents:list', () => [user('agent', 'Ana Agent')]);
    testBridge.answer('inbox:list', () => [
      lucia,
      item({ name: 'Pedro Alves' }),
      item({ name: 'Old one', routingState: 'waiting', status: 'resolved' }),
    ]);
    await useStore.getState().loadBoard();
    const state = useStore.getState();
    expect(state.queues.map((q) => [q.queue.name, q.waiting])).toEqual([
      ['Support', 1],
      ['Billing', 0],
    ]);
    expect(state.boardHistory).toHaveLength(1);
    expect(state.agents.map((a) => a.name)).toEqual(['Ana Agent']);
    expect(state.waiting.map((c) => c.contact.profileName)).toEqual(['Lucía Gómez']);
    expect(testBridge.callsOf('inbox:list')).toEqual([[{ view: 'all', sort: 'waiting' }]]);
  });

  it('a board the engine cannot load says why in an error toast', async () => {
    testBridge.fail('board:get', 'FORBIDDEN', 'only supervisors see the board');
    await useStore.getState().loadBoard();
    expect(useStore.getState().toasts).toEqual([
      expect.objectContaining({ tone: 'error', body: 'only supervisors see the board' }),
    ]);
  });

  it('a live board push replaces the queues shown', () => {
    useStore.getState().applyBoard([queueState('Support', 4)]);
    expect(useStore.getState().queues.map((q) => q.waiting)).toEqual([4]);
  });

  it('reassigning from the board assigns the conversation to the agent and reloads the board', async () => {
    const waiting = conversation({ routingState: 'waiting' });
    const ana = user('agent', 'Ana Agent');
    testBridge.answer('conversation:act', (id, action) => ({
      ...waiting,
      id,
      assigneeId: action.type === 'assign' ? action.userId : null,
    }));
    expect(await useStore.getState().reassign(waiting.id, ana.id)).toBe('done');
    expect(testBridge.callsOf('conversation:act')).toEqual([[waiting.id, { type: 'assign', userId: ana.id }]]);
    await testBridge.settle();
    expect(testBridge.callsOf('board:get')).toHaveLength(1);
  });

  it('loads where a conversation can go: every queue, and each teammate with presence and load', async () => {
    const targets = {
      queues: [{ id: 'q1', name: 'Billing' }],
      agents: [{ userId: 'u1', name: 'Bruno Lima', status: 'away' as const, load: 1, capacity: 3 }],
    };
    testBridge.answer('transfer:targets', () => targets);
    await useStore.getState().loadTransferTargets();
    expect(useStore.getState()).toMatchObject({ transferTargets: targets, toasts: [] });
  });

  it('replaying a dead letter says so and takes it off the list', async () => {
    const dead = deadLetter('Your replacement ships tomorrow morning.');
    let letters = [dead];
    testBridge.answer('dead-letters:list', () => letters);
    testBridge.answer('dead-letters:replay', () => {
      letters = [];
      return { ...dead.message, status: 'queued' };
    });
    await useStore.getState().loadDeadLetters();
    expect(useStore.getState().deadLetters).toHaveLength(1);
    await useStore.getState().replay(dead.message.id);
    expect(useStore.getState().deadLetters).toEqual([]);
    expect(useStore.getState().toasts).toEqual([expect.objectContaining({ tone: 'info', title: 'Replayed' })]);
  });

  it('a replay WhatsApp refuses keeps the dead letter listed, with the reason', async () => {
    const dead = deadLetter('Your refund is on its way.');
    useStore.setState({ deadLetters: [dead] });
    testBridge.fail('dead-letters:replay', 'OPTED_OUT', 'the customer asked not to be contacted');
    await useStore.getState().replay(dead.message.id);
    expect(useStore.getState().deadLetters).toEqual([dead]);
    expect(useStore.getState().toasts).toEqual([
      expect.objectContaining({ tone: 'error', body: 'the customer asked not to be contacted' }),
    ]);
  });
});
