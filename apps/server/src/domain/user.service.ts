import { randomBytes } from 'node:crypto';
import type {
  CreateUserRequest,
  LoginRequest,
  LoginResponse,
  TeamMemberDTO,
  UpdateMeRequest,
  UpdateUserRequest,
  UserDTO,
} from '@switchboard/shared';
import { Types } from 'mongoose';
import { hashPassword, passwordMatches } from './auth/password.js';
import type { TokenService } from './auth/token.js';
import { AppError, notFound } from '../lib/errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { toUserDTO } from '../models/to-dto.js';
import type { UserDoc } from '../models/user.model.js';
import { HIDDEN, type Actor, type AuditLog } from './audit-log.js';
import type { DomainEvents } from './domain-events.js';
import { Viewer } from './viewer.js';

export function toTeamMemberDTO(user: UserDoc): TeamMemberDTO {
  return {
    ...toUserDTO(user),
    queueIds: user.queueIds.map((q) => q.toHexString()),
    capacity: user.capacity,
    workingHours: (user.workingHours as TeamMemberDTO['workingHours']) ?? null,
  };
}

/** A user as the audit log keeps them: the account and routing profile, never a password or its hash. */
export const auditRecordOf = (user: UserDoc): Record<string, unknown> => {
  const { id: _id, createdAt: _createdAt, ...record } = toTeamMemberDTO(user);
  return record;
};

export class UserService {
  constructor(
    private readonly models: Models,
    private readonly tokens: TokenService,
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  /** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD: created once, never overwritten. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const existing = await this.models.User.findOne({ email: email.toLowerCase() });
    if (existing) return;
    try {
      await this.models.User.create({
        email: email.toLowerCase(),
        name: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(password),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async login(input: LoginRequest): Promise<LoginResponse> {
    const user = await this.models.User.findOne({ email: input.email });
    const ok = await passwordMatches(input.password, user?.active ? user.passwordHash : null);
    if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'wrong email or password');
    const { token, expiresAt } = await this.tokens.issue(user._id.toHexString(), user.sessionGeneration);
    return { token, expiresAt: expiresAt.toISOString(), user: toUserDTO(user) };
  }

  /**
   * Who a token belongs to, read fresh: a deactivated user, a changed role or a reset password (which ends
   * every session issued before it) takes effect at once.
   */
  async authenticate(token: string): Promise<{ user: UserDTO; viewer: Viewer }> {
    let claims: { userId: string; generation: number };
    try {
      claims = await this.tokens.verify(token);
    } catch {
      throw new AppError('UNAUTHENTICATED', 'the token is invalid or expired; log in again');
    }
    const user = await this.models.User.findById(claims.userId);
    if (!user || !user.active) throw new AppError('UNAUTHENTICATED', 'the account is unknown or deactivated');
    if (claims.generation !== user.sessionGeneration)
      throw new AppError('UNAUTHENTICATED', 'the password was reset since this session began; log in again');
    return { user: toUserDTO(user), viewer: viewerOf(user) };
  }

  async viewerFor(userId: string): Promise<Viewer | null> {
    return (await this.liveAccountOf(userId))?.viewer ?? null;
  }

  /** An active user's account and what they may see, as their live sockets follow it; null once deactivated. */
  async liveAccountOf(userId: string): Promise<{ user: UserDTO; viewer: Viewer } | null> {
    const user = await this.models.User.findById(userId);
    return user && user.active ? { user: toUserDTO(user), viewer: viewerOf(user) } : null;
  }

  async list(): Promise<TeamMemberDTO[]> {
    return (await this.models.User.find().sort({ createdAt: 1 })).map(toTeamMemberDTO);
  }

  async create(input: CreateUserRequest, actor: Actor): Promise<TeamMemberDTO> {
    const queueIds = await this.existingQueues(input.queueIds ?? []);
    let user: UserDoc;
    try {
      user = await this.models.User.create({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        queueIds,
        ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a user with email ${input.email} exists already`);
      throw error;
    }
    await this.audit.record(actor, {
      action: 'user.created',
      entity: { type: 'user', id: user.id, name: user.name },
      before: null,
      after: auditRecordOf(user),
    });
    return toTeamMemberDTO(user);
  }

  /**
   * Changes an account (name, role, access, password). The role or access is judged fresh on the user's next
   * request, and their live sockets move to the rooms of the new role at once (`user.access-changed`).
   */
  async update(id: string, input: UpdateUserRequest, actor: Actor): Promise<TeamMemberDTO> {
    const before = await this.models.User.findById(id);
    if (!before) throw notFound('user');
    await this.keepAnActiveAdmin(before, input);
    const { password, ...rest } = input;
    const set = { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    const user = await this.models.User.findByIdAndUpdate(id, { $set: set }, { new: true });
    if (!user) throw notFound('user');
    this.events.emit('user.access-changed', id);
    await this.audit.record(actor, {
      action: 'user.updated',
      entity: { type: 'user', id, name: user.name },
      before: auditRecordOf(before),
      // A new password is listed as a change; its value is never written anywhere but as a hash.
      after: { ...auditRecordOf(user), ...(password ? { password: HIDDEN } : {}) },
    });
    return toTeamMemberDTO(user);
  }

  /**
   * A new password made here and shown once to the admin, who passes it on; every session the user had ends
   * (their session generation moves on), so a reset also locks out whoever had the old password.
   */
  async resetPassword(id: string, actor: Actor): Promise<string> {
    const temporaryPassword = randomBytes(12).toString('base64url');
    const user = await this.models.User.findByIdAndUpdate(
      id,
      { $set: { passwordHash: await hashPassword(temporaryPassword) }, $inc: { sessionGeneration: 1 } },
      { new: true },
    );
    if (!user) throw notFound('user');
    this.events.emit('user.sessions-ended', id);
    await this.audit.record(actor, {
      action: 'user.password-reset',
      entity: { type: 'user', id, name: user.name },
      before: { password: null },
      after: { password: HIDDEN },
    });
    return temporaryPassword;
  }

  /**
   * Refuses to demote or deactivate the last active admin, naming the field: nobody could manage the team
   * again. Only that admin can be the one asking, since whoever asks is an active admin.
   */
  private async keepAnActiveAdmin(user: UserDoc, change: UpdateUserRequest): Promise<void> {
    if (user.role !== 'admin' || !user.active) return;
    const losing = [
      ...(change.role !== undefined && change.role !== 'admin' ? ['role'] : []),
      ...(change.active === false ? ['active'] : []),
    ];
    if (losing.length === 0) return;
    if ((await this.models.User.countDocuments({ _id: { $ne: user._id }, role: 'admin', active: true })) > 0) return;
    throw new AppError(
      'CONFLICT',
      `${user.name} is the last active admin: make someone else an admin before changing this`,
      losing.map((field) => ({ path: `body.${field}`, message: 'would leave the team without an active admin' })),
    );
  }

  private async existingQueues(ids: string[]): Promise<Types.ObjectId[]> {
    const wanted = [...new Set(ids)].map((id) => new Types.ObjectId(id));
    if ((await this.models.Queue.countDocuments({ _id: { $in: wanted } })) !== wanted.length)
      throw new AppError('VALIDATION_FAILED', 'some queueIds do not exist', [
        { path: 'body.queueIds', message: 'names a queue that does not exist' },
      ]);
    return wanted;
  }

  /** A user's own preferences (the interface language): nothing that changes what they may see. */
  async updateMe(id: string, input: UpdateMeRequest): Promise<UserDTO> {
    const user = await this.models.User.findByIdAndUpdate(id, { $set: { locale: input.locale } }, { new: true });
    if (!user) throw notFound('user');
    return toUserDTO(user);
  }
}

export const viewerOf = (user: UserDoc) =>
  new Viewer(user._id.toHexString(), user.role, user.channelIds, user.queueIds);
