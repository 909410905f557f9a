import { said, type Said } from '@switchboard/shared';
import type { Types } from 'mongoose';
import type { QueueDoc } from '../models/queue.model.js';
import type { UserDoc } from '../models/user.model.js';

/** `inHours`: within the agent's own working hours now (always, when they set none). */
export type Candidate = { user: UserDoc; status: string; inHours: boolean; load: number; capacity: number };
/** A person giving a conversation to an agent: how, and whether they confirmed going over capacity. */
export type HandOver = { how: 'assign' | 'transfer'; overCapacity: boolean };

/** Who routing may give a conversation to now. */
export const takesMore = (c: Candidate) => c.status === 'online' && c.inHours && c.load < c.capacity;

/** Who routing offers the conversation to: the free candidates but the agent who handed it on. */
export const offeredTo = (candidates: Candidate[], handedOnBy: Types.ObjectId | null | undefined) =>
  candidates.filter((c) => takesMore(c) && !handedOnBy?.equals(c.user._id));

export const manualReason = (queue: QueueDoc) =>
  said(`${queue.name} takes conversations by claim`, 'waiting.by-claim', { queue: queue.name });

/** What the history says when a person gives a conversation to an agent; `overTo`: their load after, when over capacity. */
export function handOverSummary(target: UserDoc, how: HandOver['how'], overTo: number | null): Said {
  const by = how === 'assign' ? `Assigned by a supervisor to ${target.name}` : `Transferred to ${target.name}`;
  if (overTo === null)
    return said(by, how === 'assign' ? 'timeline.assigned-by-supervisor' : 'timeline.transferred-to-agent', {
      agent: target.name,
    });
  return said(
    `${by}, over capacity (${overTo}/${target.capacity}), confirmed`,
    how === 'assign' ? 'timeline.assigned-by-supervisor-over-capacity' : 'timeline.transferred-to-agent-over-capacity',
    { agent: target.name, load: overTo, capacity: target.capacity },
  );
}

/** Why nobody of the queue takes the conversation now, the most telling reason first. */
export function waitingReasonFor(
  queue: QueueDoc,
  candidates: Candidate[],
  handedOnBy: Types.ObjectId | null | undefined,
): Said {
  const name = queue.name;
  const free = candidates.filter(takesMore);
  if (free.length > 0 && offeredTo(candidates, handedOnBy).length === 0) {
    const agent = free[0]!.user.name;
    return said(`no agent of ${name} is free but ${agent}, who handed it on`, 'waiting.only-handed-on-free', {
      queue: name,
      agent,
    });
  }
  if (candidates.length === 0) return said(`nobody is skilled in ${name}`, 'waiting.nobody-skilled', { queue: name });
  const online = candidates.filter((c) => c.status === 'online');
  if (online.length === 0) return said(`no agent of ${name} is online`, 'waiting.nobody-online', { queue: name });
  const inHours = online.filter((c) => c.inHours);
  if (inHours.length === 0)
    return said(`no online agent of ${name} is within their working hours`, 'waiting.nobody-in-hours', {
      queue: name,
    });
  const count = inHours.length;
  if (count === 1)
    return said(`the one online agent of ${name} is at capacity`, 'waiting.one-agent-at-capacity', { queue: name });
  return said(`all ${count} online agents of ${name} are at capacity`, 'waiting.all-at-capacity', {
    queue: name,
    count,
  });
}
