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

/** pino's redact censor: called with the value and its path for every configured path present in a line. */
export function censorSensitive(value: unknown, path: string[]): unknown {
  const field = path.at(-1) ?? '';
  if (SECRET_FIELDS.has(field)) return '[redacted]';
  if (TEXT_FIELDS.has(field)) return typeof value === 'string' ? `[${value.length} chars]` : '[redacted]';
  if (typeof value === 'string') return maskPhonesIn(value);
  if (typeof value === 'number') return maskPhonesIn(String(value));
  return '[redacted]';
}

const FIELDS = [...TEXT_FIELDS, ...SECRET_FIELDS, 'url', 'path', 'phone', 'waId', 'wa_id', 'from', 'to', 'recipient_id', 'newWaId', 'display_phone_number'];

/** The paths pino redacts: top level and two levels down (`content.body`, `message.content.body`). */
export const REDACT_PATHS = FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
