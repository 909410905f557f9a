import { KeyedQueue } from '@switchboard/concurrency';
import type { ChannelSendHealthDTO, ChannelSendState } from '@switchboard/shared';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';
import type { Models } from '../models/index.js';
import { toSendHealthDTO } from '../models/to-dto.js';
import type { BreakerState, BreakerStateChange } from './channel-breaker.js';

const SEND_STATE: Record<BreakerState, ChannelSendState> = { closed: 'sending', open: 'down', 'half-open': 'retrying' };

/**
 * Each number's send health, so agents see an outage instead of replies that silently wait. The breakers
 * live in each process's memory; their changes are written on the channel, so a REST read from any process
 * (after a reload) says what the push said, and announced for the sockets. With several processes the
 * latest change of any of them wins.
 */
export class ChannelSendHealth {
  /** One channel's writes in the order its breaker changed: open, then half-open, then closed. */
  private readonly writes = new KeyedQueue();

  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
    private readonly logger: Logger,
  ) {}

  /** For `ChannelBreakers.onStateChange`: returns at once and never throws. */
  record = (change: BreakerStateChange): void => {
    void this.writes
      .run(change.channelId, () => this.write(change))
      .catch((error: unknown) =>
        this.logger.error({ err: error, channelId: change.channelId }, 'channel send health not recorded'),
      );
  };

  /** Every number's send health, by channel. */
  async list(): Promise<ChannelSendHealthDTO[]> {
    const channels = await this.models.Channel.find(
      {},
      { name: 1, displayPhoneNumber: 1, sendHealth: 1, createdAt: 1 },
    );
    return channels.map(toSendHealthDTO);
  }

  /** Resolves once every change recorded so far is written. */
  idle = () => this.writes.idle();

  private async write(change: BreakerStateChange): Promise<void> {
    // A change older than the one stored (another process's, written first) would turn the clock back.
    const channel = await this.models.Channel.findOneAndUpdate(
      {
        _id: change.channelId,
        $or: [{ 'sendHealth.changedAt': null }, { 'sendHealth.changedAt': { $lte: change.at } }],
      },
      {
        $set: {
          sendHealth: {
            state: SEND_STATE[change.state],
            downSince: change.downSince,
            nextRetryAt: change.nextRetryAt,
            changedAt: change.at,
          },
        },
      },
      { new: true },
    );
    if (!channel) return;
    const health = toSendHealthDTO(channel);
    this.logger.info(health, 'channel send health changed');
    this.events.emit('channel.send-health-changed', health);
  }
}
