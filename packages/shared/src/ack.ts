import type { ErrorBody } from './errors.js';

/** The answer to every socket command: a discriminated union, so a client cannot forget the failure case. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function ackOk<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function ackError<T = never>(error: ErrorBody): Ack<T> {
  return { ok: false, error };
}
