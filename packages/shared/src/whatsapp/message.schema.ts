import { z } from 'zod';
import { OptionalIdentifier, WebhookError } from './envelope.schema.js';

const media = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  url: z.string().optional(),
});

const contactCard = z
  .object({
    name: z.object({ formatted_name: z.string().optional() }).passthrough().optional(),
    phones: z
      .array(
        z
          .object({ phone: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() })
          .passthrough(),
      )
      .optional(),
    emails: z.array(z.object({ email: z.string().optional(), type: z.string().optional() }).passthrough()).optional(),
    org: z
      .object({ company: z.string().optional(), department: z.string().optional(), title: z.string().optional() })
      .passthrough()
      .optional(),
    urls: z.array(z.object({ url: z.string().optional(), type: z.string().optional() }).passthrough()).optional(),
    addresses: z.array(z.record(z.string(), z.unknown())).optional(),
    birthday: z.string().optional(),
  })
  .passthrough();

const interactive = z.object({
  type: z.string().min(1),
  button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
  list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
  nfm_reply: z
    .object({ name: z.string().optional(), body: z.string().optional(), response_json: z.string().optional() })
    .optional(),
});

export const WebhookMessageContext = z.object({
  from: z.string().optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.object({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
});

export const WebhookReferral = z.object({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
});

/** One inbound message as the Cloud API sends it. Unknown types are kept (as `unsupported`), never dropped. */
export const WebhookMessage = z
  .object({
    id: z.string().min(1),
    from: OptionalIdentifier,
    from_user_id: OptionalIdentifier,
    from_parent_user_id: OptionalIdentifier,
    timestamp: z.string().regex(/^\d+$/, 'must be unix seconds'),
    type: z.string().min(1),
    context: WebhookMessageContext.optional(),
    referral: WebhookReferral.optional(),
    errors: z.array(WebhookError).optional(),
    text: z.object({ body: z.string() }).optional(),
    image: media.optional(),
    audio: media.optional(),
    video: media.optional(),
    document: media.optional(),
    sticker: media.optional(),
    location: z
      .object({
        latitude: z.number(),
        longitude: z.number(),
        name: z.string().optional(),
        address: z.string().optional(),
        url: z.string().optional(),
      })
      .optional(),
    contacts: z.array(contactCard).optional(),
    interactive: interactive.optional(),
    button: z.object({ text: z.string().optional(), payload: z.string().optional() }).optional(),
    reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
    order: z
      .object({
        catalog_id: z.string().optional(),
        text: z.string().optional(),
        product_items: z
          .array(
            z.object({
              product_retailer_id: z.string(),
              quantity: z.union([z.number(), z.string()]),
              item_price: z.union([z.number(), z.string()]),
              currency: z.string(),
            }),
          )
          .optional(),
      })
      .optional(),
    system: z
      .object({
        body: z.string().optional(),
        type: z.string().optional(),
        wa_id: OptionalIdentifier,
        new_wa_id: OptionalIdentifier,
        /** The user's business-scoped id after the change, and before it (`user_changed_user_id`, or a new number's new id). */
        user_id: OptionalIdentifier,
        previous_user_id: OptionalIdentifier,
        identity: z.string().optional(),
        customer: z.string().optional(),
      })
      .optional(),
  })
  .refine((m) => m.from !== undefined || m.from_user_id !== undefined, {
    message: 'a message needs a sender: `from` or `from_user_id`',
    path: ['from'],
  });
export type WebhookMessage = z.infer<typeof WebhookMessage>;
