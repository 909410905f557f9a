import type { ChannelDTO, CreateChannelRequest, UpdateChannelRequest } from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ChannelDoc } from '../models/channel.model.js';
import { toChannelDTO } from '../models/to-dto.js';
import type { DomainEvents } from './domain-events.js';

export class ChannelService {
  private readonly existing = new Set<string>();

  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
  ) {}

  /**
   * The channel id for a business number, for the webhook hot path. An id is made from the number and a
   * channel is never deleted, so once this process has seen the channel exist there is nothing to look up.
   */
  async idForPhoneNumber(
    phoneNumberId: string,
    displayPhoneNumber: string | null,
    wabaId: string | null,
  ): Promise<Types.ObjectId> {
    const _id = keyedId('channel', phoneNumberId);
    if (!this.existing.has(phoneNumberId)) {
      await this.forPhoneNumber(phoneNumberId, displayPhoneNumber, wabaId);
      this.existing.add(phoneNumberId);
    }
    return _id;
  }

  /** The channel for a business number; a number nobody registered is recorded as `unregistered`, not dropped. */
  async forPhoneNumber(
    phoneNumberId: string,
    displayPhoneNumber: string | null,
    wabaId: string | null,
  ): Promise<ChannelDoc> {
    const _id = keyedId('channel', phoneNumberId);
    const known = await this.models.Channel.findById(_id);
    if (known) return known;
    return retryOnDuplicateKey(() =>
      this.models.Channel.findOneAndUpdate(
        { _id },
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

  /** Registers a number; one that already wrote in as `unregistered` becomes active, its history kept. */
  async create(input: CreateChannelRequest): Promise<ChannelDTO> {
    const _id = keyedId('channel', input.phoneNumberId);
    const existing = await this.models.Channel.findById(_id);
    if (existing?.status === 'active')
      throw new AppError('CONFLICT', `a channel for phone_number_id ${input.phoneNumberId} exists already`);
    try {
      const doc = existing
        ? await this.models.Channel.findByIdAndUpdate(
            _id,
            { $set: { ...input, status: 'active' } },
            { new: true },
          ).orFail()
        : await this.models.Channel.create({ _id, ...input, status: 'active' });
      return this.toDTO(doc);
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new AppError('CONFLICT', `a channel for phone_number_id ${input.phoneNumberId} exists already`);
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
    if (found !== new Set(userIds).size)
      throw new AppError('VALIDATION_FAILED', 'some userIds do not exist', [
        { path: 'userIds', message: 'unknown user' },
      ]);
    const before = await this.models.User.find({ channelIds: channel._id }, { _id: 1 });
    await this.models.User.updateMany(
      { _id: { $nin: wanted }, channelIds: channel._id },
      { $pull: { channelIds: channel._id } },
    );
    await this.models.User.updateMany({ _id: { $in: wanted } }, { $addToSet: { channelIds: channel._id } });
    const touched = new Set([...before.map((u) => u._id.toHexString()), ...userIds]);
    for (const userId of touched) this.events.emit('user.access-changed', userId);
    return this.toDTO(channel);
  }

  private async toDTO(channel: ChannelDoc): Promise<ChannelDTO> {
    const members = await this.models.User.find({ channelIds: channel._id }, { _id: 1 });
    return toChannelDTO(
      channel,
      members.map((m) => m._id.toHexString()),
    );
  }
}
