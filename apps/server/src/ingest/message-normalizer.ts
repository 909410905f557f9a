import type { AdReferral, MessageContent, MessageContext, ProviderError, whatsapp } from '@switchboard/shared';
import type { NormalizedMessage } from '../domain/message.service.js';
import { previewOf } from '../domain/message-preview.js';

type WebhookMessage = whatsapp.WebhookMessage;
type Media = NonNullable<WebhookMessage['image']>;

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function toProviderError(e: whatsapp.WebhookError): ProviderError {
  return { code: e.code, title: orNull(e.title), message: orNull(e.message), details: orNull(e.error_data?.details) };
}

/** Turns one Cloud API message into what the inbox stores; a type we do not know is kept as `unsupported`. */
export function normalizeMessage(m: WebhookMessage): NormalizedMessage {
  const content = normalizeContent(m);
  return {
    content,
    context: normalizeContext(m.context),
    referral: normalizeReferral(m.referral),
    preview: previewOf(content),
  };
}

function media(m: Media) {
  return {
    mediaId: m.id,
    mimeType: orNull(m.mime_type),
    sha256: orNull(m.sha256),
    caption: orNull(m.caption),
    filename: orNull(m.filename),
  };
}

function unsupported(m: WebhookMessage): MessageContent {
  return { type: 'unsupported', originalType: m.type, errors: (m.errors ?? []).map(toProviderError) };
}

function normalizeContent(m: WebhookMessage): MessageContent {
  switch (m.type) {
    case 'text':
      return m.text ? { type: 'text', body: m.text.body } : unsupported(m);
    case 'image':
    case 'video':
    case 'document':
      return m[m.type] ? { type: m.type, ...media(m[m.type] as Media) } : unsupported(m);
    case 'audio':
      return m.audio ? { type: 'audio', ...media(m.audio), voice: m.audio.voice === true } : unsupported(m);
    case 'sticker':
      return m.sticker
        ? { type: 'sticker', ...media(m.sticker), animated: m.sticker.animated === true }
        : unsupported(m);
    case 'location':
      return m.location
        ? {
            type: 'location',
            latitude: m.location.latitude,
            longitude: m.location.longitude,
            name: orNull(m.location.name),
            address: orNull(m.location.address),
            url: orNull(m.location.url),
          }
        : unsupported(m);
    case 'contacts':
      return m.contacts ? { type: 'contacts', contacts: m.contacts.map(normalizeContactCard) } : unsupported(m);
    case 'interactive':
      return m.interactive ? normalizeInteractive(m.interactive) : unsupported(m);
    case 'button':
      return m.button
        ? { type: 'button', text: orNull(m.button.text), payload: orNull(m.button.payload) }
        : unsupported(m);
    case 'reaction':
      return m.reaction
        ? {
            type: 'reaction',
            targetProviderMessageId: m.reaction.message_id,
            emoji: m.reaction.emoji ? m.reaction.emoji : null,
            removed: !m.reaction.emoji,
          }
        : unsupported(m);
    case 'order':
      return m.order
        ? {
            type: 'order',
            catalogId: orNull(m.order.catalog_id),
            text: orNull(m.order.text),
            items: (m.order.product_items ?? []).map((i) => ({
              productRetailerId: i.product_retailer_id,
              quantity: Number(i.quantity),
              itemPrice: Number(i.item_price),
              currency: i.currency,
            })),
          }
        : unsupported(m);
    case 'system':
      return m.system
        ? {
            type: 'system',
            kind: orNull(m.system.type),
            body: orNull(m.system.body),
            newWaId: m.system.wa_id ?? m.system.new_wa_id ?? null,
          }
        : unsupported(m);
    default:
      return unsupported(m);
  }
}

function normalizeInteractive(i: NonNullable<WebhookMessage['interactive']>): MessageContent {
  if (i.type === 'button_reply' && i.button_reply) {
    return {
      type: 'interactive',
      kind: 'button_reply',
      replyId: i.button_reply.id,
      title: i.button_reply.title,
      description: null,
    };
  }
  if (i.type === 'list_reply' && i.list_reply) {
    return {
      type: 'interactive',
      kind: 'list_reply',
      replyId: i.list_reply.id,
      title: i.list_reply.title,
      description: orNull(i.list_reply.description),
    };
  }
  if (i.type === 'nfm_reply' && i.nfm_reply) {
    return {
      type: 'interactive',
      kind: 'nfm_reply',
      replyId: null,
      title: orNull(i.nfm_reply.name),
      description: orNull(i.nfm_reply.body),
    };
  }
  return { type: 'interactive', kind: 'other', replyId: null, title: null, description: null };
}

function normalizeContactCard(c: NonNullable<WebhookMessage['contacts']>[number]) {
  return {
    formattedName: orNull(c.name?.formatted_name),
    phones: (c.phones ?? []).map((p) => ({ phone: orNull(p.phone), waId: orNull(p.wa_id), type: orNull(p.type) })),
    emails: (c.emails ?? []).map((e) => ({ email: orNull(e.email), type: orNull(e.type) })),
    organization: orNull(c.org?.company),
    urls: (c.urls ?? []).flatMap((u) => (u.url ? [u.url] : [])),
  };
}

function normalizeContext(c: WebhookMessage['context']): MessageContext | null {
  if (!c) return null;
  return {
    replyToProviderMessageId: orNull(c.id),
    replyToFrom: orNull(c.from),
    forwarded: c.forwarded === true,
    frequentlyForwarded: c.frequently_forwarded === true,
    referredProduct: c.referred_product
      ? { catalogId: c.referred_product.catalog_id, productRetailerId: c.referred_product.product_retailer_id }
      : null,
  };
}

function normalizeReferral(r: WebhookMessage['referral']): AdReferral | null {
  if (!r) return null;
  return {
    sourceUrl: orNull(r.source_url),
    sourceId: orNull(r.source_id),
    sourceType: orNull(r.source_type),
    headline: orNull(r.headline),
    body: orNull(r.body),
    mediaType: orNull(r.media_type),
    mediaUrl: r.image_url ?? r.video_url ?? null,
    thumbnailUrl: orNull(r.thumbnail_url),
    clickId: orNull(r.ctwa_clid),
  };
}
