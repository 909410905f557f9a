import { z } from 'zod';
import { AppError } from './errors.js';

const Position = z.object({
  at: z.iso.datetime(),
  /** A tie-break between items of the same `at` (messages of one second: when each arrived). */
  arrived: z.iso.datetime().optional(),
  id: z.string().regex(/^[a-f0-9]{24}$/),
});
export type Position = z.infer<typeof Position>;

/** Opaque to clients: where the previous page ended. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION_FAILED', 'cursor is not one this server gave out', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  }
}
