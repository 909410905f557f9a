import type { DomainEvents, QueuedOutboxItem } from '../domain/domain-events.js';

/** A message entered the outbox: this process's senders take it by its id rather than at their next poll. */
export function wakeOutbox(events: DomainEvents, outbox: { handOff(item: QueuedOutboxItem): void }): () => void {
  const onQueued = (item: QueuedOutboxItem) => outbox.handOff(item);
  events.on('outbox.queued', onQueued);
  return () => events.off('outbox.queued', onQueued);
}
