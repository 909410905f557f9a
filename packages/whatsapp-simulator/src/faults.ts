import { z } from 'zod';
import { META_ERROR_CODES, type MetaErrorCode } from './meta-errors.js';
import { seededRandom } from './random.js';

const count = z.number().int().min(1).max(10_000);

/**
 * Failure injection for the send endpoint. Every mode except latency and the random rate is a
 * count of upcoming requests, consumed in order, so a test knows exactly which call fails.
 */
export const faultSettingsSchema = z.object({
  /** Added before every answer of the send endpoint. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** Answer the next `count` sends with a bare HTTP 5xx (Graph transient error body). */
  httpError: z.object({ count, status: z.number().int().min(500).max(599).default(503) }).optional(),
  /** Answer the next `count` sends with a Cloud API error, using Meta's HTTP status for the code. */
  metaError: z
    .object({
      count,
      code: z.number().refine((c): c is MetaErrorCode => (META_ERROR_CODES as number[]).includes(c), {
        message: `code must be one of ${META_ERROR_CODES.join(', ')}`,
      }),
      details: z.string().optional(),
      subcode: z.number().int().optional(),
    })
    .optional(),
  /** Accept the next `count` sends, then report them with a `failed` status webhook. */
  failedStatus: z.object({ count, code: z.number().int(), details: z.string().optional() }).optional(),
  /** Accept the next `count` sends but never answer; the socket is cut after `maxMs`. */
  hang: z.object({ count, maxMs: z.number().int().min(1).max(120_000).default(15_000) }).optional(),
  /** Destroy the connection of the next `count` sends without processing them. */
  dropConnection: z.object({ count }).optional(),
  /** Fail this fraction of sends with HTTP 500, from a seeded generator so runs repeat. */
  randomFailure: z
    .object({
      rate: z.number().min(0).max(1),
      seed: z.number().int().default(1),
      status: z.number().int().min(500).max(599).default(500),
    })
    .optional(),
});

export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;
export type FaultSettings = z.output<typeof faultSettingsSchema>;

export type FaultDecision =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'hang'; maxMs: number }
  | { kind: 'http-error'; status: number }
  | { kind: 'meta-error'; code: MetaErrorCode; details?: string; subcode?: number };

type Counted = 'httpError' | 'metaError' | 'failedStatus' | 'hang' | 'dropConnection';

export class FaultController {
  private settings: FaultSettings = {};
  private random: (() => number) | undefined;

  /** Merges: each given mode replaces that mode only. Throws on invalid settings. */
  set(input: FaultSettingsInput): FaultSettings {
    const parsed = faultSettingsSchema.parse(input);
    this.settings = { ...this.settings, ...parsed };
    if (parsed.randomFailure) this.random = seededRandom(parsed.randomFailure.seed);
    return this.current;
  }

  clear(): void {
    this.settings = {};
    this.random = undefined;
  }

  /** What is still armed, with remaining counts. */
  get current(): FaultSettings {
    return structuredClone(this.settings);
  }

  get latencyMs(): number {
    return this.settings.latencyMs ?? 0;
  }

  private consume<K extends Counted>(key: K): NonNullable<FaultSettings[K]> | undefined {
    const mode = this.settings[key];
    if (!mode) return undefined;
    const next = { ...this.settings };
    if (mode.count > 1) next[key] = { ...mode, count: mode.count - 1 } as FaultSettings[K];
    else delete next[key];
    this.settings = next;
    return mode as NonNullable<FaultSettings[K]>;
  }

  /** Decides the fate of one send request; connection faults win over error answers. */
  nextRequest(): FaultDecision {
    if (this.consume('dropConnection')) return { kind: 'drop' };
    const hang = this.consume('hang');
    if (hang) return { kind: 'hang', maxMs: hang.maxMs };
    const httpError = this.consume('httpError');
    if (httpError) return { kind: 'http-error', status: httpError.status };
    const metaError = this.consume('metaError');
    if (metaError) {
      return {
        kind: 'meta-error',
        code: metaError.code as MetaErrorCode,
        ...(metaError.details === undefined ? {} : { details: metaError.details }),
        ...(metaError.subcode === undefined ? {} : { subcode: metaError.subcode }),
      };
    }
    const random = this.settings.randomFailure;
    if (random && this.random && this.random() < random.rate) return { kind: 'http-error', status: random.status };
    return { kind: 'pass' };
  }

  /** For an accepted send: the error its status webhook should report, if one is armed. */
  nextDeliveryFailure(): { code: number; details?: string } | undefined {
    const failure = this.consume('failedStatus');
    if (!failure) return undefined;
    return { code: failure.code, ...(failure.details === undefined ? {} : { details: failure.details }) };
  }
}
