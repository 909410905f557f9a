import { randomBytes, randomInt } from 'node:crypto';

export type MessageDirection = 'inbound' | 'outbound';

/**
 * Meta's wamids are `wamid.` + base64 of a small binary frame: the user's number, a direction
 * marker (0x12 for messages the user sent, 0x11 for messages the business sent) and an uppercase
 * hex id (20 chars inbound, 18 outbound). Reproducing the frame keeps ids the same length and
 * alphabet as production, so code that stores or indexes them meets realistic values.
 */
export function wamid(phoneOrUserId: string, direction: MessageDirection = 'inbound'): string {
  const owner = Buffer.from(phoneOrUserId.replace(/\D/g, '') || phoneOrUserId, 'ascii');
  const hexLength = direction === 'inbound' ? 20 : 18;
  const hex = Buffer.from(
    randomBytes(hexLength / 2)
      .toString('hex')
      .toUpperCase(),
    'ascii',
  );
  const frame = Buffer.concat([
    Buffer.from([0x1c, 0x18, owner.length]),
    owner,
    Buffer.from([0x15, 0x02, 0x00, direction === 'inbound' ? 0x12 : 0x11, 0x18, hex.length]),
    hex,
    Buffer.from([0x00]),
  ]);
  return `wamid.${frame.toString('base64')}`;
}

/** Graph object ids (media, conversations' numeric parts) are 15-16 digit decimal strings. */
export function graphObjectId(): string {
  return `${randomInt(1, 10)}${Array.from({ length: 15 }, () => randomInt(0, 10)).join('')}`;
}

/** Conversation ids in status webhooks are 32 lowercase hex chars. */
export function conversationId(): string {
  return randomBytes(16).toString('hex');
}

/** Graph error bodies carry an opaque trace id Meta support uses to find logs. */
export function fbtraceId(): string {
  return randomBytes(16).toString('base64url').slice(0, 23);
}

/** Calling-code prefixes of the markets the simulator uses, longest first so 351 beats 35. */
const COUNTRY_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['351', 'PT'],
  ['55', 'BR'],
  ['54', 'AR'],
  ['57', 'CO'],
  ['52', 'MX'],
  ['56', 'CL'],
  ['51', 'PE'],
  ['34', 'ES'],
  ['44', 'GB'],
  ['1', 'US'],
];

export function countryOfPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return COUNTRY_BY_PREFIX.find(([prefix]) => digits.startsWith(prefix))?.[1] ?? 'US';
}

/**
 * Business-scoped user id: ISO country code, a dot, then an opaque number
 * (Meta's example: `US.13491208655302741918`).
 */
export function bsuid(country = 'US'): string {
  return `${country}.${Array.from({ length: 20 }, (_, i) => randomInt(i === 0 ? 1 : 0, 10)).join('')}`;
}

/** Webhook timestamps are unix seconds as strings; a number given here is already in seconds. */
export function unixSeconds(at: Date | number | string = new Date()): string {
  if (typeof at === 'string') return at;
  return String(Math.floor(typeof at === 'number' ? at : at.getTime() / 1000));
}

/** Graph API ids for phone numbers are digits only: `+1 555-0100` becomes `15550100`. */
export function waIdOf(phone: string): string {
  return phone.replace(/\D/g, '');
}
