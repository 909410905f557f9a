import type { MessageDTO, MessageStatus } from './message.js';

/**
 * How far along its way a message is: queued < sent < failed < delivered < read. WhatsApp reports `failed`
 * after `sent`, never after a delivery, so a delivery or read receipt outranks it. A dead-lettered reply
 * stands where a failed one does.
 */
const PROGRESS: Record<MessageStatus, number> = {
  received: 0,
  queued: 0,
  sent: 1,
  failed: 2,
  dead: 2,
  delivered: 3,
  read: 4,
};

/**
 * True when `next` would show a message at an earlier step than `current`: a stale copy, never to be stored
 * or shown over the newer one. The one step back that is real is a failed or dead reply queued again
 * (a retry or a supervisor's replay).
 */
export function movesStatusBack(current: MessageStatus, next: MessageStatus): boolean {
  if (next === 'queued' && (current === 'failed' || current === 'dead')) return false;
  return PROGRESS[next] < PROGRESS[current];
}

/** The copy of a message to keep when another arrives: the arriving one, unless it is a step behind. */
export function laterCopyOf(current: MessageDTO | null | undefined, next: MessageDTO): MessageDTO {
  return current && movesStatusBack(current.status, next.status) ? current : next;
}
