import { z } from 'zod';

/**
 * The outer shape every WhatsApp Business Account webhook has. Items inside `value` are checked one by one
 * later (see message.schema.ts and status.schema.ts), so that one bad item never refuses a whole batch.
 */
export const WebhookChange = z.object({
  field: z.string().min(1),
  value: z.record(z.string(), z.unknown()),
});

export const WebhookEntry = z.object({
  id: z.string().min(1),
  /** When Meta triggered the webhook (Unix seconds); what orders a template's review events. */
  time: z.number().int().nonnegative().optional(),
  changes: z.array(WebhookChange).min(1),
});

export const WebhookEnvelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(WebhookEntry).min(1),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;

export const WebhookMetadata = z.object({
  display_phone_number: z.string(),
  phone_number_id: z.string().min(1),
});

/**
 * A customer identifier that may be missing. Since the 2026 usernames rollout WhatsApp withholds the phone
 * number of a user who adopted a username: `wa_id` / `from` / `recipient_id` then arrive absent or as "",
 * and the business-scoped user id (`user_id`, "AR.1502576394655843") identifies them. "" means absent.
 */
export const OptionalIdentifier = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

export const WebhookContact = z.object({
  wa_id: OptionalIdentifier,
  user_id: OptionalIdentifier,
  parent_user_id: OptionalIdentifier,
  profile: z.object({ name: z.string().optional(), username: z.string().optional() }).partial().optional(),
});
export type WebhookContact = z.infer<typeof WebhookContact>;

export const WebhookError = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).partial().optional(),
  href: z.string().optional(),
});
export type WebhookError = z.infer<typeof WebhookError>;

/** The `value` of a `messages` change; messages and statuses stay unknown here and are parsed item by item. */
export const MessagesChangeValue = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: WebhookMetadata,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});
export type MessagesChangeValue = z.infer<typeof MessagesChangeValue>;
