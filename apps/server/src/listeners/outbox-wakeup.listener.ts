import type { DomainEvents } from '../domain/domain-events.js';

/** A message entered the outbox: this process's senders look now rather than at their next poll. */
export function wakeOutbox(events: DomainEvents, outbox: { kick(): void }): () => void {
  const onQueued = () => outbox.kick();
  events.on('outbox.queued', onQueued);
  return () => events.off('outbox.queued', onQueued);
}
