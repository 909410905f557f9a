import { buildInbound, type SenderOptions } from './inbound-common.js';
import { unixSeconds, waIdOf, wamid } from './ids.js';
import type { InboundMessageOf, ProductItem } from './webhook-types.js';

/**
 * Builders for messages that answer something the business sent (buttons, lists, templates,
 * reactions), orders from a catalog, and the messages WhatsApp itself emits (system, unsupported).
 */

/** Tap on an interactive reply button. Meta sets `context` to the business message; pass it too. */
export function buttonReply(o: SenderOptions & { buttonId: string; title: string }): InboundMessageOf<'interactive'> {
  return buildInbound('interactive', o, {
    interactive: { type: 'button_reply', button_reply: { id: o.buttonId, title: o.title } },
  });
}

export function listReply(
  o: SenderOptions & { rowId: string; title: string; description?: string },
): InboundMessageOf<'interactive'> {
  return buildInbound('interactive', o, {
    interactive: {
      type: 'list_reply',
      list_reply: { id: o.rowId, title: o.title, ...(o.description ? { description: o.description } : {}) },
    },
  });
}

/** Quick-reply button of a template: `type: 'button'` with the button text and its payload. */
export function templateButton(o: SenderOptions & { text: string; payload: string }): InboundMessageOf<'button'> {
  return buildInbound('button', o, { button: { text: o.text, payload: o.payload } });
}

export function reaction(o: SenderOptions & { messageId: string; emoji: string }): InboundMessageOf<'reaction'> {
  return buildInbound('reaction', o, { reaction: { message_id: o.messageId, emoji: o.emoji } });
}

/** Meta's reaction reference: removing a reaction sends the same webhook without `emoji`. */
export function reactionRemoved(o: SenderOptions & { messageId: string }): InboundMessageOf<'reaction'> {
  return buildInbound('reaction', o, { reaction: { message_id: o.messageId } });
}

export function order(
  o: SenderOptions & { catalogId: string; items: ProductItem[]; text?: string },
): InboundMessageOf<'order'> {
  return buildInbound('order', o, {
    order: { catalog_id: o.catalogId, ...(o.text ? { text: o.text } : {}), product_items: o.items },
  });
}

/**
 * A user changed their phone number. Per Meta's system-message reference the webhook has no
 * `contacts`, `from` is the old number and `system.wa_id` the new one; since the August 2026
 * changelog it also carries the regenerated business-scoped ids and the previous ones.
 */
export function userChangedNumber(o: {
  oldPhone: string;
  newPhone: string;
  name?: string;
  userId?: string;
  previousUserId?: string;
  id?: string;
  timestamp?: Date | number | string;
}): InboundMessageOf<'system'> {
  const from = waIdOf(o.oldPhone);
  const to = waIdOf(o.newPhone);
  return {
    from,
    id: o.id ?? wamid(from, 'inbound'),
    timestamp: unixSeconds(o.timestamp),
    type: 'system',
    system: {
      body: `User ${o.name ?? 'A WhatsApp user'} changed from ${from} to ${to}`,
      wa_id: to,
      type: 'user_changed_number',
      ...(o.userId ? { user_id: o.userId } : {}),
      ...(o.previousUserId ? { previous_user_id: o.previousUserId } : {}),
    },
  };
}

/**
 * The BSUID-only variant: the user's business-scoped id changed and no phone can be shared.
 * Meta's changelog names the system fields but shows no sample; assumed here: no `from`, and
 * `from_user_id` is the new id, as for any username-only sender.
 */
export function userChangedUserId(o: {
  previousUserId: string;
  userId: string;
  name?: string;
  id?: string;
  timestamp?: Date | number | string;
}): InboundMessageOf<'system'> {
  return {
    from_user_id: o.userId,
    id: o.id ?? wamid(o.userId, 'inbound'),
    timestamp: unixSeconds(o.timestamp),
    type: 'system',
    system: {
      body: `User ${o.name ?? 'A WhatsApp user'} changed from ${o.previousUserId} to ${o.userId}`,
      type: 'user_changed_user_id',
      user_id: o.userId,
      previous_user_id: o.previousUserId,
    },
  };
}

/** Content Cloud API cannot deliver (polls, view-once media...): `unsupported` plus error 131051. */
export function unsupported(o: SenderOptions & { originalType?: string }): InboundMessageOf<'unsupported'> {
  return buildInbound('unsupported', o, {
    unsupported: { type: o.originalType ?? 'unknown' },
    errors: [
      {
        code: 131051,
        title: 'Message type unknown',
        message: 'Message type unknown',
        error_data: { details: 'Message type is currently not supported.' },
      },
    ],
  });
}
