import { KeyedQueue } from '@switchboard/concurrency';
import type { ChannelSendHealthDTO, ChannelSendState } from '@switchboard/shared';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Logger } from '../lib/logger.js';
import type { Models } from '../models/index.js';
import { toSendHealthDTO } from '../models/to-dto.js';
import type { BreakerState, BreakerStateChange, ChannelBreakers } from './channel-breaker.js';

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
  /** Numbers this process has seen send since it started or since their breaker last opened. */
  private readonly seenSending = new Set<string>();

  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
    private readonly logger: Logger,
  ) {}

  /**
   * The breakers, their changes recorded. A number recorded down by a process that has gone (restarted
   * mid-outage) would stay down, as this process's breakers start closed and never change while sends
   * succeed: so the first send WhatsApp accepts through a number since start, or since its breaker last
   * opened, records it sending.
   */
  watch(breakers: ChannelBreakers): ChannelBreakers {
    breakers.onStateChange(this.record);
    return {
      ...breakers,
      execute: async (channelId, send) => {
        const outcome = await breakers.execute(channelId, send);
        if (outcome.ok && !this.seenSending.has(channelId)) {
          this.seenSending.add(channelId);
          this.enqueue(channelId, () => this.confirmSending(channelId));
        }
        return outcome;
      },
    };
  }

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

  /** Returns at once and never throws, as breaker listeners must. */
  private record = (change: BreakerStateChange): void => {
    if (change.state === 'closed') this.seenSending.add(change.channelId);
    else this.seenSending.delete(change.channelId);
    this.enqueue(change.channelId, () => this.write(change));
  };

  private enqueue(channelId: string, write: () => Promise<void>): void {
    void this.writes
      .run(channelId, write)
      .catch((error: unknown) => this.logger.error({ err: error, channelId }, 'channel send health not recorded'));
  }

  private async confirmSending(channelId: string): Promise<void> {
    const at = new Date();
    // Hot path: by _id.
    const channel = await this.models.Channel.findOneAndUpdate(
      { _id: channelId, 'sendHealth.state': { $in: ['down', 'retrying'] } },
      { $set: { sendHealth: { state: 'sending', downSince: null, nextRetryAt: null, changedAt: at } } },
      { new: true },
    );
    if (channel) this.announce(toSendHealthDTO(channel));
  }

  private async write(change: BreakerStateChange): Promise<void> {
    // A change older than the one stored (another process's, written first) would turn the clock back.
    // Hot path: by _id.
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
    if (channel) this.announce(toSendHealthDTO(channel));
  }

  private announce(health: ChannelSendHealthDTO): void {
    this.logger.info(health, 'channel send health changed');
    this.events.emit('channel.send-health-changed', health);
  }
}
