import { describeIssues, whatsapp } from '@switchboard/shared';
import type { z } from 'zod';
import type { ChannelService } from '../domain/channel.service.js';
import type { ContactService } from '../domain/contact.service.js';
import type { MessageService } from '../domain/message.service.js';
import type { Types } from 'mongoose';
import type { ContactDoc } from '../models/contact.model.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import type { MessageDoc } from '../models/message.model.js';
import { isZodError } from './intake-failure.js';
import { normalizeMessage, toProviderError } from './message-normalizer.js';
import { runInLanes } from '@switchboard/concurrency';

export type ItemError = { path: string; message: string };
/**
 * What one stored webhook brought. `itemErrors` lists every item recorded and skipped, in the batch's order:
 * those the schemas refused (also in `refused`: they make the webhook a dead letter) and the errors WhatsApp
 * itself reported (counted in `errors`: nothing of ours to fix or replay).
 */
export type ProcessResult = {
  messages: number;
  statuses: number;
  errors: number;
  itemErrors: ItemError[];
  refused: ItemError[];
  /** The conversations its messages and statuses went to (hex ids, each once). */
  conversationIds: string[];
};

/**
 * What other features do with a customer's message once it is stored (consent keywords, waking a snoozed
 * conversation, triage and routing), in order. Declared here and wired by the composition root, so intake
 * depends on no other feature. A failure fails the batch, to be retried like any other.
 */
export interface InboundFollowUp {
  onInbound(message: MessageDoc, conversation: ConversationDoc, contact: ContactDoc): Promise<void>;
}

/**
 * What happens when WhatsApp reports its review of a template (`message_template_status_update`): declared here
 * and done by the template catalogue, wired by the composition root. `at` is when Meta triggered the webhook.
 */
export interface TemplateReviewFollowUp {
  onTemplateReview(update: { wabaId: string; at: Date; value: whatsapp.TemplateStatusUpdateValue }): Promise<void>;
}

type Services = {
  channels: ChannelService;
  contacts: ContactService;
  messages: MessageService;
  inboundFollowUps: readonly InboundFollowUp[];
  templateReviews: TemplateReviewFollowUp;
};

/** Customers whose messages are written at the same time; each customer's own stay in order. */
const MESSAGE_CONCURRENCY = 8;

type MessageItem = {
  raw: unknown;
  channelId: Types.ObjectId;
  profiles: whatsapp.WebhookContact[];
  path: string;
  slot: ItemError[];
};
type Identified = MessageItem & { message: whatsapp.WebhookMessage; contact: ContactDoc | null };
type Collected = {
  slots: ItemError[][];
  /** The slots of errors WhatsApp reported; every other slot holds refusals. */
  reported: Set<ItemError[]>;
  messages: MessageItem[];
  statuses: ((touched: Set<string>) => Promise<void>)[];
};

/**
 * Applies one stored webhook. Each message and status is handled on its own: a malformed item is recorded
 * and skipped, the rest of the batch goes on. Any other failure (the database, a bug) fails the whole batch,
 * to be retried: every step is idempotent, so a retry repeats nothing, and no message is dropped silently.
 */
export class WebhookProcessor {
  constructor(private readonly services: Services) {}

  async process(rawBody: string): Promise<ProcessResult> {
    const envelope = whatsapp.WebhookEnvelope.parse(JSON.parse(rawBody));
    const result: ProcessResult = {
      messages: 0,
      statuses: 0,
      errors: 0,
      itemErrors: [],
      refused: [],
      conversationIds: [],
    };
    const touched = new Set<string>();
    // Item errors go into slots in the batch's order, so the record reads the same however work interleaves.
    const slots: ItemError[][] = [];
    const reported = new Set<ItemError[]>();
    const messages: MessageItem[] = [];
    const statuses: Collected['statuses'] = [];
    const reviews: (() => Promise<void>)[] = [];
    for (const [e, entry] of envelope.entry.entries()) {
      for (const [c, change] of entry.changes.entries()) {
        if (change.field === whatsapp.TEMPLATE_STATUS_FIELD) {
          const slot: ItemError[] = [];
          slots.push(slot);
          const at = entry.time === undefined ? new Date() : new Date(entry.time * 1000);
          reviews.push(() =>
            this.isolated(`entry.${e}.changes.${c}.value`, slot, async () => {
              const value = whatsapp.TemplateStatusUpdateValue.parse(change.value);
              await this.services.templateReviews.onTemplateReview({ wabaId: entry.id, at, value });
            }),
          );
        }
        if (change.field !== 'messages') continue;
        await this.collectChange(entry.id, change.value, `entry.${e}.changes.${c}.value`, result, {
          slots,
          reported,
          messages,
          statuses,
        });
      }
    }
    // Who wrote each message is settled first, in the batch's order, exactly as one-by-one processing would.
    // A changed number re-points a contact mid-batch: such a batch is applied strictly in order.
    const serial = messages.some((m) => rawType(m.raw) === 'system');
    const identified: Identified[] = [];
    for (const item of messages) {
      await this.isolated(item.path, item.slot, async () => {
        const message = whatsapp.WebhookMessage.parse(item.raw);
        const contact = serial ? null : await this.contactOf(message, item.profiles);
        identified.push({ ...item, message, contact });
      });
    }
    // Then each customer's conversation is written in order, different customers' side by side.
    const keyOf = (m: Identified) => (m.contact ? `${m.channelId.toHexString()}:${m.contact.id}` : 'serial');
    await runInLanes(identified, keyOf, MESSAGE_CONCURRENCY, (m) =>
      this.isolated(m.path, m.slot, async () => {
        const contact = m.contact ?? (await this.contactOf(m.message, m.profiles));
        touched.add((await this.recordMessage(m.channelId, m.message, contact)).toHexString());
        result.messages++;
      }),
    );
    for (const applyStatus of statuses) await applyStatus(touched);
    for (const applyReview of reviews) await applyReview();
    result.conversationIds = [...touched];
    result.itemErrors = slots.flat();
    result.refused = slots.filter((slot) => !reported.has(slot)).flat();
    return result;
  }

  private async collectChange(wabaId: string, rawValue: unknown, path: string, result: ProcessResult, into: Collected) {
    const slot: ItemError[] = [];
    into.slots.push(slot);
    const value = whatsapp.MessagesChangeValue.safeParse(rawValue);
    if (!value.success) {
      slot.push(...issuesAt(path, value.error));
      return;
    }
    const { metadata, contacts = [], messages = [], statuses = [], errors = [] } = value.data;
    const channelId = await this.services.channels.idForPhoneNumber(
      metadata.phone_number_id,
      metadata.display_phone_number,
      wabaId,
    );
    const profiles = contacts.flatMap((raw) => {
      const parsed = whatsapp.WebhookContact.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });

    for (const [i, raw] of messages.entries()) {
      const messageSlot: ItemError[] = [];
      into.slots.push(messageSlot);
      into.messages.push({ raw, channelId, profiles, path: `${path}.messages.${i}`, slot: messageSlot });
    }
    for (const [i, raw] of statuses.entries()) {
      const statusSlot: ItemError[] = [];
      into.slots.push(statusSlot);
      into.statuses.push((touched) =>
        this.isolated(`${path}.statuses.${i}`, statusSlot, async () => {
          const status = whatsapp.WebhookStatus.parse(raw);
          const firstError = status.errors?.[0];
          const conversationId = await this.services.messages.applyStatus({
            providerMessageId: status.id,
            status: status.status,
            at: new Date(Number(status.timestamp) * 1000),
            error: firstError ? toProviderError(firstError) : null,
            ...(status.biz_opaque_callback_data ? { callbackData: status.biz_opaque_callback_data } : {}),
          });
          if (conversationId) touched.add(conversationId.toHexString());
          result.statuses++;
        }),
      );
    }
    const errorSlot: ItemError[] = [];
    into.slots.push(errorSlot);
    into.reported.add(errorSlot);
    for (const [i, raw] of errors.entries()) {
      const error = whatsapp.WebhookError.safeParse(raw);
      result.errors++;
      errorSlot.push({
        path: `${path}.errors.${i}`,
        message: error.success
          ? `WhatsApp reported error ${error.data.code}: ${error.data.title ?? error.data.message ?? ''}`
          : 'WhatsApp reported an error',
      });
    }
  }

  private async contactOf(message: whatsapp.WebhookMessage, profiles: whatsapp.WebhookContact[]): Promise<ContactDoc> {
    // An identity change may come from the new identifier already: it belongs to whoever had the old one.
    const change = identityChangeOf(message);
    const previous = change && (await this.services.contacts.find(change.previous));
    if (previous) return previous;
    const profile =
      profiles.find(
        (p) =>
          (message.from !== undefined && p.wa_id === message.from) ||
          (message.from_user_id !== undefined && p.user_id === message.from_user_id),
      ) ?? (profiles.length === 1 ? profiles[0] : undefined);
    return this.services.contacts.upsert({
      waId: message.from ?? profile?.wa_id ?? null,
      userId: message.from_user_id ?? profile?.user_id ?? null,
      profileName: profile?.profile?.name ?? null,
    });
  }

  /** Stores the message and runs its follow-ups; answers the conversation it went to. */
  private async recordMessage(
    channelId: Types.ObjectId,
    message: whatsapp.WebhookMessage,
    contact: ContactDoc,
  ): Promise<Types.ObjectId> {
    const normalized = normalizeMessage(message);
    const { message: stored, conversation } = await this.services.messages.recordInbound({
      ...normalized,
      providerMessageId: message.id,
      channelId,
      contact,
      sentAt: new Date(Number(message.timestamp) * 1000),
    });
    for (const followUp of this.services.inboundFollowUps) await followUp.onInbound(stored, conversation, contact);
    const change = identityChangeOf(message);
    if (change) await this.services.contacts.changeIdentity(contact._id, change.next);
    return stored.conversationId;
  }

  private async isolated(path: string, slot: ItemError[], work: () => Promise<void>) {
    try {
      await work();
    } catch (error) {
      if (!isZodError(error)) throw error;
      slot.push(...issuesAt(path, error));
    }
  }
}

/**
 * A system message saying the customer's phone number (`user_changed_number`) or business-scoped user id
 * (`user_changed_user_id`) changed: who they were, and who they are now.
 */
function identityChangeOf(message: whatsapp.WebhookMessage) {
  const system = message.type === 'system' ? message.system : undefined;
  if (system?.type !== 'user_changed_number' && system?.type !== 'user_changed_user_id') return null;
  const numberChanged = system.type === 'user_changed_number';
  return {
    previous: { waId: numberChanged ? (message.from ?? null) : null, userId: system.previous_user_id ?? null },
    next: {
      waId: numberChanged ? (system.wa_id ?? system.new_wa_id ?? null) : null,
      userId: system.user_id ?? (numberChanged ? null : (message.from_user_id ?? null)),
    },
  };
}

const rawType = (raw: unknown) =>
  typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;

function issuesAt(path: string, error: z.ZodError): ItemError[] {
  return describeIssues(error.issues).map((i) => ({
    path: i.path === '(root)' ? path : `${path}.${i.path}`,
    message: i.message,
  }));
}
