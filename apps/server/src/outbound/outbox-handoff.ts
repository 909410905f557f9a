import type { QueuedOutboxItem } from '../domain/domain-events.js';

/**
 * The outbox items this process queued, waiting for its senders, by recipient: a sender takes an item by its
 * id instead of scanning the outbox on every wake-up. A recipient's items go one at a time, oldest first
 * (a customer reads replies in the order they were written), so a sender takes the head of a recipient no
 * other sender here is busy with. What this process does not know of (items other processes queued, retries,
 * items of a process that died) the worker's periodic scan still finds.
 */
export class OutboxHandoff {
  private readonly waiting = new Map<string, QueuedOutboxItem[]>();
  private readonly busy = new Set<string>();

  add(item: QueuedOutboxItem): void {
    const key = recipientOf(item);
    const queue = this.waiting.get(key);
    if (queue) queue.push(item);
    else this.waiting.set(key, [item]);
  }

  /** The oldest item of a recipient no sender here is busy with; its recipient is busy until `release`. */
  take(): QueuedOutboxItem | null {
    for (const [key, queue] of this.waiting) {
      if (this.busy.has(key)) continue;
      const item = queue.shift()!;
      if (queue.length === 0) this.waiting.delete(key);
      this.busy.add(key);
      return item;
    }
    return null;
  }

  release(item: QueuedOutboxItem): void {
    this.busy.delete(recipientOf(item));
  }
}

const recipientOf = (item: QueuedOutboxItem) => `${item.channelId.toHexString()}:${item.to}`;
