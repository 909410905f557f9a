import type { Config } from '../lib/config.js';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError, notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import { credentialsOf } from './channel-credentials.js';
import { WhatsAppMediaError, type MediaDownload, type WhatsAppClient } from './whatsapp-client.js';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

/**
 * The bytes of a customer's photo, voice note or document, fetched through the Graph API media endpoint
 * with the channel's token, for a user allowed to see the conversation. Nothing is cached here: Meta's
 * media URLs expire, so each request asks afresh.
 */
export class MediaService {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly client: WhatsAppClient,
    private readonly config: Config,
  ) {}

  async download(messageId: string, viewer: Viewer): Promise<MediaDownload & { filename: string | null }> {
    const message = await this.models.Message.findById(messageId);
    if (!message) throw notFound('message');
    await this.conversations.findVisible(message.conversationId.toHexString(), viewer);
    const content = message.content as { type: string; mediaId?: string; filename?: string | null };
    if (!MEDIA_TYPES.has(content.type) || !content.mediaId)
      throw new AppError('NOT_FOUND', 'this message has no media');
    const channel = await this.models.Channel.findById(message.channelId).orFail();
    const credentials = credentialsOf(channel, this.config);
    try {
      const info = await this.client.fetchMediaInfo(credentials, content.mediaId);
      return { ...(await this.client.downloadMedia(credentials, info.url)), filename: content.filename ?? null };
    } catch (error) {
      if (!(error instanceof WhatsAppMediaError)) throw error;
      if (error.problem === 'not-found')
        throw new AppError('NOT_FOUND', 'WhatsApp no longer has this media (it keeps files for a limited time)');
      throw new AppError('UNAVAILABLE', error.failure.reason);
    }
  }
}
