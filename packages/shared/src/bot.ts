import { z } from 'zod';
import { ObjectIdString } from './ids.js';

export const BotDTO = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** When its current key was made: at creation, then at each rotation. */
  keyCreatedAt: z.string(),
  createdAt: z.string(),
});
export type BotDTO = z.infer<typeof BotDTO>;

export const CreateBotRequest = z.strictObject({ name: z.string().trim().min(1).max(80) });
/** An admin turns a bot's key off (or on again). */
export const UpdateBotRequest = z.strictObject({ active: z.boolean() });
export type UpdateBotRequest = z.infer<typeof UpdateBotRequest>;

/** The key is shown once, here (at creation and at each rotation); only its hash is stored. */
export const CreateBotResponse = z.object({ bot: BotDTO, apiKey: z.string() });
export type CreateBotResponse = z.infer<typeof CreateBotResponse>;

/** A key of a bot's or a contact's attributes (stored as a document key: no `.` and no `$`). */
export const AttributeKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_ -]{0,63}$/, 'letters, digits, spaces, _ and -, starting with a letter');

/** What a bot hands over with a conversation: what it understood, what it collected, what it did. */
export const HandoffContext = z.strictObject({
  intent: z.string().max(60).optional(),
  confidence: z.number().min(0).max(1).optional(),
  summary: z.string().max(2000).optional(),
  attributes: z.record(AttributeKey, z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
  steps: z
    .array(
      z.strictObject({
        action: z.string().min(1).max(200),
        detail: z.string().max(1000).optional(),
        at: z.iso.datetime().optional(),
      }),
    )
    .max(100)
    .optional(),
});
export type HandoffContext = z.infer<typeof HandoffContext>;

export const HandoffRequest = z
  .strictObject({
    /** Name the conversation by id, or by the customer and the business number they wrote to. */
    conversationId: ObjectIdString.optional(),
    customer: z
      .strictObject({
        waId: z
          .string()
          .regex(/^\d{6,20}$/, 'must be the customer’s WhatsApp id (digits)')
          .optional(),
        userId: z.string().min(3).max(80).optional(),
        phoneNumberId: z.string().regex(/^\d{5,20}$/, 'must be the business phone_number_id'),
      })
      .refine((c) => c.waId !== undefined || c.userId !== undefined, 'give waId or userId')
      .optional(),
    reason: z.string().trim().min(1).max(500),
    context: HandoffContext.default({}),
  })
  .refine((r) => (r.conversationId === undefined) !== (r.customer === undefined), {
    message: 'name the conversation by conversationId or by customer, not both',
    path: ['conversationId'],
  });
export type HandoffRequest = z.infer<typeof HandoffRequest>;

export const ResumeRequest = z.strictObject({
  conversationId: ObjectIdString,
  reason: z.string().trim().max(500).optional(),
});

/** The handoff as agents see it beside the conversation. */
export const HandoffDTO = HandoffContext.extend({
  botId: z.string(),
  botName: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type HandoffDTO = z.infer<typeof HandoffDTO>;
