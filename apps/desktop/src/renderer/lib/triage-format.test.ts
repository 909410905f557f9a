import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index';
import { intentText } from './triage-format';

describe("an intent in the agent's words", () => {
  it('is named in each language, never by its key', () => {
    expect(intentText('payment_issue', i18n.getFixedT('en', 'context'))).toBe('Payment issue');
    expect(intentText('payment_issue', i18n.getFixedT('es', 'context'))).toBe('Problema de pago');
    expect(intentText('payment_issue', i18n.getFixedT('pt', 'context'))).toBe('Problema de pagamento');
  });

  it("one triage does not know (a bot's own, an admin's queue intent) stays as its author wrote it", () => {
    expect(intentText('billing', i18n.getFixedT('en', 'context'))).toBe('billing');
  });
});
