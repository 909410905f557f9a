import { useSyncExternalStore } from 'react';

/** One clock for every countdown on screen: a single interval, read through useSyncExternalStore. */
let now = Date.now();
const listeners = new Set<() => void>();
setInterval(() => {
  now = Date.now();
  for (const listener of listeners) listener();
}, 1_000);

export const useNow = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => now,
  );

/** Time left until a deadline (or, once `late`, how long since it passed): the words come from the locale. */
export type Countdown = { ms: number; tone: 'ok' | 'soon' | 'late' };

/** Ten minutes before its deadline an SLA target turns amber, wherever it shows. */
const SLA_SOON_MS = 10 * 60_000;

/** Time left until `iso`; "soon" inside `soonMs`, "late" once passed. */
export function countdown(iso: string, now: number, soonMs: number): Countdown {
  const left = Date.parse(iso) - now;
  if (left <= 0) return { ms: -left, tone: 'late' };
  return { ms: left, tone: left < soonMs ? 'soon' : 'ok' };
}

/** Which day a thread's date separator names: today, yesterday, or another (shown as its date). */
export function relativeDay(iso: string, now = new Date()): 'today' | 'yesterday' | 'other' {
  const date = new Date(iso).toDateString();
  if (date === now.toDateString()) return 'today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  return date === yesterday.toDateString() ? 'yesterday' : 'other';
}

/**
 * The SLA target running on a conversation, as the server computed it, counted down to `now`; null while none
 * runs (no target, or the conversation is resolved). The list, the header and the context pane all show this.
 */
export function slaCountdown(
  conversation: { sla: { dueAt: string } | null; status: string },
  now: number,
): Countdown | null {
  return conversation.sla && conversation.status === 'open'
    ? countdown(conversation.sla.dueAt, now, SLA_SOON_MS)
    : null;
}
