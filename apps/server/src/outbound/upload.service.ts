import type { Readable } from 'node:stream';
import {
  checkAttachment,
  isAnimatedWebp,
  MEDIA_RULES,
  type AttachmentCheck,
  type UploadDTO,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import type { Config } from '../lib/config.js';
import { AppError } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { ConversationDoc } from '../models/conversation.model.js';
import { toUploadDTO, type UploadDoc } from '../models/upload.model.js';
import { credentialsOf } from './channel-credentials.js';
import { FileTooLargeError, receiveFile } from './received-file.js';
import type { WhatsAppClient } from './whatsapp-client.js';

export type UploadInput = {
  conversationId: string;
  viewer: Viewer;
  idempotencyKey: string;
  mimeType: string;
  filename: string | null;
  /** The Content-Length, when the client sent one: a file over the limit is refused before a byte is read. */
  declaredSize: number | null;
  body: Readable;
};

/** WhatsApp keeps an uploaded file 30 days; a day's margin so a send never refers to one about to expire. */
const UPLOAD_USABLE_MS = 29 * 24 * 60 * 60 * 1000;

/**
 * Attachments: a file is checked against WhatsApp's limits for its kind, uploaded to the Graph API media
 * endpoint of the conversation's number, and recorded once per idempotency key; a send then refers to it.
 */
export class UploadService {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly client: WhatsAppClient,
    private readonly config: Config,
  ) {}

  /** Returns the upload and whether this call made it (false: the same key's earlier upload). */
  async upload(input: UploadInput): Promise<{ upload: UploadDTO; created: boolean }> {
    const conversation = await this.conversations.findVisible(input.conversationId, input.viewer);
    const _id = keyedId('upload', `${input.viewer.userId}:${input.idempotencyKey}`);
    const earlier = await this.models.Upload.findById(_id);
    if (earlier) return { upload: this.repeat(earlier, conversation, input.idempotencyKey), created: false };

    const declared = refuseUnless(checkAttachment({ mimeType: input.mimeType, size: input.declaredSize ?? 1 }));
    const file = await receiveFile(input.body, declared.maxBytes).catch((error: unknown) => {
      if (error instanceof FileTooLargeError)
        refuseUnless(checkAttachment({ mimeType: input.mimeType, size: error.maxBytes + 1 }));
      throw error;
    });
    try {
      const animated = declared.kind === 'sticker' && isAnimatedWebp(file.head);
      const checked = refuseUnless(checkAttachment({ mimeType: input.mimeType, size: file.size, animated }));
      const channel = await this.models.Channel.findById(conversation.channelId).orFail();
      const filename = input.filename ?? `${checked.kind}-${file.sha256.slice(0, 8)}`;
      const sent = await this.client.uploadMedia(credentialsOf(channel, this.config), {
        path: file.path,
        mimeType: checked.mimeType,
        filename,
      });
      if (!sent.ok) {
        const { failure } = sent;
        const why = `WhatsApp did not take the file: ${failure.reason}`;
        if (failure.kind === 'permanent') throw new AppError('VALIDATION_FAILED', why);
        throw new AppError('UNAVAILABLE', why, undefined, Math.ceil((failure.retryAfterMs ?? 5000) / 1000));
      }
      const doc = {
        _id,
        conversationId: conversation._id,
        channelId: conversation.channelId,
        uploaderId: new Types.ObjectId(input.viewer.userId),
        kind: checked.kind,
        mimeType: checked.mimeType,
        filename: input.filename,
        size: file.size,
        sha256: file.sha256,
        mediaId: sent.mediaId,
        animated,
      };
      try {
        return { upload: toUploadDTO(await this.models.Upload.create(doc)), created: true };
      } catch (error) {
        // The same key uploaded twice at once: the first one recorded wins, the other copy stays unused at Meta.
        if (!isDuplicateKeyError(error)) throw error;
        const winner = await this.models.Upload.findById(_id).orFail();
        return { upload: this.repeat(winner, conversation, input.idempotencyKey), created: false };
      }
    } finally {
      await file.discard();
    }
  }

  /** The upload a media send refers to, checked against the conversation it is sent in and its caption. */
  async forSend(uploadId: string, conversation: ConversationDoc, caption: string | undefined): Promise<UploadDoc> {
    // Hot path: by _id.
    const upload = await this.models.Upload.findById(uploadId);
    const refuse = (path: string, message: string) =>
      new AppError('VALIDATION_FAILED', message, [{ path: `body.${path}`, message }]);
    if (!upload || !upload.conversationId.equals(conversation._id))
      throw refuse('uploadId', 'no file was uploaded under this id for this conversation; upload it first');
    if (Date.now() - upload.createdAt.getTime() > UPLOAD_USABLE_MS)
      throw refuse('uploadId', 'WhatsApp keeps an uploaded file for 30 days; upload it again');
    if (caption && !MEDIA_RULES[upload.kind].caption)
      throw refuse('caption', `WhatsApp shows no caption on ${upload.kind} messages; send the text on its own`);
    return upload;
  }

  private repeat(upload: UploadDoc, conversation: ConversationDoc, key: string): UploadDTO {
    if (!upload.conversationId.equals(conversation._id))
      throw new AppError(
        'IDEMPOTENCY_CONFLICT',
        `idempotency key ${key} was already used for a file in another conversation; choose a new key`,
      );
    return toUploadDTO(upload);
  }
}

/** The check's kind and limit, or the refusal an agent reads, naming the header or limit at fault. */
function refuseUnless(check: AttachmentCheck): Extract<AttachmentCheck, { ok: true }> {
  if (check.ok) return check;
  if (check.problem === 'too-large') throw new AppError('PAYLOAD_TOO_LARGE', check.message);
  const path = check.problem === 'empty' ? 'body' : 'headers.content-type';
  throw new AppError('VALIDATION_FAILED', check.message, [{ path, message: check.message }]);
}
