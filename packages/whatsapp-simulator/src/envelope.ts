import { contactsFor } from './webhook-contacts.js';
import type {
  ChangeValue,
  InboundMessage,
  MessageStatus,
  WebhookContact,
  WebhookError,
  WebhookPayload,
} from './webhook-types.js';

export const DEFAULT_WABA_ID = '102290129340398';
export const DEFAULT_PHONE_NUMBER_ID = '100000000000001';
export const DEFAULT_DISPLAY_PHONE_NUMBER = '15550100';

/** Meta batches updates into one POST, at most 1000 across all entries. */
export const MAX_UPDATES_PER_WEBHOOK = 1000;

export interface EnvelopeOptions {
  phoneNumberId?: string;
  /** Meta sends it as digits only (`15550783881`); spaces and `+` are stripped. */
  displayPhoneNumber?: string;
  wabaId?: string;
  /** Defaults to the sender profiles given to the `inbound` builders. */
  contacts?: WebhookContact[];
  messages?: InboundMessage[];
  statuses?: MessageStatus[];
  errors?: WebhookError[];
}

function updateCount(payload: WebhookPayload): number {
  return payload.entry
    .flatMap((entry) => entry.changes)
    .reduce(
      (n, { value }) => n + (value.messages?.length ?? 0) + (value.statuses?.length ?? 0) + (value.errors?.length ?? 0),
      0,
    );
}

function assertWithinBatchLimit(payload: WebhookPayload): WebhookPayload {
  const count = updateCount(payload);
  if (count > MAX_UPDATES_PER_WEBHOOK) {
    throw new RangeError(`a webhook carries at most ${MAX_UPDATES_PER_WEBHOOK} updates, got ${count}`);
  }
  return payload;
}

/** One webhook POST body: a single entry whose single `messages` change holds every update. */
export function envelope(o: EnvelopeOptions): WebhookPayload {
  const contacts = o.contacts ?? (o.messages ? contactsFor(o.messages) : []);
  const value: ChangeValue = {
    messaging_product: 'whatsapp',
    metadata: {
      display_phone_number: (o.displayPhoneNumber ?? DEFAULT_DISPLAY_PHONE_NUMBER).replace(/\D/g, ''),
      phone_number_id: o.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID,
    },
    ...(contacts.length > 0 ? { contacts } : {}),
    ...(o.messages?.length ? { messages: o.messages } : {}),
    ...(o.statuses?.length ? { statuses: o.statuses } : {}),
    ...(o.errors?.length ? { errors: o.errors } : {}),
  };
  return assertWithinBatchLimit({
    object: 'whatsapp_business_account',
    entry: [{ id: o.wabaId ?? DEFAULT_WABA_ID, changes: [{ field: 'messages', value }] }],
  });
}

/** Several envelopes delivered as one POST with many entries, the way Meta batches under load. */
export function batch(payloads: readonly WebhookPayload[]): WebhookPayload {
  return assertWithinBatchLimit({
    object: 'whatsapp_business_account',
    entry: payloads.flatMap((payload) => payload.entry),
  });
}
