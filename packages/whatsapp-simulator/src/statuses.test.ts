import { describe, expect, it } from 'vitest';
import { envelope } from './envelope.js';
import { status } from './statuses.js';

describe('status builders', () => {
  const base = { id: 'wamid.out', recipientId: '+1 650 555 1234', timestamp: 1_700_000_000 };

  it('report sent with conversation expiry and per-message pricing', () => {
    expect(status.sent(base)).toEqual({
      id: 'wamid.out',
      status: 'sent',
      timestamp: '1700000000',
      recipient_id: '16505551234',
      conversation: {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        expiration_timestamp: expect.any(String),
        origin: { type: 'service' },
      },
      pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
    });
  });

  it('price template categories as billable regular messages', () => {
    expect(status.delivered({ ...base, category: 'utility' }).pricing).toEqual({
      billable: true,
      pricing_model: 'PMP',
      category: 'utility',
      type: 'regular',
    });
    expect(status.delivered(base).conversation).not.toHaveProperty('expiration_timestamp');
  });

  it('report read without billing objects and failed with Meta errors', () => {
    expect(status.read(base)).toEqual({
      id: 'wamid.out',
      status: 'read',
      timestamp: '1700000000',
      recipient_id: '16505551234',
    });
    const failed = status.failed({ ...base, code: 131047 });
    expect(failed).not.toHaveProperty('pricing');
    expect(failed.errors).toEqual([
      {
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        error_data: { details: expect.stringContaining('24 hours') },
        href: expect.any(String),
      },
    ]);
  });

  it('address BSUID recipients by recipient_user_id and batch many statuses in one envelope', () => {
    const bsuidStatus = status.sent({ id: 'wamid.b', recipientUserId: 'US.13491208655302741918' });
    expect(bsuidStatus).not.toHaveProperty('recipient_id');
    expect(bsuidStatus.recipient_user_id).toBe('US.13491208655302741918');
    const statuses = Array.from({ length: 250 }, (_, i) => status.delivered({ id: `wamid.${i}`, recipientId: '1650' }));
    expect(envelope({ statuses }).entry[0]?.changes[0]?.value.statuses).toHaveLength(250);
  });
});
