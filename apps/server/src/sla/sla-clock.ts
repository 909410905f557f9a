import type { Priority } from '@switchboard/shared';
import { addBusinessMinutes, type BusinessHours } from '../routing/index.js';
import type { EscalationAction, EscalationStep, SlaPolicySet } from './sla-policies.js';

export type SlaKind = 'first_response' | 'next_response' | 'resolution';

export interface SlaTarget {
  kind: SlaKind;
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

export interface ConversationMoments {
  conversationStartedAt: Date;
  firstResponseAt: Date | null;
  lastCustomerMessageAt: Date;
  lastAgentReplyAt: Date | null;
  resolvedAt: Date | null;
  /**
   * The oldest customer message since the last agent reply, when known. Without it next_response runs from
   * lastCustomerMessageAt, which is the same when the customer wrote once, but a "hello??" would then
   * push the deadline later, rewarding the wait it complains about.
   */
  firstUnansweredCustomerMessageAt?: Date | null;
}

export interface SlaClockInput {
  policies: SlaPolicySet;
  priority: Priority;
  /** Absent: the team is open 24/7. */
  hours?: BusinessHours;
  moments: ConversationMoments;
}

/** The targets running now: at most one reply target (first or next response) plus resolution. */
export function computeSlaTargets({ policies, priority, hours, moments }: SlaClockInput): SlaTarget[] {
  if (moments.resolvedAt) return [];
  const policy = policies[priority];
  const target = (kind: SlaKind, startedAt: Date, minutes: number): SlaTarget => ({
    kind,
    startedAt,
    warnAt: addBusinessMinutes(startedAt, (minutes * policy.warnAtPercent) / 100, hours),
    dueAt: addBusinessMinutes(startedAt, minutes, hours),
  });
  const targets: SlaTarget[] = [];
  const lastReply = moments.lastAgentReplyAt ?? moments.firstResponseAt;
  if (!lastReply) {
    targets.push(target('first_response', moments.conversationStartedAt, policy.firstResponseMinutes));
  } else if (moments.firstUnansweredCustomerMessageAt || moments.lastCustomerMessageAt > lastReply) {
    // An unanswered message is one that arrived after the last reply, even when WhatsApp's whole-second
    // timestamp puts it a moment before (see message.service.ts).
    const waitingSince = moments.firstUnansweredCustomerMessageAt ?? moments.lastCustomerMessageAt;
    targets.push(target('next_response', waitingSince, policy.nextResponseMinutes));
  }
  targets.push(target('resolution', moments.conversationStartedAt, policy.resolutionMinutes));
  return targets;
}

export type SlaState = 'ok' | 'warning' | 'breached';

/** Breached from dueAt itself, so a timer firing exactly at the deadline sees the breach. */
export function slaStatus(target: Pick<SlaTarget, 'warnAt' | 'dueAt'>, now: Date): SlaState {
  if (now >= target.dueAt) return 'breached';
  return now >= target.warnAt ? 'warning' : 'ok';
}

/** Wall-clock time to the deadline (negative once overdue): what a countdown shows the agent. */
export function timeLeftMs(target: Pick<SlaTarget, 'dueAt'>, now: Date): number {
  return target.dueAt.getTime() - now.getTime();
}

export interface ScheduledEscalation {
  /** Index into the ladder, so a worker can record how far it has gone. */
  step: number;
  action: EscalationAction;
  at: Date;
}

/**
 * When each ladder step fires. Steps count wall-clock minutes after the breach, not business minutes:
 * the breach already happened in open time, and a customer left waiting over closing time should still
 * reach a supervisor rather than have escalation sleep until the next opening.
 */
export function escalationSchedule(dueAt: Date, ladder: readonly EscalationStep[]): ScheduledEscalation[] {
  return ladder.map((rung, step) => ({
    step,
    action: rung.action,
    at: new Date(dueAt.getTime() + rung.afterBreachMinutes * 60_000),
  }));
}
