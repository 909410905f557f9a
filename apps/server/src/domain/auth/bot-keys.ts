import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BotDTO, CreateBotResponse } from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../../lib/errors.js';
import type { Models } from '../../models/index.js';
import type { BotDoc } from '../../models/bot.model.js';
import type { Actor, AuditLog } from '../audit-log.js';

const KEY_FORMAT = /^sbk_([a-f0-9]{24})_([A-Za-z0-9_-]{43})$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');
const keyOf = (id: Types.ObjectId, secret: string) => `sbk_${id.toHexString()}_${secret}`;

export const toBotDTO = (b: BotDoc): BotDTO => ({
  id: b._id.toHexString(),
  name: b.name,
  active: b.active,
  keyCreatedAt: (b.keyCreatedAt ?? b.createdAt).toISOString(),
  createdAt: b.createdAt.toISOString(),
});

/**
 * Bot credentials: `sbk_<bot id>_<secret>`. The id finds the bot with one lookup; the secret (256 random
 * bits, so a plain SHA-256 is enough) is compared in constant time against the stored hash.
 */
export class BotKeys {
  constructor(
    private readonly models: Models,
    private readonly audit: AuditLog,
  ) {}

  async create(name: string, actor: Actor): Promise<CreateBotResponse> {
    const _id = new Types.ObjectId();
    const secret = newSecret();
    const bot = await this.models.Bot.create({ _id, name, keyHash: hashOf(secret), keyCreatedAt: new Date() });
    await this.record(actor, 'bot.created', null, bot);
    return { bot: toBotDTO(bot), apiKey: keyOf(_id, secret) };
  }

  async list(): Promise<BotDTO[]> {
    return (await this.models.Bot.find().sort({ createdAt: 1 })).map(toBotDTO);
  }

  /** Revokes (false) or restores (true) the bot's key. */
  async setActive(id: string, active: boolean, actor: Actor): Promise<BotDTO> {
    const before = await this.models.Bot.findByIdAndUpdate(id, { $set: { active } });
    if (!before) throw notFound('bot');
    const bot = await this.models.Bot.findById(id).orFail();
    await this.record(actor, active ? 'bot.restored' : 'bot.revoked', before, bot);
    return toBotDTO(bot);
  }

  /** A new key, shown once; the old one stops working at once. */
  async rotate(id: string, actor: Actor): Promise<CreateBotResponse> {
    const secret = newSecret();
    const before = await this.models.Bot.findByIdAndUpdate(id, {
      $set: { keyHash: hashOf(secret), keyCreatedAt: new Date() },
    });
    if (!before) throw notFound('bot');
    const bot = await this.models.Bot.findById(id).orFail();
    await this.record(actor, 'bot.rotated', before, bot);
    return { bot: toBotDTO(bot), apiKey: keyOf(bot._id, secret) };
  }

  private record(actor: Actor, action: string, before: BotDoc | null, after: BotDoc) {
    const recordOf = (b: BotDoc) => ({ name: b.name, active: b.active, keyCreatedAt: toBotDTO(b).keyCreatedAt });
    return this.audit.record(actor, {
      action,
      entity: { type: 'bot', id: after.id, name: after.name },
      before: before ? recordOf(before) : null,
      after: recordOf(after),
    });
  }

  async authenticate(key: string | undefined): Promise<BotDoc> {
    const match = key?.match(KEY_FORMAT);
    const bot = match ? await this.models.Bot.findById(match[1]) : null;
    const ok =
      bot !== null &&
      bot.active &&
      timingSafeEqual(Buffer.from(bot.keyHash, 'hex'), Buffer.from(hashOf(match![2]!), 'hex'));
    if (!ok) throw new AppError('UNAUTHENTICATED', 'send a valid bot API key as Authorization: Bearer sbk_…');
    return bot;
  }
}
