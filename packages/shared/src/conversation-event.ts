import { z } from 'zod';
import { ConversationDTO } from './conversation.js';
import { MessageDTO } from './message.js';
import { TimelineEntryDTO } from './timeline.js';

const eventBase = {
  id: z.string(),
  conversationId: z.string(),
  /** Increases by exactly one per change of this conversation: a jump tells a client it missed something. */
  seq: z.number().int().positive(),
  at: z.string(),
};

/** One change to a conversation, as pushed live and as replayed by the catch-up API. */
export const ConversationEventDTO = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('message:created'), data: MessageDTO }),
  z.object({ ...eventBase, type: z.literal('message:status-updated'), data: MessageDTO }),
  z.object({ ...eventBase, type: z.literal('conversation:updated'), data: ConversationDTO }),
  z.object({ ...eventBase, type: z.literal('timeline:added'), data: TimelineEntryDTO }),
]);
export type ConversationEventDTO = z.infer<typeof ConversationEventDTO>;
export type ConversationEventType = ConversationEventDTO['type'];
export type ConversationEventOf<T extends ConversationEventType> = Extract<ConversationEventDTO, { type: T }>;
