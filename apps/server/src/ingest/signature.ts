import { createHmac, timingSafeEqual } from 'node:crypto';

/** Checks Meta's X-Hub-Signature-256 (HMAC-SHA256 of the raw bytes) in constant time. */
export function isValidSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
