import type { MarkReadResult } from '@switchboard/shared';
import type { ConversationService } from '../domain/conversation.service.js';
import type { Viewer } from '../domain/viewer.js';
import type { Config } from '../lib/config.js';
import type { Models } from '../models/index.js';
import { credentialsOf } from './channel-credentials.js';
import type { WhatsAppClient } from './whatsapp-client.js';

/**
 * Read receipts: when an agent opens a conversation, its customer sees their messages read (blue ticks),
 * unless the number's `markReadOnOpen` is off. One receipt for the newest customer message covers all before
 * it, and it is sent once: opening the conversation again sends nothing until the customer writes again.
 */
export class ReadReceiptService {
  constructor(
    private readonly models: Models,
    private readonly conversations: ConversationService,
    private readonly client: WhatsAppClient,
    private readonly config: Config,
  ) {}

  async conversationOpened(conversationId: string, viewer: Viewer): Promise<MarkReadResult> {
    const conversation = await this.conversations.findVisible(conversationId, viewer);
    const latest = conversation.lastInboundMessageId ?? null;
    const result = (outcome: MarkReadResult['outcome'], reason: string | null = null) => ({
      outcome,
      messageId: latest,
      reason,
    });
    // Hot path: by _id.
    const channel = await this.models.Channel.findById(conversation.channelId).orFail();
    if (!channel.markReadOnOpen) return result('turned-off');
    if (!latest) return result('nothing-to-mark');
    if (conversation.readReceiptFor === latest) return result('already-marked');
    const sent = await this.client.markRead(credentialsOf(channel, this.config), latest);
    // Not recorded as sent, so the next opening tries again.
    if (!sent.ok) return result('failed', sent.failure.reason);
    // Hot path: by _id.
    await this.models.Conversation.updateOne({ _id: conversation._id }, { $set: { readReceiptFor: latest } });
    return result('marked');
  }
}
