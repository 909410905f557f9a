import { describe, expect, it } from 'vitest';
import { parseBusinessHours } from '../routing/index.js';
import {
  computeSlaTargets,
  escalationSchedule,
  slaStatus,
  timeLeftMs,
  type ConversationMoments,
  type SlaClockInput,
} from './sla-clock.js';
import type { EscalationStep, SlaPolicy, SlaPolicySet } from './sla-policies.js';

const at = (iso: string) => new Date(iso);
const ladder: EscalationStep[] = [
  { afterBreachMinutes: 0, action: 'notify_agent' },
  { afterBreachMinutes: 5, action: 'raise_priority' },
  { afterBreachMinutes: 10, action: 'reassign' },
  { afterBreachMinutes: 15, action: 'notify_supervisors' },
];
const policy = (first: number, next: number, resolution: number, warnAtPercent = 80): SlaPolicy => ({
  firstResponseMinutes: first,
  nextResponseMinutes: next,
  resolutionMinutes: resolution,
  warnAtPercent,
  escalation: ladder,
});
const policies: SlaPolicySet = {
  urgent: policy(5, 5, 240),
  high: policy(15, 8, 480),
  normal: policy(60, 30, 1440),
  low: policy(240, 120, 4320),
};

const opened: ConversationMoments = {
  conversationStartedAt: at('2025-03-17T10:00:00Z'),
  firstResponseAt: null,
  lastCustomerMessageAt: at('2025-03-17T10:00:00Z'),
  lastAgentReplyAt: null,
  resolvedAt: null,
};
const answered: ConversationMoments = {
  ...opened,
  firstResponseAt: at('2025-03-17T10:20:00Z'),
  lastAgentReplyAt: at('2025-03-17T10:20:00Z'),
};
const targets = (moments: ConversationMoments, input: Partial<SlaClockInput> = {}) =>
  computeSlaTargets({ policies, priority: 'normal', moments, ...input });

describe('computeSlaTargets', () => {
  it('runs first response and resolution until an agent replies', () => {
    expect(targets(opened)).toEqual([
      {
        kind: 'first_response',
        startedAt: at('2025-03-17T10:00:00Z'),
        warnAt: at('2025-03-17T10:48:00Z'),
        dueAt: at('2025-03-17T11:00:00Z'),
      },
      {
        kind: 'resolution',
        startedAt: at('2025-03-17T10:00:00Z'),
        warnAt: at('2025-03-18T05:12:00Z'),
        dueAt: at('2025-03-18T10:00:00Z'),
      },
    ]);
  });

  it('uses the deadlines of the conversation priority', () => {
    expect(targets(opened, { priority: 'urgent' })[0]).toMatchObject({
      kind: 'first_response',
      dueAt: at('2025-03-17T10:05:00Z'),
    });
  });

  it('warns at the configured percent of the time', () => {
    const halfway = { ...policies, normal: policy(60, 30, 1440, 50) };
    expect(targets(opened, { policies: halfway })[0]?.warnAt).toEqual(at('2025-03-17T10:30:00Z'));
    expect(
      computeSlaTargets({
        policies,
        priority: 'high',
        moments: { ...answered, lastCustomerMessageAt: at('2025-03-17T10:30:00Z') },
      })[0]?.warnAt,
    ).toEqual(at('2025-03-17T10:36:24Z')); // 80% of 8 minutes is 6 min 24 s
  });

  it('leaves only resolution running once an agent has replied and the customer has not written since', () => {
    expect(targets(answered).map((t) => t.kind)).toEqual(['resolution']);
  });

  it('starts next response when the customer writes after the agent reply', () => {
    const [reply] = targets({ ...answered, lastCustomerMessageAt: at('2025-03-17T10:40:00Z') });
    expect(reply).toEqual({
      kind: 'next_response',
      startedAt: at('2025-03-17T10:40:00Z'),
      warnAt: at('2025-03-17T11:04:00Z'),
      dueAt: at('2025-03-17T11:10:00Z'),
    });
  });

  it('keeps the next-response deadline when the customer writes again before an answer, if told the oldest unanswered message', () => {
    const chasing = { ...answered, lastCustomerMessageAt: at('2025-03-17T10:55:00Z') };
    expect(targets({ ...chasing, firstUnansweredCustomerMessageAt: at('2025-03-17T10:40:00Z') })[0]?.dueAt).toEqual(
      at('2025-03-17T11:10:00Z'),
    );
    expect(targets(chasing)[0]?.dueAt).toEqual(at('2025-03-17T11:25:00Z'));
  });

  it('runs nothing once resolved', () => {
    expect(
      targets({
        ...answered,
        lastCustomerMessageAt: at('2025-03-17T10:40:00Z'),
        resolvedAt: at('2025-03-17T11:00:00Z'),
      }),
    ).toEqual([]);
  });

  it('counts only business hours when the team keeps them', () => {
    const hours = parseBusinessHours({
      timezone: 'America/Sao_Paulo',
      weekly: { mon: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }] },
    });
    const friday = {
      ...opened,
      conversationStartedAt: at('2025-03-14T17:50:00-03:00'),
      lastCustomerMessageAt: at('2025-03-14T17:50:00-03:00'),
    };
    expect(computeSlaTargets({ policies, priority: 'high', hours, moments: friday })).toEqual([
      {
        kind: 'first_response',
        startedAt: friday.conversationStartedAt,
        warnAt: at('2025-03-17T09:02:00-03:00'),
        dueAt: at('2025-03-17T09:05:00-03:00'),
      },
      {
        kind: 'resolution',
        startedAt: friday.conversationStartedAt,
        warnAt: at('2025-03-17T15:14:00-03:00'),
        dueAt: at('2025-03-17T16:50:00-03:00'),
      },
    ]);
  });
});

describe('slaStatus and timeLeftMs', () => {
  const target = { warnAt: at('2025-03-17T10:48:00Z'), dueAt: at('2025-03-17T11:00:00Z') };

  it('goes ok, then warning at warnAt, then breached at dueAt', () => {
    expect(slaStatus(target, at('2025-03-17T10:47:59.999Z'))).toBe('ok');
    expect(slaStatus(target, at('2025-03-17T10:48:00Z'))).toBe('warning');
    expect(slaStatus(target, at('2025-03-17T10:59:59.999Z'))).toBe('warning');
    expect(slaStatus(target, at('2025-03-17T11:00:00Z'))).toBe('breached');
  });

  it('counts down to the deadline and below zero after it', () => {
    expect(timeLeftMs(target, at('2025-03-17T10:48:00Z'))).toBe(12 * 60_000);
    expect(timeLeftMs(target, at('2025-03-17T11:03:00Z'))).toBe(-3 * 60_000);
  });
});

describe('escalationSchedule', () => {
  it('fires each step its minutes after the breach, in ladder order', () => {
    expect(escalationSchedule(at('2025-03-17T11:00:00Z'), ladder)).toEqual([
      { step: 0, action: 'notify_agent', at: at('2025-03-17T11:00:00Z') },
      { step: 1, action: 'raise_priority', at: at('2025-03-17T11:05:00Z') },
      { step: 2, action: 'reassign', at: at('2025-03-17T11:10:00Z') },
      { step: 3, action: 'notify_supervisors', at: at('2025-03-17T11:15:00Z') },
    ]);
  });

  it('keeps counting past closing time instead of waiting for the next opening', () => {
    const [, , , supervisors] = escalationSchedule(at('2025-03-14T18:00:00-03:00'), ladder);
    expect(supervisors?.at).toEqual(at('2025-03-14T18:15:00-03:00'));
  });
});
