import type { AgentLoadDTO, AgentProfileRequest, AgentStatus } from '@switchboard/shared';
import { Types } from 'mongoose';
import { notFound } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import type { DomainEvents } from '../domain/domain-events.js';
import type { Models } from '../models/index.js';
import type { UserDoc } from '../models/user.model.js';

/** A process refreshes its sockets' presence at least this often; older presence no longer counts. */
export const PRESENCE_TTL_MS = 45_000;

/** Agents as routing sees them: skills, capacity, status from their choice and their open sockets. */
export class AgentService {
  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
    private readonly processId: string,
  ) {}

  async status(user: UserDoc): Promise<AgentStatus> {
    const live = await this.models.Presence.find({ userId: user._id, sockets: { $gt: 0 }, seenAt: { $gt: new Date(Date.now() - PRESENCE_TTL_MS) } });
    return live.length === 0 ? 'offline' : user.statusChoice;
  }

  /** Records this process's open sockets for a user; their status may change with it. */
  async setSockets(userId: string, sockets: number): Promise<void> {
    await this.models.Presence.updateOne(
      { _id: keyedId('presence', `${userId}:${this.processId}`) },
      { $set: { userId: new Types.ObjectId(userId), sockets, seenAt: new Date() } },
      { upsert: true },
    );
    await this.noteAvailability(userId);
  }

  async setStatus(userId: string, status: 'online' | 'away'): Promise<void> {
    await this.models.User.updateOne({ _id: userId }, { $set: { statusChoice: status } });
    await this.noteAvailability(userId);
  }

  async updateProfile(userId: string, input: AgentProfileRequest): Promise<void> {
    const set = {
      ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
      ...(input.queueIds ? { queueIds: input.queueIds.map((id) => new Types.ObjectId(id)) } : {}),
    };
    const user = await this.models.User.findByIdAndUpdate(userId, { $set: set });
    if (!user) throw notFound('user');
    this.events.emit('user.access-changed', userId);
  }

  async load(agentId: Types.ObjectId): Promise<number> {
    return this.models.AgentSlot.countDocuments({ agentId });
  }

  async loads(): Promise<AgentLoadDTO[]> {
    const users = await this.models.User.find({ active: true, role: { $in: ['agent', 'supervisor'] } });
    return Promise.all(
      users.map(async (u) => ({
        userId: u._id.toHexString(),
        name: u.name,
        status: await this.status(u),
        load: await this.load(u._id),
        capacity: u.capacity,
        queueIds: u.queueIds.map((q) => q.toHexString()),
      })),
    );
  }

  /** Keeps `unavailableSince` true to the agent's status: set when they turn away or offline, cleared when back. */
  private async noteAvailability(userId: string) {
    const user = await this.models.User.findById(userId);
    if (!user) return;
    const available = (await this.status(user)) === 'online';
    if (available && user.unavailableSince) await this.models.User.updateOne({ _id: user._id }, { $set: { unavailableSince: null } });
    if (!available && !user.unavailableSince) await this.models.User.updateOne({ _id: user._id }, { $set: { unavailableSince: new Date() } });
  }
}
