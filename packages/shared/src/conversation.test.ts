import { describe, expect, it } from 'vitest';
import { LabelsRequest } from './conversation.js';

describe('conversation labels', () => {
  it('accepts the words agents write in English, Spanish and Portuguese, trimmed', () => {
    const parsed = LabelsRequest.parse({
      labels: [' VIP ', 'reembolso pendiente', 'pagamento não recebido', 'order_4411-b'],
    });
    expect(parsed.labels).toEqual(['VIP', 'reembolso pendiente', 'pagamento não recebido', 'order_4411-b']);
  });

  it('refuses markup, operators and empty labels, naming the rule', () => {
    for (const label of ['<b>x</b>', '$where', '   ', 'a'.repeat(41)]) {
      const result = LabelsRequest.safeParse({ labels: [label] });
      expect(result.success, label).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/label/);
    }
  });
});
