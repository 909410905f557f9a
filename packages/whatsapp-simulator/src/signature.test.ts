import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './signature.js';

describe('signWebhookBody', () => {
  it('matches the RFC 4231 HMAC-SHA256 test vector in the X-Hub-Signature-256 format', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(signWebhookBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs the raw bytes, so a Buffer and its string agree and re-serialised JSON does not', () => {
    const raw = '{"object":"whatsapp_business_account",  "entry":[]}';
    expect(signWebhookBody(Buffer.from(raw), 's3cret')).toBe(signWebhookBody(raw, 's3cret'));
    expect(signWebhookBody(JSON.stringify(JSON.parse(raw)), 's3cret')).not.toBe(signWebhookBody(raw, 's3cret'));
  });

  it('verifies only an untouched body signed with the same secret', () => {
    const header = signWebhookBody('{"a":1}', 'app-secret');
    expect(verifyWebhookSignature('{"a":1}', 'app-secret', header)).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', 'app-secret', header)).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', 'other-secret', header)).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', 'app-secret', undefined)).toBe(false);
  });
});
