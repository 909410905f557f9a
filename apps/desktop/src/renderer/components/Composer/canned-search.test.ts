import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../../contract/inbox-api';
import { conversation } from '../../store/test-support/fixtures';
import { fillCanned, matchingCanned } from './canned-search';

const reply = (id: string, fields: Partial<CannedReply>): CannedReply => ({
  id,
  scope: 'shared',
  language: 'en',
  shortcut: id,
  title: '',
  text: 'Hello',
  ...fields,
});

const replies = [
  reply('refund-status', { title: 'Where is my refund', text: 'Refunds take 5 days.' }),
  reply('shipping', { title: 'Shipping times', text: 'We ship in 2 days; refund on request.' }),
  reply('ref', { title: 'Reference', text: 'Your reference is {{entity.order_number}}' }),
  reply('gracias', { language: 'es', title: 'Gracias', text: '¡Gracias, {{contact.first_name}}!' }),
  reply('thanks-es', { language: 'es', shortcut: 'thanks', title: 'Gracias', text: '¡Gracias!' }),
  reply('thanks-en', { shortcut: 'thanks', title: 'Thanks', text: 'Thanks!' }),
  reply('thanks-mine', { scope: 'personal', shortcut: 'thanks', title: 'Thanks', text: 'Thanks a lot!' }),
];
const ids = (found: CannedReply[]) => found.map((r) => r.id);

describe('the / picker', () => {
  it('ranks an exact shortcut first, then shortcuts it begins, then titles, then texts that contain it', () => {
    expect(ids(matchingCanned(replies, 'ref', 'en'))).toEqual(['ref', 'refund-status', 'shipping']);
    expect(ids(matchingCanned(replies, 'shipping times', 'en'))).toEqual(['shipping']);
  });

  it('forgives a missing letter in a shortcut but not a scattered one in a long text', () => {
    expect(ids(matchingCanned(replies, 'shping', 'en'))).toEqual(['shipping']);
    expect(ids(matchingCanned(replies, 'rfd', 'en'))).toEqual(['refund-status']);
  });

  it("among equal matches offers the conversation's language first, and the agent's own before the team's", () => {
    expect(ids(matchingCanned(replies, 'thanks', 'es'))).toEqual(['thanks-es', 'thanks-mine', 'thanks-en']);
    expect(ids(matchingCanned(replies, 'thanks', 'en'))).toEqual(['thanks-mine', 'thanks-en', 'thanks-es']);
  });
});

describe('filling a canned reply in', () => {
  it("uses the customer's first name, the agent's name and the order number a bot collected", () => {
    const withOrder = conversation({
      name: 'Rita Moraes',
      handoff: {
        botId: 'b1',
        botName: 'Orders bot',
        reason: 'asked for a human',
        at: '2026-12-01T10:00:00.000Z',
        attributes: { pedido: 'ORD-48213' },
      },
    });
    const text = 'Hi {{contact.first_name}}, {{agent.first_name}} here: order {{entity.order_number}} ships today.';
    expect(fillCanned({ text }, withOrder, 'Ana Lima')).toEqual({
      text: 'Hi Rita, Ana here: order ORD-48213 ships today.',
      missing: [],
    });
  });

  it('leaves what it does not know for the agent to fill in, unless the reply gives a fallback', () => {
    const text = 'Hi {{contact.first_name | there}}, your order {{entity.order_number}}';
    expect(fillCanned({ text }, conversation({ name: '' }), 'Ana')).toEqual({
      text: 'Hi there, your order {{entity.order_number}}',
      missing: ['entity.order_number'],
    });
  });
});
