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

/** "2h 05m", "4m 10s", "35s": short enough for a list row. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h >= 48) return `${Math.floor(h / 24)}d ${h % 24}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

export type Countdown = { label: string; tone: 'ok' | 'soon' | 'late' };

/** Time left until `iso`; "soon" inside `soonMs`, "late" once passed (then the label says how long ago). */
export function countdown(iso: string, now: number, soonMs: number): Countdown {
  const left = Date.parse(iso) - now;
  if (left <= 0) return { label: `${formatDuration(left)} over`, tone: 'late' };
  return { label: formatDuration(left), tone: left < soonMs ? 'soon' : 'ok' };
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A message's time, with its day when it is not today. */
export function messageTime(iso: string): string {
  const date = new Date(iso);
  if (date.toDateString() === new Date().toDateString()) return clockTime(iso);
  return `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${clockTime(iso)}`;
}

export function shortDate(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  if (date.toDateString() === today.toDateString()) return clockTime(iso);
  return date.toLocaleDateString([], { day: 'numeric', month: 'short' });
}

/** The day a thread's date separator names: Today, Yesterday, or the date. */
export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString([], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}
