import { describeIssues } from '@switchboard/shared';
import type { z } from 'zod';
import { AppError } from '../lib/errors.js';

/** Parses input at the boundary with a shared schema; a bad value is refused naming each field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params' | 'headers',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the request ${where} is invalid`,
      describeIssues(result.error.issues).map((i) => ({ ...i, path: `${where}.${i.path}` })),
    );
  }
  return result.data;
}
