import type { Models } from '../models/index.js';

/** Who acted, as a timeline sentence names them. */
export async function actorName(models: Models, userId: string): Promise<string> {
  const user = await models.User.findById(userId, { name: 1 });
  return user?.name ?? 'a former user';
}

// The server does not know the reader's time zone: sentences say UTC, and details carry the ISO time for clients.
const moment = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short', day: 'numeric', month: 'short' });

/** "09:00 Mon 23 Nov UTC". */
export function readableMoment(at: Date): string {
  const parts = Object.fromEntries(moment.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.weekday} ${parts.day} ${parts.month} UTC`;
}
