import type {
  CannedReplyDTO,
  CreateCannedReplyRequest,
  ListCannedRepliesQuery,
  Role,
  UpdateCannedReplyRequest,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import type { DomainEvents } from '../domain/domain-events.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { toCannedReplyDTO, type CannedReply, type CannedReplyDoc } from '../models/canned-reply.model.js';

/** Who is asking: personal replies are theirs; shared ones are managed by supervisors and admins. */
export type CannedActor = { id: string; name: string; role: Role };

const mayManageShared = (actor: CannedActor) => actor.role !== 'agent';
const uniqueKeyOf = (r: Pick<CannedReply, 'scope' | 'ownerId' | 'language' | 'shortcut'>) =>
  `${r.scope}:${r.ownerId?.toHexString() ?? '-'}:${r.language}:${r.shortcut}`;

/**
 * Canned replies kept on the server: the team's shared ones and each agent's personal ones, per language.
 * Every change announces `canned.changed`, so open inboxes fetch the list again.
 */
export class CannedReplyService {
  constructor(
    private readonly models: Models,
    private readonly events: DomainEvents,
  ) {}

  /** The shared replies and the caller's own, by shortcut then language. */
  async list(actor: CannedActor, query: ListCannedRepliesQuery = {}): Promise<CannedReplyDTO[]> {
    const scopes =
      query.scope === 'shared'
        ? [{ scope: 'shared' }]
        : query.scope === 'personal'
          ? [{ ownerId: new Types.ObjectId(actor.id) }]
          : [{ scope: 'shared' }, { ownerId: new Types.ObjectId(actor.id) }];
    const docs = await this.models.CannedReply.find({
      $or: scopes,
      ...(query.language ? { language: query.language } : {}),
    }).sort({ shortcut: 1, language: 1, scope: 1 });
    return docs.map(toCannedReplyDTO);
  }

  async create(request: CreateCannedReplyRequest, actor: CannedActor): Promise<CannedReplyDTO> {
    if (request.scope === 'shared' && !mayManageShared(actor))
      throw forbidden('only supervisors and admins manage shared canned replies; save it as personal');
    const fields = {
      ...request,
      ownerId: request.scope === 'personal' ? new Types.ObjectId(actor.id) : null,
      updatedById: new Types.ObjectId(actor.id),
      updatedByName: actor.name,
    };
    const created = await this.saving(request.shortcut, request.language, () =>
      this.models.CannedReply.create({ ...fields, uniqueKey: uniqueKeyOf(fields) }),
    );
    this.announce(created);
    return toCannedReplyDTO(created);
  }

  async update(id: string, request: UpdateCannedReplyRequest, actor: CannedActor): Promise<CannedReplyDTO> {
    const current = await this.editable(id, actor);
    const next = { ...current.toObject(), ...request };
    const updated = await this.saving(next.shortcut, next.language, () =>
      this.models.CannedReply.findByIdAndUpdate(
        current._id,
        {
          $set: {
            ...request,
            uniqueKey: uniqueKeyOf(next),
            updatedById: new Types.ObjectId(actor.id),
            updatedByName: actor.name,
          },
        },
        { new: true },
      ).orFail(),
    );
    this.announce(updated);
    return toCannedReplyDTO(updated);
  }

  async remove(id: string, actor: CannedActor): Promise<void> {
    const current = await this.editable(id, actor);
    await this.models.CannedReply.deleteOne({ _id: current._id });
    this.announce(current);
  }

  /** One reply the caller may use (shared, or their own); for filling it in for a conversation. */
  async usable(id: string, actor: CannedActor): Promise<CannedReplyDoc> {
    const reply = Types.ObjectId.isValid(id) ? await this.models.CannedReply.findById(id) : null;
    if (!reply || (reply.scope === 'personal' && !reply.ownerId?.equals(actor.id))) throw notFound('canned reply');
    return reply;
  }

  /** Someone else's personal reply does not exist for the caller; a shared one they may read but not change. */
  private async editable(id: string, actor: CannedActor): Promise<CannedReplyDoc> {
    const reply = await this.usable(id, actor);
    if (reply.scope === 'shared' && !mayManageShared(actor))
      throw forbidden('only supervisors and admins change shared canned replies');
    return reply;
  }

  private async saving<T>(shortcut: string, language: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw new AppError('CONFLICT', `a canned reply /${shortcut} in ${language} exists in this list already`, [
        { path: 'body.shortcut', message: `/${shortcut} is taken in ${language}` },
      ]);
    }
  }

  private announce(reply: CannedReplyDoc) {
    this.events.emit('canned.changed', reply.ownerId?.toHexString() ?? null);
  }
}
