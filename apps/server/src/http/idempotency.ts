import { IdempotencyKey } from '@switchboard/shared';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { parseInput } from './validate.js';

const IdempotencyHeader = z.object({ 'idempotency-key': IdempotencyKey });

/** The client's Idempotency-Key header, required on every request that creates something. */
export function idempotencyKeyOf(req: Request, what: string): string {
  const key = req.get('idempotency-key');
  if (!key)
    throw new AppError(
      'VALIDATION_FAILED',
      `send an Idempotency-Key header: the same key sent again returns the same ${what}`,
    );
  return parseInput(IdempotencyHeader, { 'idempotency-key': key }, 'headers')['idempotency-key'];
}
