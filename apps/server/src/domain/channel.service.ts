import type { ChannelDTO, CreateChannelRequest, UpdateChannelRequest } from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { isDuplicateKeyError, retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ChannelDoc } from '../models/channel.model.js';
import { toChannelDTO } from '../models/to-dto.js';
import type { DomainEvents } from './domain-events.js';

export class ChannelService {
  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
  ) {}

  /** The channel for a business number; a number nobody registered is recorded as `unregistered`, not dropped. */
  async forPhoneNumber(phoneNumberId: string, displayPhoneNumber: string | null, wabaId: string | null): Promise<ChannelDoc> {
    return retryOnDuplicateKey(() =>
      this.models.Channel.findOneAndUpdate(
      { phoneNumberId },
      {
        $setOnInsert: {
          phoneNumberId,
          displayPhoneNumber,
          wabaId,
          name: `Unregistered number ${displayPhoneNumber ?? phoneNumberId}`,
          status: 'unregistered',
        },
      },
      { upsert: true, new: true },
      ).orFail(),
    );
  }

  async create(input: CreateChannelRequest): Promise<ChannelDTO> {
    try {
      const doc = await this.models.Channel.create({ ...input, status: 'active' });
      return toChannelDTO(doc, []);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a channel for phone_number_id ${input.phoneNumberId} exists already`);
      throw error;
    }
  }

  async update(id: string, input: UpdateChannelRequest): Promise<ChannelDTO> {
    const doc = await this.models.Channel.findByIdAndUpdate(id, { $set: input }, { new: true });
    if (!doc) throw notFound('channel');
    return this.toDTO(doc);
  }

  async list(): Promise<ChannelDTO[]> {
    const [channels, users] = await Promise.all([
      this.models.Channel.find().sort({ createdAt: 1 }),
      this.models.User.find({}, { channelIds: 1 }),
    ]);
    return channels.map((c) =>
      toChannelDTO(
        c,
        users.filter((u) => u.channelIds.some((id) => id.equals(c._id))).map((u) => u._id.toHexString()),
      ),
    );
  }

  /** Replaces the channel's members; each user's live subscriptions follow at once. */
  async setMembers(id: string, userIds: string[]): Promise<ChannelDTO> {
    const channel = await this.models.Channel.findById(id);
    if (!channel) throw notFound('channel');
    const wanted = userIds.map((u) => new Types.ObjectId(u));
    const found = await this.models.User.countDocuments({ _id: { $in: wanted } });
    if (found !== new Set(userIds).size) throw new AppError('VALIDATION_FAILED', 'some userIds do not exist', [{ path: 'userIds', message: 'unknown user' }]);
    const before = await this.models.User.find({ channelIds: channel._id }, { _id: 1 });
    await this.models.User.updateMany({ _id: { $nin: wanted }, channelIds: channel._id }, { $pull: { channelIds: channel._id } });
    await this.models.User.updateMany({ _id: { $in: wanted } }, { $addToSet: { channelIds: channel._id } });
    const touched = new Set([...before.map((u) => u._id.toHexString()), ...userIds]);
    for (const userId of touched) this.events.emit('user.access-changed', userId);
    return this.toDTO(channel);
  }

  private async toDTO(channel: ChannelDoc): Promise<ChannelDTO> {
    const members = await this.models.User.find({ channelIds: channel._id }, { _id: 1 });
    return toChannelDTO(channel, members.map((m) => m._id.toHexString()));
  }
}
