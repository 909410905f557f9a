import { z } from 'zod';
import { ObjectIdString } from './ids.js';

/** The conversation this agent has open now (null: none), so colleagues see "Ana is viewing". */
export const ViewConversationCommand = z.strictObject({ conversationId: ObjectIdString.nullable() });
export type ViewConversationCommand = z.infer<typeof ViewConversationCommand>;

/**
 * The agent is (still) writing in a conversation they view, or stopped. Clients send `typing: true` at most
 * every TYPING_REFRESH_MS while keys are pressed; a typing state not refreshed for TYPING_TTL_MS has ended.
 */
export const TypingCommand = z.strictObject({ conversationId: ObjectIdString, typing: z.boolean() });
export type TypingCommand = z.infer<typeof TypingCommand>;

export const TYPING_REFRESH_MS = 2_000;
export const TYPING_TTL_MS = 6_000;

export const PresenceUser = z.object({ userId: z.string(), name: z.string() });
export type PresenceUser = z.infer<typeof PresenceUser>;

/** Who has a conversation open and who is writing in it, pushed to those viewing it whenever it changes. */
export const ConversationPresenceDTO = z.object({
  conversationId: z.string(),
  viewers: z.array(PresenceUser),
  typing: z.array(PresenceUser),
});
export type ConversationPresenceDTO = z.infer<typeof ConversationPresenceDTO>;
