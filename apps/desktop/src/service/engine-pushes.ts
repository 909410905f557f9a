import { Coalescer } from '@switchboard/concurrency';
import type { QueueStateDTO, UserDTO } from '@switchboard/shared';
import type { InboxPush, InboxPushes, SessionState } from '../contract/inbox-api.js';
import type { SyncEngine } from '../engine/sync-engine.js';
import { assignmentNotification, mentionNotification, slaNotification } from './notifications.js';

export type Push = <P extends InboxPush>(push: P, ...payload: InboxPushes[P]) => void;

type Wiring = {
  engine: SyncEngine;
  userId: string;
  push: Push;
  state: () => SessionState;
  onBoard: (states: QueueStateDTO[]) => void;
  onUser: (user: UserDTO) => void;
};

/**
 * Turns the engine's events into the contract's pushes. The list is re-read by the renderer on every
 * `conversations-changed`, so bursts (a resync applies hundreds of events) are coalesced into one per tick.
 */
export function forwardEnginePushes({ engine, userId, push, state, onBoard, onUser }: Wiring): () => void {
  let stopped = false;
  const listChanges = new Coalescer(() => void (stopped || push('conversations-changed')), {
    settleMs: 0,
    onError: (error) => push('problem', `list change not pushed: ${String(error)}`),
  });
  const listChanged = () => listChanges.request('list', undefined);

  const unsubscribes = [
    engine.subscribe('conversations-changed', listChanged),
    engine.subscribe('messages-changed', (id) => {
      push('thread-changed', id);
      listChanged();
    }),
    engine.subscribe('outbox-changed', (entry) => {
      push('thread-changed', entry.conversationId);
      listChanged();
    }),
    engine.subscribe('upload-progress', (progress) => push('upload-progress', progress)),
    engine.subscribe('timeline-changed', (id) => push('timeline-changed', id)),
    engine.subscribe('presence-changed', (presence) => push('presence-changed', presence)),
    engine.subscribe('send-health-changed', (health) => push('send-health-changed', health)),
    engine.subscribe('connection-changed', (connection) => {
      push('connection-changed', connection);
      push('session-changed', state());
    }),
    engine.subscribe('problem', (error) => push('problem', error.message)),
    engine.subscribe('user-fetched', onUser),
    engine.subscribe('conversation-updated', (before, after) => {
      const notification = assignmentNotification(before, after, userId);
      if (notification) push('notification', notification);
    }),
    engine.subscribe('sla-alert', (alert) => push('notification', slaNotification(alert))),
    engine.subscribe('mention', (mention) => {
      push('notification', mentionNotification(mention));
      push('mentions-changed');
    }),
    engine.subscribe('mentions-read', () => push('mentions-changed')),
    engine.subscribe('templates-changed', () => push('templates-changed')),
    engine.subscribe('queues-updated', (states) => {
      onBoard(states);
      push('board-changed', states);
    }),
  ];
  return () => {
    // A list change still settling belongs to the session that is closing: it is not pushed.
    stopped = true;
    unsubscribes.forEach((unsubscribe) => unsubscribe());
  };
}
