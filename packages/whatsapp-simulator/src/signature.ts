import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs every webhook POST with HMAC-SHA256 of the exact raw body, keyed by the app secret,
 * and sends it as `X-Hub-Signature-256: sha256=<hex>`. The raw bytes matter: re-serialised JSON
 * would not match, which is why receivers must verify before parsing.
 */
export function signWebhookBody(rawBody: string | Buffer, appSecret: string): string {
  const digest = createHmac('sha256', appSecret).update(rawBody).digest('hex');
  return `sha256=${digest}`;
}

/** Constant-time check, so a receiver built on this cannot leak the signature byte by byte. */
export function verifyWebhookSignature(
  rawBody: string | Buffer,
  appSecret: string,
  header: string | undefined,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, appSecret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
