/**
 * Keeps customers' phone numbers and message text out of logs: numbers keep their country code and last
 * four digits (enough to tell two apart when debugging), texts become their length.
 */

/** 8 to 15 digits, optionally after a +, standing alone (not inside a hex id or a longer word). */
const PHONE_LIKE = /(?<![\w+])\+?\d{8,15}(?!\w)/g;

export function maskPhone(value: string): string {
  const plus = value.startsWith('+') ? '+' : '';
  const digits = plus ? value.slice(1) : value;
  return `${plus}${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}

/** Masks every phone-like run in free text (error messages, URLs). */
export const maskPhonesIn = (text: string): string => text.replace(PHONE_LIKE, maskPhone);

const TEXT_FIELDS = new Set(['body', 'text', 'caption', 'rawBody', 'preview', 'lastMessagePreview']);
const SECRET_FIELDS = new Set(['password', 'authorization', 'token', 'accessToken']);
const SENSITIVE_FIELDS = new Set([
  ...TEXT_FIELDS,
  ...SECRET_FIELDS,
  'url',
  'path',
  'phone',
  'waId',
  'wa_id',
  'from',
  'to',
  'recipient_id',
  'newWaId',
  'display_phone_number',
]);

/** Sensitive fields are looked for at the top of a line and two levels down (`content.body`, `message.content.body`). */
const DEEPEST = 2;

/** What a sensitive field is logged as. */
export function censorSensitive(value: unknown, field: string): unknown {
  if (SECRET_FIELDS.has(field)) return '[redacted]';
  if (TEXT_FIELDS.has(field)) return typeof value === 'string' ? `[${value.length} chars]` : '[redacted]';
  if (typeof value === 'string') return maskPhonesIn(value);
  if (typeof value === 'number') return maskPhonesIn(String(value));
  return '[redacted]';
}

/**
 * A log line's fields with every sensitive one censored, in one pass. Objects with nothing to censor are
 * shared, never changed: the caller's objects stay as they were. A value that says how it is written as JSON
 * (`toJSON`: documents, ids) is looked at as it will be written.
 */
export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Date || ArrayBuffer.isView(value)) return value;
  const written =
    typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (written !== value) return redactValue(written, depth);
  return Array.isArray(value) ? redactArray(value, depth) : redactObject(value as Record<string, unknown>, depth);
}

function redactObject(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value === undefined) continue;
    const logged = SENSITIVE_FIELDS.has(key)
      ? censorSensitive(value, key)
      : depth < DEEPEST
        ? redactValue(value, depth + 1)
        : value;
    if (logged === value) continue;
    copy ??= { ...object };
    copy[key] = logged;
  }
  return copy ?? object;
}

function redactArray(array: unknown[], depth: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const logged = depth < DEEPEST ? redactValue(array[i], depth + 1) : array[i];
    if (logged === array[i]) continue;
    copy ??= [...array];
    copy[i] = logged;
  }
  return copy ?? array;
}
