import type { CreateQueueRequest, QueueDTO } from '@switchboard/shared';
import type { z } from 'zod';
import type { UpdateQueueRequest } from '@switchboard/shared';
import { AppError, notFound } from '../lib/errors.js';
import { BusinessHoursError, parseBusinessHours } from './business-hours/business-hours.js';
import { isDuplicateKeyError, type Models } from '../models/index.js';
import type { QueueDoc } from '../models/queue.model.js';

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
    outOfHours: (q.outOfHours as QueueDTO['outOfHours'] | null) ?? { enabled: false, messages: {} },
    createdAt: q.createdAt.toISOString(),
  };
}

export class QueueService {
  constructor(private readonly models: Models) {}

  async create(input: CreateQueueRequest): Promise<QueueDTO> {
    checkBusinessHours(input.businessHours);
    try {
      return toQueueDTO(await this.models.Queue.create(input));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a queue named ${input.name} exists already`);
      throw error;
    }
  }

  async update(id: string, input: z.infer<typeof UpdateQueueRequest>): Promise<QueueDTO> {
    checkBusinessHours(input.businessHours);
    let queue: QueueDoc | null;
    try {
      queue = await this.models.Queue.findByIdAndUpdate(id, { $set: input }, { new: true });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', `a queue named ${input.name} exists already`);
      throw error;
    }
    if (!queue) throw notFound('queue');
    return toQueueDTO(queue);
  }

  all(): Promise<QueueDoc[]> {
    return this.models.Queue.find().sort({ createdAt: 1 });
  }

  /**
   * The queue for an intent and language: one that names both, else one that names the intent for any
   * language, else the fallback queue. Returns why, for the automation history.
   */
  async pick(intent: string | null, language: string | null): Promise<{ queue: QueueDoc; why: string } | null> {
    const queues = await this.all();
    const takesIntent = (q: QueueDoc) => intent !== null && q.intents.includes(intent);
    const takesLanguage = (q: QueueDoc) =>
      q.languages.length === 0 || (language !== null && q.languages.includes(language));
    const exact = queues.find((q) => takesIntent(q) && takesLanguage(q));
    if (exact) return { queue: exact, why: `${exact.name} takes ${intent} in ${language ?? 'any language'}` };
    const fallback = queues.find((q) => q.fallback && takesLanguage(q)) ?? queues.find((q) => q.fallback);
    if (fallback)
      return {
        queue: fallback,
        why: `no queue takes ${intent ?? 'this intent'} in ${language ?? 'this language'}; ${fallback.name} is the fallback`,
      };
    return null;
  }
}

/** Business hours are checked here, with the time-zone library the shared contract cannot carry. */
function checkBusinessHours(hours: unknown) {
  if (hours === undefined || hours === null) return;
  try {
    parseBusinessHours(hours);
  } catch (error) {
    if (!(error instanceof BusinessHoursError)) throw error;
    throw new AppError(
      'VALIDATION_FAILED',
      'businessHours is invalid',
      error.problems.map((message) => ({ path: 'body.businessHours', message })),
    );
  }
}
