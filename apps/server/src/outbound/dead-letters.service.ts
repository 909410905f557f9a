import type { DeadLetterDTO, MessageDTO } from '@switchboard/shared';
import type { MessageService } from '../domain/message.service.js';
import { AppError, notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import { toMessageDTO } from '../models/to-dto.js';
import type { QueuedOutboxItem } from '../domain/domain-events.js';
import { addresseeOf, type CloudApiSendRequest } from './cloud-api.schema.js';

/** Messages whose retries ran out: listed for supervisors, and sent again on their word. */
export class DeadLetterService {
  constructor(
    private readonly models: Models,
    private readonly messages: MessageService,
    private readonly onQueued: (item: QueuedOutboxItem) => void,
  ) {}

  async list(): Promise<DeadLetterDTO[]> {
    const items = await this.models.Outbox.find({ state: 'dead' }).sort({ nextAttemptAt: 1 });
    const letters: DeadLetterDTO[] = [];
    for (const item of items) {
      const message = await this.models.Message.findById(item._id);
      if (message) {
        letters.push({
          message: toMessageDTO(message),
          failures: item.failures,
          lastFailure: item.lastFailure ?? null,
          deadSince: item.nextAttemptAt.toISOString(),
        });
      }
    }
    return letters;
  }

  async replay(messageId: string): Promise<MessageDTO> {
    const item = await this.models.Outbox.findById(messageId);
    if (!item) throw notFound('dead letter');
    if (item.state !== 'dead')
      throw new AppError('CONFLICT', 'this message is not dead-lettered; it is still being sent');
    await this.models.Outbox.updateOne(
      { _id: item._id },
      { $set: { state: 'pending', failures: 0, nextAttemptAt: new Date(), leaseUntil: null, unknownSince: null } },
    );
    const message = await this.messages.markRequeued(item._id, item.attempts);
    this.onQueued({
      id: item._id,
      channelId: item.channelId,
      to: addresseeOf(item.request as CloudApiSendRequest),
      createdAt: item.createdAt,
    });
    return toMessageDTO(message);
  }
}
