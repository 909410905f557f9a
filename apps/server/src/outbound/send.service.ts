import { createHash } from 'node:crypto';
import type { MessageContent, MessageContext, MessageDTO, SendMessageRequest } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { ConversationService } from '../domain/conversation.service.js';
import type { QueuedOutboxItem } from '../domain/domain-events.js';
import type { MessageService } from '../domain/message.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import { retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import { CUSTOMER_SERVICE_WINDOW_MS, toMessageDTO } from '../models/to-dto.js';
import { previewOf } from '../domain/message-preview.js';
import { currentCorrelationId } from '../lib/correlation.js';
import { addresseeOf, addressOf, type CloudApiSendRequest } from './cloud-api.schema.js';
import { interactiveReply, mediaReply } from './reply-content.js';
import type { TemplateService } from './template.service.js';
import type { UploadService } from './upload.service.js';

/** Up to three reply buttons under a text; a tap comes back as an interactive button_reply with the id. */
export type ReplyButtons = { body: string; footer?: string | null; buttons: { id: string; title: string }[] };

export type SendInput = {
  conversationId: string;
  /** Who sends: an agent (checked against what they may see), or null for the system's own messages. */
  viewer: Viewer | null;
  idempotencyKey: string;
  request: SendMessageRequest;
  /** The confirmation of a STOP or START: the one message a customer who opted out still receives. */
  confirmsConsentChange?: boolean;
};

/** Why nothing goes to a customer who opted out: shown to the agent, whatever kind of message they tried. */
export const OPTED_OUT_REASON =
  'This customer opted out of messages from this business: nothing is sent to them until they write START (or another opt-in keyword) again.';

/**
 * Everything an agent sends goes through here. Every rule is checked before anything is stored: the
 * 24-hour window for free-form replies (text, files, buttons, lists), approved templates with valid
 * parameters, consent, and a file's upload belonging to the conversation. What passes is stored once per
 * idempotency key and put in the outbox;
 * a note is stored and never sent.
 */
export class SendService {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly messages: MessageService,
    private readonly templates: TemplateService,
    private readonly uploads: UploadService,
    private readonly onQueued: (item: QueuedOutboxItem) => void,
  ) {}

  async send(input: SendInput): Promise<MessageDTO> {
    // Hot path: by _id, either way (an index lookup on both databases).
    const conversation = input.viewer
      ? await this.conversations.findVisible(input.conversationId, input.viewer)
      : await this.models.Conversation.findById(input.conversationId).orFail();
    const author = input.viewer ? new Types.ObjectId(input.viewer.userId) : null;
    const key = `out:${author?.toHexString() ?? 'system'}:${input.idempotencyKey}`;
    const requestHash = hashOf(input.conversationId, input.request);

    // Hot path: by _id.
    const earlier = await this.models.Message.findById(keyedId('message', key));
    if (earlier) return this.repeat(earlier._id, conversation, input, requestHash);

    const prepared = await this.prepare(conversation, input);
    const { message, created } = await this.messages.queueOutbound({
      key,
      conversation,
      content: prepared.content,
      context: prepared.context,
      authorId: author,
      clientMessageId: input.idempotencyKey,
      requestHash,
      preview: previewOf(prepared.content),
    });
    if (!created && message.requestHash !== requestHash) throw idempotencyConflict(input.idempotencyKey);
    if (prepared.cloudRequest) await this.enqueue(message._id, conversation.channelId, prepared.cloudRequest, input);
    return toMessageDTO(message);
  }

  /**
   * The system's reply buttons (the CSAT survey): inside the 24-hour window only, as WhatsApp requires of
   * any free-form message; stored and queued once per key, like an agent's reply.
   */
  async sendButtons(conversationId: string, idempotencyKey: string, buttons: ReplyButtons): Promise<MessageDTO> {
    // Hot path: by _id.
    const conversation = await this.models.Conversation.findById(conversationId).orFail();
    const key = `out:system:${idempotencyKey}`;
    // Hot path: by _id.
    const earlier = await this.models.Message.findById(keyedId('message', key));
    if (earlier) return toMessageDTO(earlier);
    this.requireOpenWindow(conversation);
    // Hot path: by _id.
    const contact = await this.models.Contact.findById(conversation.contactId).orFail();
    const address = addressOf(contact);
    if (!address) throw unreachable();
    const content: MessageContent = { type: 'buttons', header: null, ...buttons, footer: buttons.footer ?? null };
    const { message, created } = await this.messages.queueOutbound({
      key,
      conversation,
      content,
      context: null,
      authorId: null,
      clientMessageId: idempotencyKey,
      requestHash: createHash('sha256')
        .update(JSON.stringify([conversationId, content]))
        .digest('hex'),
      preview: previewOf(content),
    });
    if (created) {
      await this.enqueue(
        message._id,
        conversation.channelId,
        {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          ...address,
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: buttons.body },
            ...(buttons.footer ? { footer: { text: buttons.footer } } : {}),
            action: { buttons: buttons.buttons.map((reply) => ({ type: 'reply', reply })) },
          },
        },
        {},
      );
    }
    return toMessageDTO(message);
  }

  /** Whether a free-form message may go to the customer now (they wrote in the last 24 hours). */
  windowOpen(conversation: ConversationDoc): boolean {
    const last = conversation.lastInboundAt;
    return Boolean(last && Date.now() - last.getTime() < CUSTOMER_SERVICE_WINDOW_MS);
  }

  /** The same key again: the same message, and its outbox entry restored if a crash cut the first try short. */
  private async repeat(
    messageId: Types.ObjectId,
    conversation: ConversationDoc,
    input: SendInput,
    requestHash: string,
  ): Promise<MessageDTO> {
    // Hot path: by _id.
    const message = await this.models.Message.findById(messageId).orFail();
    if (message.requestHash !== requestHash) throw idempotencyConflict(input.idempotencyKey);
    // Hot path: by _id.
    if (message.outboxState === 'queued' && !(await this.models.Outbox.findById(messageId))) {
      const { cloudRequest } = await this.prepare(conversation, input);
      if (cloudRequest) await this.enqueue(messageId, conversation.channelId, cloudRequest, input);
    }
    return toMessageDTO(message);
  }

  private async prepare(conversation: ConversationDoc, { request, confirmsConsentChange }: SendInput) {
    if (request.type === 'note') {
      return {
        content: { type: 'note', body: request.body } satisfies MessageContent,
        context: null,
        cloudRequest: null,
      };
    }
    // Hot path: by _id.
    const contact = await this.models.Contact.findById(conversation.contactId).orFail();
    // One check for every kind that leaves the inbox (text, media, interactive, template, any added later).
    if (contact.optedOut && !confirmsConsentChange) throw new AppError('OPTED_OUT', OPTED_OUT_REASON);
    const address = addressOf(contact);
    if (!address) throw unreachable();
    const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', ...address } as const;

    if (request.type === 'template') return this.prepareTemplate(envelope, request.template);

    // Everything else is a free-form reply: only inside the customer's 24-hour window.
    this.requireOpenWindow(conversation);
    const context = request.replyToMessageId ? await this.replyContext(conversation, request.replyToMessageId) : null;
    const quoted = {
      ...envelope,
      ...(context?.replyToProviderMessageId ? { context: { message_id: context.replyToProviderMessageId } } : {}),
    };
    switch (request.type) {
      case 'text': {
        const preview = request.previewUrl === undefined ? {} : { preview_url: request.previewUrl };
        const cloudRequest: CloudApiSendRequest = { ...quoted, type: 'text', text: { body: request.body, ...preview } };
        return { content: { type: 'text', body: request.body } satisfies MessageContent, context, cloudRequest };
      }
      case 'interactive':
        return { ...interactiveReply(quoted, request.interactive), context };
      case 'media': {
        const upload = await this.uploads.forSend(request.uploadId, conversation, request.caption);
        return { ...mediaReply(quoted, upload, request.caption), context };
      }
    }
  }

  private async prepareTemplate(
    envelope: Pick<CloudApiSendRequest, 'messaging_product' | 'recipient_type' | 'to' | 'recipient'>,
    template: Extract<SendMessageRequest, { type: 'template' }>['template'],
  ) {
    const { components, renderedText } = await this.templates.prepareTemplateSend(template);
    const cloudRequest: CloudApiSendRequest = {
      ...envelope,
      type: 'template',
      template: { name: template.name, language: { code: template.language }, components },
    };
    const content: MessageContent = { type: 'template', ...template, renderedText };
    return { content, context: null, cloudRequest };
  }

  private requireOpenWindow(conversation: ConversationDoc) {
    if (this.windowOpen(conversation)) return;
    const last = conversation.lastInboundAt;
    const when = last
      ? `The customer last wrote at ${last.toISOString()}; the 24-hour window closed at ${new Date(last.getTime() + CUSTOMER_SERVICE_WINDOW_MS).toISOString()}.`
      : 'The customer has not written yet.';
    throw new AppError('WINDOW_CLOSED', `${when} Send an approved template instead.`);
  }

  private async replyContext(conversation: ConversationDoc, messageId: string): Promise<MessageContext> {
    // Hot path: by _id.
    const target = await this.models.Message.findById(messageId);
    if (!target || !target.conversationId.equals(conversation._id) || !target.providerMessageId) {
      throw new AppError(
        'VALIDATION_FAILED',
        'replyToMessageId must be a message of this conversation that reached WhatsApp',
        [{ path: 'body.replyToMessageId', message: 'not a message of this conversation' }],
      );
    }
    return {
      replyToProviderMessageId: target.providerMessageId,
      replyToFrom: null,
      forwarded: false,
      frequentlyForwarded: false,
      referredProduct: null,
    };
  }

  private async enqueue(
    messageId: Types.ObjectId,
    channelId: Types.ObjectId,
    request: CloudApiSendRequest,
    { confirmsConsentChange }: Pick<SendInput, 'confirmsConsentChange'>,
  ) {
    const now = new Date();
    // Hot path: by _id.
    await retryOnDuplicateKey(() =>
      this.models.Outbox.updateOne(
        { _id: messageId },
        {
          $setOnInsert: {
            channelId,
            state: 'pending',
            attempts: 0,
            failures: 0,
            nextAttemptAt: now,
            request,
            createdAt: now,
            correlationId: currentCorrelationId(),
            confirmsConsentChange: confirmsConsentChange ?? false,
          },
        },
        { upsert: true },
      ),
    );
    this.onQueued({ id: messageId, channelId, to: addresseeOf(request), createdAt: now });
  }
}

function hashOf(conversationId: string, request: SendMessageRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([conversationId, request]))
    .digest('hex');
}

function idempotencyConflict(key: string) {
  return new AppError(
    'IDEMPOTENCY_CONFLICT',
    `idempotency key ${key} was already used for a different message; choose a new key for a new message`,
  );
}

/** Neither a phone number nor a business-scoped user id: WhatsApp has no way to reach this customer. */
const unreachable = () =>
  new AppError('VALIDATION_FAILED', 'this customer has neither a phone number nor a WhatsApp user id on record');
