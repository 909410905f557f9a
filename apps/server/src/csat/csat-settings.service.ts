import type { CsatSettingsDTO, UpdateCsatSettingsRequest } from '@switchboard/shared';
import { Types } from 'mongoose';
import { notFound } from '../lib/errors.js';
import type { Models } from '../models/index.js';
import { DEFAULT_TEMPLATE, DEFAULT_WORDING } from './csat-wording.js';

/** Each channel's survey settings: off until an admin turns it on; the wording defaults per language. */
export class CsatSettingsService {
  constructor(private readonly models: Models) {}

  async get(channelId: string): Promise<CsatSettingsDTO> {
    // Hot path (a survey answer): by _id (an index lookup on both databases).
    if (!(await this.models.Channel.exists({ _id: channelId }))) throw notFound('channel');
    // Hot path: by _id.
    const stored = await this.models.CsatSettings.findById(channelId).lean();
    return {
      channelId,
      enabled: stored?.enabled ?? false,
      templateName: stored?.templateName ?? DEFAULT_TEMPLATE,
      wording: { ...DEFAULT_WORDING, ...((stored?.wording as Partial<CsatSettingsDTO['wording']>) ?? {}) },
    };
  }

  async update(channelId: string, change: UpdateCsatSettingsRequest): Promise<CsatSettingsDTO> {
    const current = await this.get(channelId);
    const next = {
      enabled: change.enabled ?? current.enabled,
      templateName: change.templateName ?? current.templateName,
      wording: { ...current.wording, ...change.wording },
    };
    await this.models.CsatSettings.updateOne({ _id: new Types.ObjectId(channelId) }, { $set: next }, { upsert: true });
    return { channelId, ...next };
  }
}
