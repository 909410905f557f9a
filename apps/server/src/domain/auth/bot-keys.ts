import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BotDTO } from '@switchboard/shared';
import { Types } from 'mongoose';
import { AppError, notFound } from '../../lib/errors.js';
import type { Models } from '../../models/index.js';
import type { BotDoc } from '../../models/bot.model.js';

const KEY_FORMAT = /^sbk_([a-f0-9]{24})_([A-Za-z0-9_-]{43})$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest();

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
  constructor(private readonly models: Models) {}

  async create(name: string): Promise<{ bot: BotDTO; apiKey: string }> {
    const _id = new Types.ObjectId();
    const secret = randomBytes(32).toString('base64url');
    const bot = await this.models.Bot.create({ _id, name, keyHash: hashOf(secret).toString('hex') });
    return { bot: toBotDTO(bot), apiKey: `sbk_${_id.toHexString()}_${secret}` };
  }

  async list(): Promise<BotDTO[]> {
    return (await this.models.Bot.find().sort({ createdAt: 1 })).map(toBotDTO);
  }

  async setActive(id: string, active: boolean): Promise<BotDTO> {
    const bot = await this.models.Bot.findByIdAndUpdate(id, { $set: { active } }, { new: true });
    if (!bot) throw notFound('bot');
    return toBotDTO(bot);
  }

  async authenticate(key: string | undefined): Promise<BotDoc> {
    const match = key?.match(KEY_FORMAT);
    const bot = match ? await this.models.Bot.findById(match[1]) : null;
    const ok = bot !== null && bot.active && timingSafeEqual(Buffer.from(bot.keyHash, 'hex'), hashOf(match![2]!));
    if (!ok) throw new AppError('UNAUTHENTICATED', 'send a valid bot API key as Authorization: Bearer sbk_…');
    return bot;
  }
}
