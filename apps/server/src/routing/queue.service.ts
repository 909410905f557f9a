import type { CreateQueueRequest, QueueDTO, UpdateQueueRequest } from '@switchboard/shared';
import { Types } from 'mongoose';
import type { Actor, AuditLog } from '../domain/audit-log.js';
import { AppError, notFound } from '../lib/errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { QueueDoc } from '../models/queue.model.js';
import type { DomainEvents } from '../domain/domain-events.js';
import { refuseRoutingBeyondReach } from './routing-access.js';

const NO_REPLY: QueueDTO['outOfHours'] = { enabled: false, messages: {} };

export function toQueueDTO(q: QueueDoc): QueueDTO {
  return {
    id: q._id.toHexString(),
    name: q.name,
    intents: q.intents,
    languages: q.languages as QueueDTO['languages'],
    mode: q.mode,
    fallback: q.fallback,
    businessHours: (q.businessHours as QueueDTO['businessHours']) ?? null,
    maxPerAgent: q.maxPerAgent ?? null,
    outOfHours: (q.outOfHours as QueueDTO['outOfHours'] | null) ?? NO_REPLY,
    createdAt: q.createdAt.toISOString(),
  };
}

const auditRecordOf = (q: QueueDoc): Record<string, unknown> => {
  const { id: _id, createdAt: _createdAt, ...record } = toQueueDTO(q);
  return record;
};

/** Queues: what they take (intents, languages), how they fill (mode, capacity rule), when they are open. */
export class QueueService {
  constructor(
    private readonly models: Models,
    private readonly audit: AuditLog,
    private readonly events: DomainEvents,
  ) {}

  /** `actor` null: the example queues of a new installation, made by nobody in settings. */
  async create(input: CreateQueueRequest, actor: Actor | null): Promise<QueueDTO> {
    checkOutOfHours(input.outOfHours, input.businessHours ?? null);
    let queue: QueueDoc;
    try {
      queue = await this.models.Queue.create(input);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a queue named ${input.name} exists already`);
      throw error;
    }
    if (actor)
      await this.audit.record(actor, {
        action: 'queue.created',
        entity: { type: 'queue', id: queue.id, name: queue.name },
        before: null,
        after: auditRecordOf(queue),
      });
    return toQueueDTO(queue);
  }

  async update(id: string, input: UpdateQueueRequest, actor: Actor): Promise<QueueDTO> {
    const before = await this.models.Queue.findById(id);
    if (!before) throw notFound('queue');
    const current = toQueueDTO(before);
    checkOutOfHours(input.outOfHours ?? current.outOfHours, input.businessHours ?? current.businessHours, input);
    let queue: QueueDoc | null;
    try {
      queue = await this.models.Queue.findByIdAndUpdate(id, { $set: input }, { new: true });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a queue named ${input.name} exists already`);
      throw error;
    }
    if (!queue) throw notFound('queue');
    await this.audit.record(actor, {
      action: 'queue.updated',
      entity: { type: 'queue', id, name: queue.name },
      before: auditRecordOf(before),
      after: auditRecordOf(queue),
    });
    return toQueueDTO(queue);
  }

  /** The users skilled in the queue, by id. */
  async members(id: Types.ObjectId): Promise<string[]> {
    return (await this.models.User.find({ queueIds: id }, { _id: 1 })).map((u) => u._id.toHexString());
  }

  /**
   * Replaces who is skilled in the queue; each user keeps their other queues, and routing sees it at once. A
   * supervisor may not add or remove an admin.
   */
  async setMembers(id: string, userIds: string[], actor: Actor): Promise<string[]> {
    const queue = await this.models.Queue.findById(id);
    if (!queue) throw notFound('queue');
    const wanted = [...new Set(userIds)].map((u) => new Types.ObjectId(u));
    if ((await this.models.User.countDocuments({ _id: { $in: wanted } })) !== wanted.length)
      throw new AppError('VALIDATION_FAILED', 'some userIds do not exist', [
        { path: 'body.userIds', message: 'names a user that does not exist' },
      ]);
    const before = await this.members(queue._id);
    const wantedIds = new Set(wanted.map((u) => u.toHexString()));
    const moving = [...new Set([...wantedIds, ...before])].filter((u) => wantedIds.has(u) !== before.includes(u));
    // Admins may move anyone: only others pay for reading who moves.
    if (actor.role !== 'admin')
      refuseRoutingBeyondReach(actor, await this.models.User.find({ _id: { $in: moving } }), 'body.userIds');
    await this.models.User.updateMany(
      { _id: { $nin: wanted }, queueIds: queue._id },
      { $pull: { queueIds: queue._id } },
    );
    await this.models.User.updateMany({ _id: { $in: wanted } }, { $addToSet: { queueIds: queue._id } });
    const after = await this.members(queue._id);
    for (const userId of new Set([...before, ...after])) this.events.emit('user.access-changed', userId);
    await this.audit.record(actor, {
      action: 'queue.members-changed',
      entity: { type: 'queue', id, name: queue.name },
      before: { memberIds: before.sort() },
      after: { memberIds: after.sort() },
    });
    return after;
  }

  all(): Promise<QueueDoc[]> {
    return this.models.Queue.find().sort({ createdAt: 1 });
  }

  /**
   * The queue for an intent and language: one that names both, else one that names the intent for any
   * language, else the fallback queue. Returns why, for the automation history, and whether it is the fallback.
   */
  async pick(
    intent: string | null,
    language: string | null,
  ): Promise<{ queue: QueueDoc; why: string; fallback: boolean } | null> {
    // Hot path: bounded — every queue (configuration, a handful), read whole on both databases.
    const queues = await this.all();
    const takesIntent = (q: QueueDoc) => intent !== null && q.intents.includes(intent);
    const takesLanguage = (q: QueueDoc) =>
      q.languages.length === 0 || (language !== null && q.languages.includes(language));
    const exact = queues.find((q) => takesIntent(q) && takesLanguage(q));
    if (exact)
      return { queue: exact, why: `${exact.name} takes ${intent} in ${language ?? 'any language'}`, fallback: false };
    const fallback = queues.find((q) => q.fallback && takesLanguage(q)) ?? queues.find((q) => q.fallback);
    if (fallback)
      return {
        queue: fallback,
        why: `no queue takes ${intent ?? 'this intent'} in ${language ?? 'this language'}; ${fallback.name} is the fallback`,
        fallback: true,
      };
    return null;
  }
}

/** An out-of-hours reply needs hours to be out of: refused on a queue open around the clock. */
function checkOutOfHours(
  reply: QueueDTO['outOfHours'] | undefined,
  hours: QueueDTO['businessHours'] | null,
  change?: UpdateQueueRequest,
) {
  if (!reply?.enabled || hours) return;
  const path = change && change.outOfHours === undefined ? 'body.businessHours' : 'body.outOfHours.enabled';
  throw new AppError('VALIDATION_FAILED', 'the queue has no business hours to be out of', [
    { path, message: 'an out-of-hours reply needs business hours on the queue (turn the reply off first)' },
  ]);
}
