import { z } from 'zod';

/**
 * The WhatsApp Cloud API shapes the outbound client speaks: the body of
 * `POST /{version}/{phone-number-id}/messages`, its answer, media uploads and metadata. Only the message
 * types the inbox sends are modelled: text, template, media by id, and interactive buttons and lists. Graph's error body lives beside what its errors
 * mean, in domain/provider-errors.ts: status webhooks report those errors too.
 */

const envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual'),
  /** The customer's wa_id (digits, E.164 without punctuation); absent for a user known only by `recipient`. */
  to: z
    .string()
    .regex(/^\+?\d{6,15}$/, 'must be a phone number in digits')
    .optional(),
  /**
   * The customer's business-scoped user id (`US.13491208655302741918`), for a user who adopted a username and
   * whose phone number WhatsApp withholds. `to` takes precedence when both are given, as in the Cloud API.
   */
  recipient: z
    .string()
    .regex(/^[A-Z]{2}\.[A-Za-z0-9.]{1,160}$/, 'must be a business-scoped user id')
    .optional(),
  /** Makes the message a quoted reply to this wamid. */
  context: z.object({ message_id: z.string().min(1) }).optional(),
  /**
   * Echoed back on every status webhook for this message. The caller puts its own message id
   * here so a status can be matched even when the send answer (and its wamid) was lost.
   */
  biz_opaque_callback_data: z.string().min(1).max(512).optional(),
};

const templateComponent = z.looseObject({
  type: z.enum(['header', 'body', 'button']),
  sub_type: z.string().optional(),
  index: z.union([z.string(), z.number().int()]).optional(),
  parameters: z.array(z.looseObject({ type: z.string() })).optional(),
});

/** A file uploaded first (`POST /{phone-number-id}/media`), sent by its media id. */
const mediaById = z.object({
  id: z.string().min(1),
  caption: z.string().max(1024).optional(),
  filename: z.string().max(240).optional(),
});

const textObject = (max: number) => z.object({ text: z.string().min(1).max(max) });

const interactive = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('button'),
    header: z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
    body: textObject(1024),
    footer: textObject(60).optional(),
    action: z.object({
      buttons: z
        .array(
          z.object({
            type: z.literal('reply'),
            reply: z.object({ id: z.string().max(256), title: z.string().max(20) }),
          }),
        )
        .min(1)
        .max(3),
    }),
  }),
  z.object({
    type: z.literal('list'),
    header: z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }).optional(),
    body: textObject(4096),
    footer: textObject(60).optional(),
    action: z.object({
      button: z.string().min(1).max(20),
      sections: z
        .array(
          z.object({
            title: z.string().max(24).optional(),
            rows: z.array(
              z.object({
                id: z.string().max(200),
                title: z.string().max(24),
                description: z.string().max(72).optional(),
              }),
            ),
          }),
        )
        .min(1)
        .max(10),
    }),
  }),
]);

const sendVariants = z.discriminatedUnion('type', [
  z.object({
    ...envelope,
    type: z.literal('text'),
    text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  z.object({
    ...envelope,
    type: z.literal('template'),
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.object({ code: z.string().min(2) }),
      components: z.array(templateComponent).optional(),
    }),
  }),
  z.object({ ...envelope, type: z.literal('image'), image: mediaById }),
  z.object({ ...envelope, type: z.literal('video'), video: mediaById }),
  z.object({ ...envelope, type: z.literal('audio'), audio: mediaById.pick({ id: true }) }),
  z.object({ ...envelope, type: z.literal('document'), document: mediaById }),
  z.object({ ...envelope, type: z.literal('sticker'), sticker: mediaById.pick({ id: true }) }),
  z.object({ ...envelope, type: z.literal('interactive'), interactive }),
]);

export const cloudApiSendRequestSchema = sendVariants.refine((r) => r.to !== undefined || r.recipient !== undefined, {
  message: 'needs `to` (a phone number) or `recipient` (a business-scoped user id)',
  path: ['to'],
});

export type CloudApiSendRequest = z.infer<typeof cloudApiSendRequestSchema>;

/** Who a send goes to: the phone number, else the business-scoped user id (one customer's line either way). */
export const addresseeOf = (request: Pick<CloudApiSendRequest, 'to' | 'recipient'>): string =>
  request.to ?? request.recipient ?? '';

/** How a customer is addressed on WhatsApp: by phone number when known, else by business-scoped user id. */
export function addressOf(contact: { waId?: string | null; userId?: string | null }) {
  if (contact.waId) return { to: contact.waId };
  if (contact.userId) return { recipient: contact.userId };
  return null;
}

const sentMessageRef = z.looseObject({ id: z.string().min(1) });

/** Meta answers one entry per send; the tuple makes the first one certain to the type checker. */
export const sendResponseSchema = z.looseObject({
  messages: z.tuple([sentMessageRef], sentMessageRef),
});

export const mediaInfoResponseSchema = z.looseObject({
  url: z.url(),
  mime_type: z.string().min(1),
  sha256: z.string().min(1),
  file_size: z.coerce.number().int().nonnegative(),
});

/** The media endpoint's answer to an upload. */
export const mediaUploadResponseSchema = z.looseObject({ id: z.string().min(1) });

/** What Graph answers a read receipt. */
export const successResponseSchema = z.looseObject({ success: z.literal(true) });

/** A component of a template submitted for review: the text header, the body, the footer. */
const templateDefinitionComponent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('HEADER'),
    format: z.literal('TEXT'),
    text: z.string(),
    example: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ type: z.literal('BODY'), text: z.string(), example: z.record(z.string(), z.unknown()).optional() }),
  z.object({ type: z.literal('FOOTER'), text: z.string() }),
]);

/** The body of `POST /{waba-id}/message_templates`. */
export const cloudApiTemplateCreateRequestSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']),
  components: z.array(templateDefinitionComponent).min(1),
});
export type CloudApiTemplateCreateRequest = z.infer<typeof cloudApiTemplateCreateRequestSchema>;

/** Meta's answer to a template submission: its id and where the review stands (PENDING, or at once APPROVED). */
export const templateCreateResponseSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().optional(),
  category: z.string().optional(),
});
