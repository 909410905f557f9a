import { createHash, randomBytes } from 'node:crypto';
import { graphObjectId, unixSeconds, waIdOf, wamid } from './ids.js';
import { contact, rememberSender } from './webhook-contacts.js';
import type {
  InboundBase,
  InboundMedia,
  InboundMessageOf,
  InboundPayloads,
  InboundType,
  MessageContext,
  Referral,
} from './webhook-types.js';

/**
 * Who sent an inbound message and its envelope fields. `from` is the phone number; a user who
 * adopted a username may arrive with only `userId` (their business-scoped id), in which case
 * Meta omits `from` and `wa_id` and always sets `from_user_id`.
 */
export interface SenderOptions {
  from?: string;
  userId?: string;
  parentUserId?: string;
  name?: string;
  username?: string;
  /** Defaults to a fresh wamid. Pass one to reproduce Meta's duplicate deliveries. */
  id?: string;
  /** A Date, unix seconds, or Meta's own string form. Defaults to now. */
  timestamp?: Date | number | string;
  context?: MessageContext;
  referral?: Referral;
}

export function buildInbound<T extends InboundType>(
  type: T,
  sender: SenderOptions,
  payload: InboundPayloads[T],
): InboundMessageOf<T> {
  const from = sender.from === undefined ? undefined : waIdOf(sender.from);
  if (!from && !sender.userId) {
    throw new Error('an inbound message needs `from` (phone) or `userId` (business-scoped user id)');
  }
  const base: InboundBase = {
    ...(from ? { from } : {}),
    ...(sender.userId ? { from_user_id: sender.userId } : {}),
    ...(sender.parentUserId ? { from_parent_user_id: sender.parentUserId } : {}),
    id: sender.id ?? wamid(from ?? sender.userId ?? '', 'inbound'),
    timestamp: unixSeconds(sender.timestamp),
    ...(sender.context ? { context: sender.context } : {}),
    ...(sender.referral ? { referral: sender.referral } : {}),
  };
  const message = { ...base, type, ...payload } as unknown as InboundMessageOf<T>;
  rememberSender(
    message,
    contact({
      ...(from ? { waId: from } : {}),
      ...(sender.userId ? { userId: sender.userId } : {}),
      ...(sender.parentUserId ? { parentUserId: sender.parentUserId } : {}),
      ...(sender.username ? { username: sender.username } : {}),
      name: sender.name ?? 'WhatsApp User',
    }),
  );
  return message;
}

export interface MediaOptions {
  /** Media id the receiver later fetches from `GET /{version}/{media-id}`. */
  mediaId?: string;
  mimeType?: string;
  /** Used to derive a real sha256; random bytes stand in when omitted. */
  bytes?: Buffer;
  url?: string;
}

/** The media object Meta attaches to image/audio/video/document/sticker messages. */
export function mediaFields(options: MediaOptions, defaultMime: string): InboundMedia {
  const bytes = options.bytes ?? randomBytes(32);
  return {
    id: options.mediaId ?? graphObjectId(),
    mime_type: options.mimeType ?? defaultMime,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(options.url ? { url: options.url } : {}),
  };
}

/** Context for a reply quoting an earlier message. */
export function replyContext(messageId: string, from: string): MessageContext {
  return { from: waIdOf(from), id: messageId };
}

/** A realistic Click-to-WhatsApp ad referral; override any field. */
export function ctwaReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    source_url: 'https://fb.me/3cr4Wqqkq',
    source_id: '120208391234567890',
    source_type: 'ad',
    headline: 'Free shipping this week',
    body: 'Chat with us on WhatsApp to get your order tracked in seconds.',
    media_type: 'image',
    image_url: 'https://scontent.xx.fbcdn.net/v/t45.1600-4/ad_image.jpg',
    ctwa_clid: `ARA${randomBytes(24).toString('base64url')}`,
    ...overrides,
  } as Referral;
}
