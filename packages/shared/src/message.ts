import { z } from 'zod';

const Id = z.string().min(1);
const IsoDate = z.string();

export const MediaContent = z.object({
  mediaId: z.string(),
  mimeType: z.string().nullable(),
  sha256: z.string().nullable(),
  caption: z.string().nullable(),
  filename: z.string().nullable(),
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

/** Where a message is on its way to the customer. Inbound messages are always `received`. */
export const MessageStatus = z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const MessageDTO = z.object({
  id: Id,
  conversationId: Id,
  channelId: Id,
  contactId: Id,
  direction: z.enum(['inbound', 'outbound']),
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
  /** When WhatsApp says the message was written (the webhook's timestamp), not when we stored it. */
  sentAt: IsoDate,
  createdAt: IsoDate,
});
export type MessageDTO = z.infer<typeof MessageDTO>;
