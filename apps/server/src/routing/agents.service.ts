import type { AgentLoadDTO, AgentProfileRequest, AgentStatus } from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../lib/errors.js';
import { keyedId } from '../lib/keyed-id.js';
import type { Actor, AuditLog } from '../domain/audit-log.js';
import type { DomainEvents } from '../domain/domain-events.js';
import { auditRecordOf } from '../domain/user.service.js';
import type { Models } from '../models/index.js';
import type { UserDoc } from '../models/user.model.js';
import { refuseRoutingBeyondReach } from './routing-access.js';

/** A process refreshes its sockets' presence at least this often; older presence no longer counts. */
export const PRESENCE_TTL_MS = 45_000;
/** Presence refreshes per database write. */
const REFRESH_BATCH = 50;

/** Agents as routing sees them: skills, capacity, status from their choice and their open sockets. */
export class AgentService {
  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
    private readonly processId: string,
    private readonly audit: AuditLog,
  ) {}

  async status(user: UserDoc): Promise<AgentStatus> {
    return (await this.statuses([user])).get(user.id)!;
  }

  /** Each user's status, by id, from one read of the presence of them all. */
  async statuses(users: UserDoc[]): Promise<Map<string, AgentStatus>> {
    // Hot path: bounded — the userId index on MongoDB; on the embedded database a scan of presence, which holds
    // one document per user and process seen in the last hour (the hourly bookkeeping sweep deletes older ones).
    // One presence document per user (keyedId('presence', userId)), a field per process, would make it by _id.
    const live = await this.models.Presence.find(
      {
        userId: { $in: users.map((u) => u._id) },
        sockets: { $gt: 0 },
        seenAt: { $gt: new Date(Date.now() - PRESENCE_TTL_MS) },
      },
      { userId: 1 },
    ).lean();
    const connected = new Set(live.map((p) => p.userId.toHexString()));
    return new Map(users.map((u) => [u.id, connected.has(u.id) ? u.statusChoice : 'offline']));
  }

  /**
   * Refreshes this process's unchanged socket counts, many per write: a heartbeat, which changes no one's
   * status (a count that changed was written, with its status, when it changed). Writes stay small: an
   * update holds the embedded database's write lock for all of its statements.
   */
  async refreshSockets(counts: Map<string, number>): Promise<void> {
    const seenAt = new Date();
    const all = [...counts];
    for (let i = 0; i < all.length; i += REFRESH_BATCH) {
      // Hot path: by _id, each update (an index lookup on both databases).
      await this.models.Presence.bulkWrite(
        all.slice(i, i + REFRESH_BATCH).map(([userId, sockets]) => ({
          updateOne: {
            filter: { _id: keyedId('presence', `${userId}:${this.processId}`) },
            update: { $set: { userId: new Types.ObjectId(userId), sockets, seenAt } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    }
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

  /** Skills (queues), capacity and working hours: what routing reads of an agent. */
  async updateProfile(userId: string, input: AgentProfileRequest, actor: Actor): Promise<void> {
    const person = await this.models.User.findById(userId);
    if (!person) throw notFound('user');
    refuseRoutingBeyondReach(actor, [person], 'params.id');
    if (input.queueIds) await this.checkQueuesExist(input.queueIds);
    const set = {
      ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
      ...(input.queueIds ? { queueIds: [...new Set(input.queueIds)].map((id) => new Types.ObjectId(id)) } : {}),
      ...(input.workingHours === undefined ? {} : { workingHours: input.workingHours }),
    };
    const before = await this.models.User.findByIdAndUpdate(userId, { $set: set });
    if (!before) throw notFound('user');
    const after = await this.models.User.findById(userId).orFail();
    this.events.emit('user.access-changed', userId);
    await this.audit.record(actor, {
      action: 'user.profile-updated',
      entity: { type: 'user', id: userId, name: after.name },
      before: auditRecordOf(before),
      after: auditRecordOf(after),
    });
  }

  private async checkQueuesExist(queueIds: string[]) {
    const wanted = [...new Set(queueIds)];
    if ((await this.models.Queue.countDocuments({ _id: { $in: wanted } })) !== wanted.length)
      throw new AppError('VALIDATION_FAILED', 'some queueIds do not exist', [
        { path: 'body.queueIds', message: 'names a queue that does not exist' },
      ]);
  }

  async load(agentId: Types.ObjectId): Promise<number> {
    // Hot path: bounded — the agentId index on MongoDB; on the embedded database a scan of agent_slots, which holds
    // one slot per assigned open conversation (the team's capacity), not history.
    return this.models.AgentSlot.countDocuments({ agentId });
  }

  /** Open conversations per agent, by id, counted in one pass over their slots (agents with none: 0). */
  async loadsOf(agentIds: Types.ObjectId[]): Promise<Map<string, number>> {
    // Hot path: bounded — the agentId index on MongoDB; on the embedded database a scan of agent_slots, which holds
    // one slot per assigned open conversation (the team's capacity), not history.
    const counted = await this.models.AgentSlot.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { agentId: { $in: agentIds } } },
      { $group: { _id: '$agentId', n: { $sum: 1 } } },
    ]);
    const loads = new Map(agentIds.map((id) => [id.toHexString(), 0]));
    for (const { _id, n } of counted) loads.set(_id.toHexString(), n);
    return loads;
  }

  /** Every agent's status and load: three reads, however many agents there are. */
  async loads(): Promise<AgentLoadDTO[]> {
    // Hot path: bounded — the team's users, read whole on both databases (no index serves it); they do not grow with
    // traffic.
    const users = await this.models.User.find({ active: true, role: { $in: ['agent', 'supervisor'] } });
    const [statuses, loads] = await Promise.all([this.statuses(users), this.loadsOf(users.map((u) => u._id))]);
    return users.map((u) => ({
      userId: u._id.toHexString(),
      name: u.name,
      status: statuses.get(u.id)!,
      load: loads.get(u.id)!,
      capacity: u.capacity,
      queueIds: u.queueIds.map((q) => q.toHexString()),
    }));
  }

  /** Keeps `unavailableSince` true to the agent's status: set when they turn away or offline, cleared when back. */
  private async noteAvailability(userId: string) {
    const user = await this.models.User.findById(userId);
    if (!user) return;
    const available = (await this.status(user)) === 'online';
    if (available && user.unavailableSince)
      await this.models.User.updateOne({ _id: user._id }, { $set: { unavailableSince: null } });
    if (!available && !user.unavailableSince)
      await this.models.User.updateOne({ _id: user._id }, { $set: { unavailableSince: new Date() } });
  }
}
