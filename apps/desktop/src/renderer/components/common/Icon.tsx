/** Line icons drawn inline, so the interface never depends on which emoji or symbol fonts a machine has. */
const PATHS = {
  clock: 'M12 7v5l3 2 M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18',
  chat: 'M4 5h16v11H9l-5 4z',
  lock: 'M6 11h12v9H6z M8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  pin: 'M12 21s-6-5.5-6-11a6 6 0 0 1 12 0c0 5.5-6 11-6 11z M12 8a2 2 0 1 0 0 4a2 2 0 1 0 0-4',
  file: 'M7 3h7l4 4v14H7z M14 3v4h4',
  mic: 'M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z M6 11a6 6 0 0 0 12 0 M12 17v4',
  music: 'M9 18V5l11-2v13 M9 18a3 3 0 1 1-6 0a3 3 0 1 1 6 0 M20 16a3 3 0 1 1-6 0a3 3 0 1 1 6 0',
  user: 'M12 12a4 4 0 1 0 0-8a4 4 0 1 0 0 8z M4 21c0-4 4-6 8-6s8 2 8 6',
  cart: 'M3 4h3l2.5 11h10L21 7H7 M9 20a1 1 0 1 0 0-.01 M18 20a1 1 0 1 0 0-.01',
  bot: 'M5 9h14v10H5z M12 5v4 M9 14h.01 M15 14h.01 M10 5h4',
  hourglass: 'M7 3h10 M7 21h10 M8 3c0 5 8 5 8 9s-8 4-8 9 M16 3c0 5-8 5-8 9s8 4 8 9',
  inbox: 'M3 13l3-8h12l3 8v6H3z M3 13h5l1 2h6l1-2h5',
  queue: 'M4 6h16 M4 12h16 M4 18h10',
  all: 'M4 4h7v7H4z M13 4h7v7h-7z M4 13h7v7H4z M13 13h7v7h-7z',
  moon: 'M20 14A8 8 0 1 1 10 4a6 6 0 0 0 10 10z',
  check: 'M5 12l5 5 9-10',
  board: 'M4 20V10 M10 20V4 M16 20v-7 M22 20H2',
  alert: 'M12 3l10 18H2z M12 10v5 M12 18h.01',
  logout: 'M15 4h4v16h-4 M10 8l-4 4 4 4 M6 12h11',
  forward: 'M14 5l7 7-7 7 M21 12H9a6 6 0 0 0-6 6',
  at: 'M16 12a4 4 0 1 1-8 0a4 4 0 1 1 8 0 M16 12v1.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-3.5 7.1',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z',
  chart: 'M4 20h16 M4 4v16 M8 15l4-5 3 3 5-6',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14 M20 20l-4-4',
  paperclip: 'M20 11l-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7',
  list: 'M9 6h11 M9 12h11 M9 18h11 M4 6h.01 M4 12h.01 M4 18h.01',
  close: 'M6 6l12 12 M18 6L6 18',
  reply: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 6 6v4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 14, className = '' }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={`icon ${className}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
