import type { WebhookContact } from './webhook-types.js';

export interface ContactOptions {
  /** Phone number as Meta's wa_id (digits); omit for a username-only user. */
  waId?: string;
  /** Business-scoped user id, e.g. `US.13491208655302741918`. */
  userId?: string;
  parentUserId?: string;
  name: string;
  username?: string;
}

/** One entry of `value.contacts`, the sender profile Meta puts beside inbound messages. */
export function contact(options: ContactOptions): WebhookContact {
  if (!options.waId && !options.userId) {
    throw new Error('a webhook contact needs waId (phone) or userId (business-scoped user id)');
  }
  return {
    profile: { name: options.name, ...(options.username ? { username: options.username } : {}) },
    ...(options.waId ? { wa_id: options.waId.replace(/\D/g, '') } : {}),
    ...(options.userId ? { user_id: options.userId } : {}),
    ...(options.parentUserId ? { parent_user_id: options.parentUserId } : {}),
  };
}

/**
 * Builders remember the sender profile of each message they make, so `envelope()` can fill
 * `value.contacts` without the caller repeating names. A WeakMap keeps the message objects
 * themselves exactly Meta-shaped.
 */
const senderProfiles = new WeakMap<object, WebhookContact>();

export function rememberSender(message: object, sender: WebhookContact): void {
  senderProfiles.set(message, sender);
}

export function senderOf(message: object): WebhookContact | undefined {
  return senderProfiles.get(message);
}

/** One contact per distinct sender, in first-seen order, as Meta lists them. */
export function contactsFor(messages: readonly object[]): WebhookContact[] {
  const seen = new Map<string, WebhookContact>();
  for (const message of messages) {
    const sender = senderOf(message);
    const key = sender && (sender.user_id ?? sender.wa_id);
    if (sender && key && !seen.has(key)) seen.set(key, sender);
  }
  return [...seen.values()];
}
