import type { ConversationDTO, ConversationEventDTO, MessageDTO, TimelineEntryDTO } from '@switchboard/shared';
import type { Cell } from './cells.js';
import type { Facts } from './conversation-facts.js';
import type { Tally } from './tally.js';

/** What a change does to the reports: the facts after it, and the counts it makes. */
export type Decision = { next: Facts | null; tallies: Tally[] };

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

export const cellOf = (facts: Facts | null, agentId = facts?.assigneeId ?? null): Cell => ({
  queueId: facts?.queueId ?? null,
  agentId,
  channelId: facts?.channelId ?? null,
  intent: facts?.intent ?? null,
  language: facts?.language ?? null,
});

/**
 * The rules of every figure, in one place, as a function of a change and the facts before it (no I/O):
 * - opened: a new conversation, counted at its opening once routed (or resolved), when its intent, language
 *   and queue are known; customer messages that came before that are counted then, at their own times;
 * - reopened / resolved: the status moving; resolution time runs from the (re)opening to the resolve;
 * - first response: the first reply an agent wrote, from the opening it answered;
 * - handled and handle time: an agent's assignment, from being assigned to resolving or passing it on;
 * - messages, delivered and read: outbound messages counted on the day they were sent, by their author;
 * - handoffs (with the bot's reason), SLA breaches and CSAT: from the timeline entries that record them.
 * `early`: customer messages this process saw before the conversation's first update (the message that
 * opens a conversation is logged just before it).
 */
export function decide(event: ConversationEventDTO, facts: Facts | null, early: Date[]): Decision {
  const at = new Date(event.at);
  switch (event.type) {
    case 'conversation:updated':
      return onConversation(event.data, facts, at, early);
    case 'message:created':
      return onMessage(event.data, facts);
    case 'message:status-updated':
      return { next: facts, tallies: [] };
    case 'timeline:added':
      return { next: facts, tallies: onTimeline(event.data, event.conversationId, facts, at) };
  }
}

function onConversation(dto: ConversationDTO, facts: Facts | null, at: Date, early: Date[]): Decision {
  const tallies: Tally[] = [];
  const dims = {
    channelId: dto.channelId,
    queueId: dto.queueId,
    assigneeId: dto.assigneeId,
    intent: dto.intent,
    language: dto.language,
  };
  if (!facts) {
    const next: Facts = {
      seq: 0,
      status: dto.status,
      openedAt: new Date(dto.openedAt),
      // One resolved before the reports knew it is history they never saw open: nothing to count.
      established: dto.status === 'resolved',
      pendingIn: dto.status === 'open' ? [...early] : [],
      ...dims,
      assignedAt: dto.assigneeId ? at : null,
      responded: false,
      resolvedBy: null,
    };
    return { next: establish(next, dto, tallies), tallies };
  }
  const next: Facts = { ...facts, pendingIn: [...facts.pendingIn] };
  if (facts.status === 'resolved' && dto.status === 'open') {
    Object.assign(next, dims, {
      status: 'open',
      openedAt: new Date(dto.openedAt),
      assignedAt: dto.assigneeId ? at : null,
    });
    tallies.push({ kind: 'count', at, cell: cellOf(next), counter: 'reopened', amount: 1 });
  } else if (facts.status === 'open' && dto.status === 'resolved') {
    const resolvedAt = dto.resolvedAt ? new Date(dto.resolvedAt) : at;
    const cell = cellOf(facts);
    tallies.push({ kind: 'count', at: resolvedAt, cell, counter: 'resolved', amount: 1 });
    tallies.push({
      kind: 'record',
      at: resolvedAt,
      cell,
      series: 'resolution',
      seconds: seconds(facts.openedAt, resolvedAt),
    });
    tallies.push(...endAssignment(facts, resolvedAt));
    Object.assign(next, dims, { status: 'resolved', resolvedBy: facts.assigneeId, assignedAt: null });
  } else if (dto.status === 'open' && dto.assigneeId !== facts.assigneeId) {
    tallies.push(...endAssignment(facts, at));
    Object.assign(next, dims, { assignedAt: dto.assigneeId ? at : null });
  } else {
    // Resolved and released: the agent who resolved it stays its agent for the CSAT that follows.
    Object.assign(next, dims, dto.status === 'resolved' ? { assigneeId: facts.assigneeId } : {});
  }
  return { next: establish(next, dto, tallies), tallies };
}

/** Counts the opening (and the messages that came before it) once its intent and queue are known. */
function establish(next: Facts, dto: ConversationDTO, tallies: Tally[]): Facts {
  if (next.established || (dto.routingState === null && dto.status === 'open')) return next;
  const cell = cellOf(next);
  tallies.push({ kind: 'hourly', at: next.openedAt, cell, counter: 'opened' });
  for (const sentAt of next.pendingIn) tallies.push({ kind: 'hourly', at: sentAt, cell, counter: 'messagesIn' });
  return { ...next, established: true, pendingIn: [] };
}

function endAssignment(facts: Facts, at: Date): Tally[] {
  if (!facts.assigneeId || !facts.assignedAt) return [];
  const cell = cellOf(facts);
  return [
    { kind: 'count', at, cell, counter: 'handled', amount: 1 },
    { kind: 'count', at, cell, counter: 'handleSeconds', amount: seconds(facts.assignedAt, at) },
  ];
}

function onMessage(message: MessageDTO, facts: Facts | null): Decision {
  const sentAt = new Date(message.sentAt);
  if (message.direction === 'internal') return { next: facts, tallies: [] };
  if (message.direction === 'inbound') {
    if (!facts) return { next: null, tallies: [] }; // the caller keeps it as early, for the first update
    if (!facts.established) return { next: { ...facts, pendingIn: [...facts.pendingIn, sentAt] }, tallies: [] };
    return { next: facts, tallies: [{ kind: 'hourly', at: sentAt, cell: cellOf(facts), counter: 'messagesIn' }] };
  }
  const cell = cellOf(facts, message.authorId ?? facts?.assigneeId ?? null);
  const tallies: Tally[] = [{ kind: 'count', at: sentAt, cell, counter: 'messagesOut', amount: 1 }];
  if (!message.authorId || !facts || facts.responded) return { next: facts, tallies };
  tallies.push({
    kind: 'record',
    at: sentAt,
    cell,
    series: 'firstResponse',
    seconds: seconds(facts.openedAt, sentAt),
  });
  return { next: { ...facts, responded: true }, tallies };
}

/**
 * Delivered and read, each once per message: counted on the day it was sent. `counted` is what was counted
 * for it before; a read receipt means it was delivered, even when the delivery receipt never came.
 */
export function receiptTallies(
  message: MessageDTO,
  facts: Facts | null,
  counted: { delivered: boolean; read: boolean },
): Tally[] {
  if (message.direction !== 'outbound') return [];
  const { delivered, read } = message.statusTimestamps;
  const cell = cellOf(facts, message.authorId ?? facts?.assigneeId ?? null);
  const at = new Date(message.sentAt);
  const tallies: Tally[] = [];
  if ((delivered || read) && !counted.delivered)
    tallies.push({ kind: 'count', at, cell, counter: 'delivered', amount: 1 });
  if (read && !counted.read) tallies.push({ kind: 'count', at, cell, counter: 'read', amount: 1 });
  return tallies;
}

function onTimeline(entry: TimelineEntryDTO, conversationId: string, facts: Facts | null, at: Date): Tally[] {
  const cell = cellOf(facts);
  const answeredBy = cellOf(facts, facts?.resolvedBy ?? facts?.assigneeId ?? null);
  switch (entry.kind) {
    case 'bot-handoff':
      return [
        { kind: 'count', at, cell, counter: 'handoffs', amount: 1 },
        { kind: 'reason', at, cell, reason: String(entry.details.reason ?? 'none') },
      ];
    case 'sla-breached':
      return [{ kind: 'count', at, cell, counter: `slaBreached_${String(entry.details.sla)}`, amount: 1 }];
    case 'csat-asked':
      return [{ kind: 'count', at, cell: answeredBy, counter: 'csatAsked', amount: 1 }];
    case 'csat-rated': {
      const score = Number(entry.details.score);
      return [
        { kind: 'count', at, cell: answeredBy, counter: 'csatResponses', amount: 1 },
        { kind: 'count', at, cell: answeredBy, counter: `csat${score}` as 'csat1', amount: 1 },
      ];
    }
    case 'csat-commented':
      return [
        {
          kind: 'comment',
          cell: answeredBy,
          comment: {
            conversationId,
            score: Number(entry.details.score),
            comment: String(entry.details.comment ?? ''),
            at,
          },
        },
      ];
    default:
      return [];
  }
}
