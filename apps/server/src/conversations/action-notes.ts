import { randomUUID } from 'node:crypto';
import type { ConversationDTO, Said } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import { summarized, type TimelineWriter } from '../domain/timeline-writer.js';
import type { Viewer } from '../domain/viewer.js';
import type { Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';

/** Who acted, as a timeline sentence names them. */
export async function actorName(models: Models, userId: string): Promise<string> {
  const user = await models.User.findById(userId, { name: 1 });
  return user?.name ?? 'a former user';
}

// The server does not know the reader's time zone: sentences say UTC, and details carry the ISO time for clients.
const moment = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "09:00 Mon 23 Nov UTC". */
export function readableMoment(at: Date): string {
  const parts = Object.fromEntries(moment.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.weekday} ${parts.day} ${parts.month} UTC`;
}

type Recorder = { timeline: TimelineWriter; conversations: ConversationService };

/** What an agent's action on a conversation leaves: one timeline entry naming who did it, and one pushed update. */
export async function recordAction(
  { timeline, conversations }: Recorder,
  conversation: ConversationDoc,
  kind: 'labels-changed' | 'escalated' | 'reopened' | 'intent-corrected',
  summary: Said,
  details: Record<string, unknown>,
  viewer: Viewer,
): Promise<ConversationDTO> {
  const step = `${kind}:${randomUUID()}`;
  await timeline.add(conversation, step, { kind, ...summarized(summary), details, actorId: viewer.userId });
  return conversations.announce(conversation, step);
}
