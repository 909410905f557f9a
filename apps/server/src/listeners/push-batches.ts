import type { ConversationEventDTO } from '@switchboard/shared';

type Batch = { rooms: string[]; events: ConversationEventDTO[] };
type Send = (rooms: string[], events: ConversationEventDTO[]) => void;

/**
 * Gathers the conversation changes made during one turn of the event loop into one push per audience (set
 * of rooms), sent once the turn's I/O has been handled. Writing a frame to each of 500 sockets is the cost;
 * under load a turn makes many changes, so the pushes per socket grow far slower than the changes.
 * A conversation's changes stay in order: when its audience changes within a turn (it was queued, or
 * assigned), what is gathered goes out first.
 */
export class PushBatches {
  private readonly batches = new Map<string, Batch>();
  /** The audience each conversation's pending changes go to. */
  private readonly audienceOf = new Map<string, string>();
  private scheduled = false;

  constructor(private readonly send: Send) {}

  add(rooms: string[], event: ConversationEventDTO): void {
    const key = rooms.join('\n');
    const pendingTo = this.audienceOf.get(event.conversationId);
    if (pendingTo !== undefined && pendingTo !== key) this.flush();
    this.audienceOf.set(event.conversationId, key);
    const batch = this.batches.get(key);
    if (batch) batch.events.push(event);
    else this.batches.set(key, { rooms, events: [event] });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush = (): void => {
    this.scheduled = false;
    const batches = [...this.batches.values()];
    this.batches.clear();
    this.audienceOf.clear();
    for (const { rooms, events } of batches) this.send(rooms, events);
  };
}
