import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPriorityRules, loadPriorityRules, PriorityRulesError, type PriorityInput } from './priority-rules.js';

const rules = loadPriorityRules();

const input = (over: Partial<PriorityInput> = {}): PriorityInput => ({
  intent: 'order_status',
  confidence: 0.9,
  sentiment: 0,
  text: 'where is my order',
  contact: {},
  waitingMinutes: 0,
  ...over,
});

const decide = (over: Partial<PriorityInput>) => rules.evaluatePriority(input(over));
const ids = (over: Partial<PriorityInput>) => decide(over).matchedRules.map((r) => r.id);

describe('default priority rules', () => {
  it('leaves an ordinary question at normal, with no rule to show', () => {
    expect(decide({})).toEqual({ priority: 'normal', matchedRules: [] });
  });

  it('makes a payment problem high, and says so in words an agent reads', () => {
    expect(decide({ intent: 'payment_issue', text: 'card declined' })).toEqual({
      priority: 'high',
      matchedRules: [
        {
          id: 'payment-is-high-risk',
          description: 'Payment problem: high risk, at least high priority',
          effect: 'set to high',
        },
      ],
    });
  });

  it('makes a refund of 500 or more high, read from the amount the message names', () => {
    const amount = (value: number, currency: string | null) => ({
      kind: 'amount' as const,
      text: String(value),
      value,
      currency,
    });
    expect(ids({ intent: 'refund_request', entities: [amount(1249, 'USD')] })).toEqual(['large-refund']);
    expect(decide({ intent: 'refund_request', entities: [amount(1249, 'USD')] }).priority).toBe('high');
    expect(decide({ intent: 'refund_request', entities: [amount(89.99, 'EUR')] }).priority).toBe('normal');
    expect(decide({ intent: 'order_status', entities: [amount(5000, null)] }).priority).toBe('normal');
  });

  it('lets a rule ask for an amount in one currency, or for any entity of a kind', () => {
    const custom = createPriorityRules(
      {
        rules: [
          {
            id: 'brl',
            description: 'big in reais',
            when: { amountAtLeast: { value: 100, currency: 'BRL' } },
            then: { set: 'urgent' },
          },
          { id: 'doc', description: 'names a document', when: { entityAny: ['document_kind'] }, then: { set: 'low' } },
        ],
      },
      'test',
    );
    const brl = [{ kind: 'amount' as const, text: 'R$ 150', value: 150, currency: 'BRL' }];
    const eur = [{ kind: 'amount' as const, text: '150€', value: 150, currency: 'EUR' }];
    expect(custom.evaluatePriority(input({ entities: brl })).priority).toBe('urgent');
    expect(custom.evaluatePriority(input({ entities: eur })).priority).toBe('normal');
    const doc = [{ kind: 'document_kind' as const, text: 'recibo', value: 'receipt' as const }];
    expect(custom.evaluatePriority(input({ entities: doc })).priority).toBe('low');
  });

  it('makes a complaint high only when it is angry', () => {
    expect(decide({ intent: 'complaint', sentiment: -0.6 }).priority).toBe('high');
    expect(decide({ intent: 'complaint', sentiment: -0.2 }).priority).toBe('normal');
    expect(decide({ intent: 'order_status', sentiment: -0.9 }).priority).toBe('normal');
  });

  it.each([
    'The app is down, total OUTAGE',
    'el sitio está caído',
    'la pagina esta caida',
    'o site está fora do ar',
    'COBRANCA DUPLICADA no cartão',
    'this looks like fraud',
  ])('makes "%s" urgent', (text) => {
    expect(decide({ text })).toMatchObject({
      priority: 'urgent',
      matchedRules: [{ id: 'outage-or-fraud', effect: 'set to urgent' }],
    });
  });

  it('matches keywords as whole words only', () => {
    expect(decide({ text: 'do not defraud me' }).priority).toBe('normal');
    expect(decide({ text: 'the ar is fora' }).priority).toBe('normal');
  });

  it('raises a VIP one step, whatever the case of the tier', () => {
    expect(decide({ contact: { tier: 'VIP' } })).toMatchObject({
      priority: 'high',
      matchedRules: [{ id: 'vip-customer', effect: 'raised 1 step' }],
    });
    expect(decide({ contact: { tier: 'gold' } }).priority).toBe('normal');
    expect(decide({ contact: { tier: null } }).priority).toBe('normal');
  });

  it('raises a customer waiting 30 minutes or more one step', () => {
    expect(decide({ waitingMinutes: 30 }).priority).toBe('high');
    expect(decide({ waitingMinutes: 29 }).priority).toBe('normal');
  });

  it('puts greetings and opt-outs at low', () => {
    expect(decide({ intent: 'greeting', text: 'hi' }).priority).toBe('low');
    expect(decide({ intent: 'opt_out', text: 'STOP' }).priority).toBe('low');
  });

  it('combines: the highest set wins, then raises add up to urgent', () => {
    expect(decide({ intent: 'payment_issue', contact: { tier: 'vip' } }).priority).toBe('urgent');
    expect(ids({ intent: 'payment_issue', contact: { tier: 'vip' }, waitingMinutes: 90 })).toEqual([
      'payment-is-high-risk',
      'vip-customer',
      'long-wait',
    ]);
    expect(decide({ intent: 'payment_issue', contact: { tier: 'vip' }, waitingMinutes: 90 }).priority).toBe('urgent');
    expect(decide({ intent: 'greeting', text: 'hi, your app is down' }).priority).toBe('urgent');
    expect(decide({ intent: 'greeting', text: 'hello?', waitingMinutes: 45 }).priority).toBe('normal');
  });
});

describe('rules file', () => {
  const rule = (over: Record<string, unknown>) => ({
    id: 'r1',
    description: 'A rule',
    when: { intentIn: ['complaint'] },
    then: { set: 'high' },
    ...over,
  });
  const problems = (json: unknown) => {
    try {
      createPriorityRules(json, 'test.json');
    } catch (error) {
      return (error as PriorityRulesError).problems;
    }
    return [];
  };

  it('matches contact attributes by name, any of a list', () => {
    const custom = createPriorityRules(
      { rules: [rule({ when: { contact: { plan: ['enterprise', 'business'] } }, then: { raise: 2 } })] },
      'test.json',
    );
    expect(custom.evaluatePriority(input({ contact: { attributes: { plan: 'Business' } } }))).toMatchObject({
      priority: 'urgent',
      matchedRules: [{ effect: 'raised 2 steps' }],
    });
    expect(custom.evaluatePriority(input({ contact: { attributes: { plan: 'free' } } })).priority).toBe('normal');
  });

  it('names the rule and the field of every problem', () => {
    expect(
      problems({
        rules: [
          rule({ id: 'typo', when: { intentIn: ['complaint'], sentimentBellow: -0.3 } }),
          rule({ id: 'bad-intent', when: { intentIn: ['refunds'] } }),
          rule({ id: 'no-conditions', when: {} }),
          rule({ id: 'bad-then', then: { set: 'critical' } }),
          rule({ id: 'r1' }),
          rule({ id: 'r1' }),
          { description: 'no id', when: { waitingMinutesAtLeast: 5 }, then: { raise: 1 } },
        ],
      }),
    ).toEqual([
      expect.stringMatching(/^rule "typo" \(rules\[0\]\): when: .*sentimentBellow/),
      expect.stringMatching(/^rule "bad-intent" \(rules\[1\]\): when\.intentIn\.0: /),
      'rule "no-conditions" (rules[2]): when: needs at least one condition',
      expect.stringMatching(/^rule "bad-then" \(rules\[3\]\): then: /),
      'rule "r1" (rules[5]): id: is used by an earlier rule',
      expect.stringMatching(/^rules\[6\]: id: /),
    ]);
  });

  it('refuses a file that is not a rules list', () => {
    expect(problems([])).toEqual(['must be an object with a "rules" list']);
  });

  describe('PRIORITY_RULES_FILE', () => {
    afterEach(() => {
      delete process.env.PRIORITY_RULES_FILE;
    });

    it('points the loader at another file, whose errors name it', async () => {
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'rules-')), 'rules.json');
      await writeFile(file, JSON.stringify({ rules: [rule({ id: 'only', then: { set: 'urgent' } })] }));
      process.env.PRIORITY_RULES_FILE = file;
      expect(loadPriorityRules().evaluatePriority(input({ intent: 'complaint' })).priority).toBe('urgent');
      await writeFile(file, '{ not json');
      expect(() => loadPriorityRules()).toThrow(`Invalid priority rules in ${file}`);
    });
  });
});
