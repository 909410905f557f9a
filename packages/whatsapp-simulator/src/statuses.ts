import { conversationId, unixSeconds, waIdOf } from './ids.js';
import { webhookError } from './meta-errors.js';
import type { Conversation, MessageStatus, Pricing, PricingCategory } from './webhook-types.js';

export interface StatusOptions {
  /** The wamid the send request was answered with. */
  id: string;
  /** Phone the message went to; Meta omits `recipient_id` when it was sent to a BSUID. */
  recipientId?: string;
  recipientUserId?: string;
  timestamp?: Date | number | string;
  /** `service` for free-form replies in the 24h window; template categories otherwise. */
  category?: PricingCategory;
  conversationId?: string;
  bizOpaqueCallbackData?: string;
}

function base(status: MessageStatus['status'], o: StatusOptions): MessageStatus {
  return {
    id: o.id,
    status,
    timestamp: unixSeconds(o.timestamp),
    ...(o.recipientId ? { recipient_id: waIdOf(o.recipientId) } : {}),
    ...(o.recipientUserId ? { recipient_user_id: o.recipientUserId } : {}),
    ...(o.bizOpaqueCallbackData ? { biz_opaque_callback_data: o.bizOpaqueCallbackData } : {}),
  };
}

/**
 * Per-message pricing (since July 2025): service replies are free inside the customer service
 * window, template sends are billed at their category.
 */
export function pricingFor(category: PricingCategory): Pricing {
  const free = category === 'service';
  return {
    billable: !free,
    pricing_model: 'PMP',
    category,
    type: free ? 'free_customer_service' : 'regular',
  };
}

function conversation(o: StatusOptions, withExpiry: boolean): Conversation {
  const category = o.category ?? 'service';
  const expiry = Math.floor(Date.now() / 1000) + 24 * 3600;
  return {
    id: o.conversationId ?? conversationId(),
    ...(withExpiry ? { expiration_timestamp: String(expiry) } : {}),
    origin: { type: category },
  };
}

/** Only the `sent` status carries the conversation's expiry, as in Meta's samples. */
export function sent(o: StatusOptions): MessageStatus {
  return { ...base('sent', o), conversation: conversation(o, true), pricing: pricingFor(o.category ?? 'service') };
}

export function delivered(o: StatusOptions): MessageStatus {
  return {
    ...base('delivered', o),
    conversation: conversation(o, false),
    pricing: pricingFor(o.category ?? 'service'),
  };
}

/** Meta's read statuses omit conversation and pricing: reading changes nothing billable. */
export function read(o: StatusOptions): MessageStatus {
  return base('read', o);
}

/** A failed status has `errors` instead of conversation and pricing. */
export function failed(o: StatusOptions & { code: number; details?: string }): MessageStatus {
  return { ...base('failed', o), errors: [webhookError(o.code, o.details)] };
}

export const status = { sent, delivered, read, failed };
