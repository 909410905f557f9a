import type { ChannelDTO, CreateChannelRequest, UpdateChannelRequest } from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import { isDuplicateKeyError, retryOnDuplicateKey, type Models } from '../models/index.js';
import type { ChannelDoc } from '../models/channel.model.js';
import { toChannelDTO } from '../models/to-dto.js';
import type { Actor, AuditLog } from './audit-log.js';
import type { DomainEvents } from './domain-events.js';

/** A channel as the audit log keeps it: the token only as whether it is set and since when. */
const auditRecordOf = (dto: ChannelDTO): Record<string, unknown> => {
  const { id: _id, createdAt: _createdAt, ...record } = dto;
  return record;
};

/** The token is stored as given and never read back out; setting it records when, for the settings screen. */
function withToken<T extends { accessToken?: string | null }>(input: T) {
  const { accessToken, ...rest } = input;
  if (accessToken === undefined) return rest;
  return { ...rest, accessToken, accessTokenSetAt: accessToken === null ? null : new Date() };
}

export class ChannelService {
  private readonly existing = new Set<string>();

  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
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
    // Hot path, once per number and process: by _id (an index lookup on both databases).
    const known = await this.models.Channel.findById(_id);
    if (known) return known;
    // Hot path: by _id.
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
  async create(input: CreateChannelRequest, actor: Actor): Promise<ChannelDTO> {
    const _id = keyedId('channel', input.phoneNumberId);
    const existing = await this.models.Channel.findById(_id);
    if (existing?.status === 'active')
      throw new AppError('CONFLICT', `a channel for phone_number_id ${input.phoneNumberId} exists already`);
    const fields = { ...withToken(input), status: 'active' };
    let doc: ChannelDoc;
    try {
      doc = existing
        ? await this.models.Channel.findByIdAndUpdate(_id, { $set: fields }, { new: true }).orFail()
        : await this.models.Channel.create({ _id, ...fields });
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new AppError('CONFLICT', `a channel for phone_number_id ${input.phoneNumberId} exists already`);
      throw error;
    }
    const created = await this.toDTO(doc);
    await this.audit.record(actor, {
      action: 'channel.created',
      entity: { type: 'channel', id: created.id, name: created.name },
      before: existing ? auditRecordOf(await this.toDTO(existing)) : null,
      after: auditRecordOf(created),
    });
    return created;
  }

  async update(id: string, input: UpdateChannelRequest, actor: Actor): Promise<ChannelDTO> {
    const before = await this.models.Channel.findByIdAndUpdate(id, { $set: withToken(input) });
    if (!before) throw notFound('channel');
    const updated = await this.toDTO(await this.models.Channel.findById(id).orFail());
    await this.audit.record(actor, {
      action: 'channel.updated',
      entity: { type: 'channel', id, name: updated.name },
      before: auditRecordOf(await this.toDTO(before)),
      after: auditRecordOf(updated),
    });
    return updated;
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
  async setMembers(id: string, userIds: string[], actor: Actor): Promise<ChannelDTO> {
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
    const updated = await this.toDTO(channel);
    await this.audit.record(actor, {
      action: 'channel.members-changed',
      entity: { type: 'channel', id, name: channel.name },
      before: { memberIds: before.map((u) => u._id.toHexString()).sort() },
      after: { memberIds: [...updated.memberIds].sort() },
    });
    return updated;
  }

  private async toDTO(channel: ChannelDoc): Promise<ChannelDTO> {
    const members = await this.models.User.find({ channelIds: channel._id }, { _id: 1 });
    return toChannelDTO(
      channel,
      members.map((m) => m._id.toHexString()),
    );
  }
}
