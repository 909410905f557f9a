import type { CreateUserRequest, LoginRequest, LoginResponse, UpdateUserRequest, UserDTO } from '@switchboard/shared';
import { hashPassword, passwordMatches } from './auth/password.js';
import type { TokenService } from './auth/token.js';
import { AppError, notFound } from '../lib/errors.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import { toUserDTO } from '../models/to-dto.js';
import type { UserDoc } from '../models/user.model.js';
import type { DomainEvents } from './domain-events.js';
import { Viewer } from './viewer.js';

export class UserService {
  constructor(
    private readonly models: Models,
    private readonly tokens: TokenService,
    private readonly events: DomainEvents,
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
    const { token, expiresAt } = await this.tokens.issue(user._id.toHexString());
    return { token, expiresAt: expiresAt.toISOString(), user: toUserDTO(user) };
  }

  /** Who a token belongs to, read fresh: a deactivated user or a changed role takes effect at once. */
  async authenticate(token: string): Promise<{ user: UserDTO; viewer: Viewer }> {
    let userId: string;
    try {
      ({ userId } = await this.tokens.verify(token));
    } catch {
      throw new AppError('UNAUTHENTICATED', 'the token is invalid or expired; log in again');
    }
    const user = await this.models.User.findById(userId);
    if (!user || !user.active) throw new AppError('UNAUTHENTICATED', 'the account is unknown or deactivated');
    return { user: toUserDTO(user), viewer: viewerOf(user) };
  }

  async viewerFor(userId: string): Promise<Viewer | null> {
    const user = await this.models.User.findById(userId);
    return user && user.active ? viewerOf(user) : null;
  }

  async list(): Promise<UserDTO[]> {
    return (await this.models.User.find().sort({ createdAt: 1 })).map(toUserDTO);
  }

  async create(input: CreateUserRequest): Promise<UserDTO> {
    try {
      const user = await this.models.User.create({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      });
      return toUserDTO(user);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a user with email ${input.email} exists already`);
      throw error;
    }
  }

  async update(id: string, input: UpdateUserRequest): Promise<UserDTO> {
    const { password, ...rest } = input;
    const set = { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    const user = await this.models.User.findByIdAndUpdate(id, { $set: set }, { new: true });
    if (!user) throw notFound('user');
    this.events.emit('user.access-changed', id);
    return toUserDTO(user);
  }
}

export const viewerOf = (user: UserDoc) =>
  new Viewer(user._id.toHexString(), user.role, user.channelIds, user.queueIds);
