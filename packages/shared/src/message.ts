import { z } from 'zod';
import { InteractiveMessage } from './interactive.js';
import { ObjectIdString } from './ids.js';
import { TemplateParameterValues } from './template.js';

const Id = z.string().min(1);
const IsoDate = z.string();

export const MediaContent = z.object({
  mediaId: z.string(),
  mimeType: z.string().nullable(),
  sha256: z.string().nullable(),
  caption: z.string().nullable(),
  filename: z.string().nullable(),
  /** The file's size in bytes, where known: files an agent sent (WhatsApp's webhooks do not give it). */
  size: z.number().int().nonnegative().nullable().optional(),
});

export const ProviderError = z.object({
  code: z.number(),
  title: z.string().nullable(),
  message: z.string().nullable(),
  details: z.string().nullable(),
});
export type ProviderError = z.infer<typeof ProviderError>;

export const SharedContactCard = z.object({
  formattedName: z.string().nullable(),
  phones: z.array(z.object({ phone: z.string().nullable(), waId: z.string().nullable(), type: z.string().nullable() })),
  emails: z.array(z.object({ email: z.string().nullable(), type: z.string().nullable() })),
  organization: z.string().nullable(),
  urls: z.array(z.string()),
});

/** What a message says, normalised from every type the Cloud API delivers. */
export const MessageContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), body: z.string() }),
  MediaContent.extend({ type: z.literal('image') }),
  MediaContent.extend({ type: z.literal('video') }),
  MediaContent.extend({ type: z.literal('document') }),
  MediaContent.extend({ type: z.literal('audio'), voice: z.boolean() }),
  MediaContent.extend({ type: z.literal('sticker'), animated: z.boolean() }),
  z.object({
    type: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().nullable(),
    address: z.string().nullable(),
    url: z.string().nullable(),
  }),
  z.object({ type: z.literal('contacts'), contacts: z.array(SharedContactCard) }),
  z.object({
    type: z.literal('interactive'),
    kind: z.enum(['button_reply', 'list_reply', 'nfm_reply', 'other']),
    replyId: z.string().nullable(),
    title: z.string().nullable(),
    description: z.string().nullable(),
  }),
  z.object({ type: z.literal('button'), text: z.string().nullable(), payload: z.string().nullable() }),
  z.object({
    type: z.literal('reaction'),
    targetProviderMessageId: z.string(),
    emoji: z.string().nullable(),
    removed: z.boolean(),
  }),
  z.object({
    type: z.literal('order'),
    catalogId: z.string().nullable(),
    text: z.string().nullable(),
    items: z.array(
      z.object({ productRetailerId: z.string(), quantity: z.number(), itemPrice: z.number(), currency: z.string() }),
    ),
  }),
  z.object({
    type: z.literal('system'),
    kind: z.string().nullable(),
    body: z.string().nullable(),
    newWaId: z.string().nullable(),
  }),
  z.object({ type: z.literal('unsupported'), originalType: z.string(), errors: z.array(ProviderError) }),
  z.object({
    type: z.literal('template'),
    name: z.string(),
    language: z.string(),
    parameters: z.union([z.array(z.string()), z.record(z.string(), z.string())]),
    /** The body with its parameters filled in, as the customer reads it. */
    renderedText: z.string(),
  }),
  /** An internal note: stored on the conversation for colleagues, never sent to the customer. */
  z.object({ type: z.literal('note'), body: z.string() }),
  /** Reply buttons an agent (or the CSAT survey) sent; the customer's tap comes back as an `interactive` button_reply. */
  z.object({
    type: z.literal('buttons'),
    /** The CSAT survey's buttons carry none (and were stored without the field). */
    header: z.string().nullable().default(null),
    body: z.string(),
    footer: z.string().nullable(),
    buttons: z.array(z.object({ id: z.string(), title: z.string() })),
  }),
  /** A list message an agent sent; the customer's choice comes back as an `interactive` list_reply. */
  z.object({
    type: z.literal('list'),
    header: z.string().nullable(),
    body: z.string(),
    footer: z.string().nullable(),
    button: z.string(),
    sections: z.array(
      z.object({
        title: z.string().nullable(),
        rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().nullable() })),
      }),
    ),
  }),
]);
export type MessageContent = z.infer<typeof MessageContent>;
export type MessageType = MessageContent['type'];

export const MessageContext = z.object({
  replyToProviderMessageId: z.string().nullable(),
  replyToFrom: z.string().nullable(),
  forwarded: z.boolean(),
  frequentlyForwarded: z.boolean(),
  referredProduct: z.object({ catalogId: z.string(), productRetailerId: z.string() }).nullable(),
});
export type MessageContext = z.infer<typeof MessageContext>;

export const AdReferral = z.object({
  sourceUrl: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceType: z.string().nullable(),
  headline: z.string().nullable(),
  body: z.string().nullable(),
  mediaType: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  clickId: z.string().nullable(),
});
export type AdReferral = z.infer<typeof AdReferral>;

/**
 * Where a message is on its way to the customer. Inbound messages and notes are `received`. `queued`: stored
 * and waiting for (or being retried with) WhatsApp. `failed`: WhatsApp refused it or reported it undelivered,
 * with a reason. `dead`: retries exhausted; a supervisor can replay it.
 */
export const MessageStatus = z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed', 'dead']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const MessageDTO = z.object({
  id: Id,
  conversationId: Id,
  channelId: Id,
  contactId: Id,
  /** `internal` for notes, which never leave the inbox. */
  direction: z.enum(['inbound', 'outbound', 'internal']),
  providerMessageId: z.string().nullable(),
  content: MessageContent,
  context: MessageContext.nullable(),
  referral: AdReferral.nullable(),
  status: MessageStatus,
  statusTimestamps: z.object({
    sent: IsoDate.nullable(),
    delivered: IsoDate.nullable(),
    read: IsoDate.nullable(),
    failed: IsoDate.nullable(),
  }),
  error: ProviderError.nullable(),
  /** Why it failed, in words an agent can act on. */
  failureReason: z.string().nullable(),
  /** Tries so far to hand an outbound message to WhatsApp. */
  attempts: z.number().int().nonnegative(),
  /** The sender's idempotency key, so a client can match its pending reply to the stored one. */
  clientMessageId: z.string().nullable(),
  /** The agent who wrote it (outbound and notes). */
  authorId: z.string().nullable(),
  /** When WhatsApp says the message was written (the webhook's timestamp), not when we stored it. */
  sentAt: IsoDate,
  createdAt: IsoDate,
});
export type MessageDTO = z.infer<typeof MessageDTO>;

const Text = z.string().trim().min(1, 'must not be blank').max(4096, 'WhatsApp allows at most 4096 characters');

const ReplyTo = z
  .string()
  .regex(/^[a-f0-9]{24}$/, 'must be a message id')
  .optional();

/** What an agent sends: a reply (text, a file, buttons or a list), a template, or an internal note. */
export const SendMessageRequest = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    body: Text,
    replyToMessageId: ReplyTo,
    previewUrl: z.boolean().optional(),
  }),
  /** A file uploaded first (POST /api/conversations/:id/uploads), sent by its upload's id. */
  z.strictObject({
    type: z.literal('media'),
    uploadId: ObjectIdString,
    caption: z.string().trim().max(1024, 'WhatsApp allows at most 1024 characters').optional(),
    replyToMessageId: ReplyTo,
  }),
  z.strictObject({ type: z.literal('interactive'), interactive: InteractiveMessage, replyToMessageId: ReplyTo }),
  z.strictObject({
    type: z.literal('template'),
    template: z.strictObject({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15),
      parameters: TemplateParameterValues.default([]),
    }),
  }),
  z.strictObject({ type: z.literal('note'), body: Text }),
]);
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

/** Client-chosen, so the same send repeated after a timeout or reconnect is the same message. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, 'must be 8-128 letters, digits, or . _ : -');

/** A reply whose retries ran out, as supervisors see it in the dead-letter list. */
export const DeadLetterDTO = z.object({
  message: MessageDTO,
  failures: z.number().int(),
  lastFailure: z.string().nullable(),
  deadSince: z.string(),
});
export type DeadLetterDTO = z.infer<typeof DeadLetterDTO>;
