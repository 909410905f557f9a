import { describe, expect, it } from 'vitest';
import type { OutboxRequest } from '../../contract/inbox-api';
import { failedActionsOf } from './failed-actions';

const text: OutboxRequest = { type: 'text', body: 'Your refund is on its way' };
const template: OutboxRequest = {
  type: 'template',
  template: { name: 'delivery_slot', language: 'en_US', parameters: { customer_name: 'João' } },
};

describe('what a failed send offers', () => {
  it('a refused reply offers Retry and Discard; a refused template Edit as well', () => {
    expect(failedActionsOf({ resend: text, errorCode: 'OUTSIDE_WINDOW', optedOut: false })).toEqual([
      'retry',
      'discard',
    ]);
    expect(failedActionsOf({ resend: template, errorCode: 'TEMPLATE_PARAMETERS_INVALID', optedOut: false })).toEqual([
      'retry',
      'edit',
      'discard',
    ]);
  });

  it('a reply refused because the customer opted out never offers Retry: it could not succeed', () => {
    expect(failedActionsOf({ resend: text, errorCode: 'OPTED_OUT', optedOut: false })).toEqual(['discard']);
    expect(failedActionsOf({ resend: template, errorCode: 'OPTED_OUT', optedOut: true })).toEqual(['edit', 'discard']);
  });

  it('while the customer is opted out, a message WhatsApp did not deliver is not offered again either', () => {
    expect(failedActionsOf({ resend: template, errorCode: null, optedOut: true })).toEqual(['edit', 'discard']);
    expect(failedActionsOf({ resend: template, errorCode: null, optedOut: false })).toEqual([
      'retry',
      'edit',
      'discard',
    ]);
  });

  it('a failed message the inbox cannot rebuild can still be discarded', () => {
    expect(failedActionsOf({ resend: null, errorCode: null, optedOut: false })).toEqual(['discard']);
  });
});
