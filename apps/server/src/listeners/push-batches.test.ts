import { describe, expect, it } from 'vitest';
import type { ConversationEventDTO } from '@switchboard/shared';
import { PushBatches } from './push-batches.js';

const change = (conversationId: string, seq: number) =>
  ({
    id: `${conversationId}-${seq}`,
    conversationId,
    seq,
    type: 'timeline:added',
    at: new Date(0).toISOString(),
    data: { kind: 'waiting', summary: '', details: {}, actorId: null },
  }) as ConversationEventDTO;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('pushes gathered per turn of the event loop', () => {
  it('sends the changes one turn made to one audience as one push, in the order they were made', async () => {
    const sent: { rooms: string[]; seqs: string[] }[] = [];
    const batches = new PushBatches((rooms, events) =>
      sent.push({ rooms, seqs: events.map((e) => `${e.conversationId}:${e.seq}`) }),
    );
    batches.add(['channel:a'], change('c1', 1));
    batches.add(['channel:a'], change('c2', 1));
    batches.add(['channel:a', 'queue:q'], change('c3', 1));
    batches.add(['channel:a'], change('c1', 2));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([
      { rooms: ['channel:a'], seqs: ['c1:1', 'c2:1', 'c1:2'] },
      { rooms: ['channel:a', 'queue:q'], seqs: ['c3:1'] },
    ]);
    batches.add(['channel:a'], change('c1', 3));
    await nextTurn();
    expect(sent.at(-1)).toEqual({ rooms: ['channel:a'], seqs: ['c1:3'] });
  });

  it("keeps a conversation's changes in order when its audience changes within the turn (it was queued)", async () => {
    const sent: string[][] = [];
    const batches = new PushBatches((_rooms, events) => sent.push(events.map((e) => `${e.conversationId}:${e.seq}`)));
    batches.add(['channel:a'], change('c1', 1));
    batches.add(['channel:a'], change('c2', 1));
    batches.add(['channel:a', 'queue:q'], change('c1', 2));
    batches.add(['channel:a'], change('c2', 2));
    await nextTurn();
    // The pending push of c1's first audience went out before its second audience's.
    expect(sent.flat().filter((s) => s.startsWith('c1:'))).toEqual(['c1:1', 'c1:2']);
    expect(sent.flat().filter((s) => s.startsWith('c2:'))).toEqual(['c2:1', 'c2:2']);
  });
});
