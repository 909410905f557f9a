import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { issueLines, type Priority } from '@switchboard/shared';
import { z } from 'zod';

/**
 * SLA policies live in a JSON file (triage-data/sla-policies.json, or SLA_POLICIES_FILE): one policy per
 * priority and one escalation ladder that a policy may replace with its own `escalation`.
 * Shipped defaults: first response 5/15/60/240 min (urgent/high/normal/low); resolution 4h/8h/24h/72h;
 * next response half the first-response time rounded up, at least 5 min (5/8/30/120): a customer already
 * answered once waits less for the next answer, but no team can promise a reply inside 5 minutes.
 */
const DEFAULT_FILE = fileURLToPath(new URL('../../triage-data/sla-policies.json', import.meta.url));

export const EscalationAction = z.enum(['notify_agent', 'raise_priority', 'reassign', 'notify_supervisors']);
export type EscalationAction = z.infer<typeof EscalationAction>;

/** Zod's stock message for an absent field reads as a type error; say plainly that it is missing. */
const expected = (what: string) => ({
  error: (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_type') return undefined; // range and unknown-key checks keep their own messages
    return issue.input === undefined ? 'is missing' : `must be ${what}`;
  },
});

const EscalationStep = z.strictObject({
  afterBreachMinutes: z
    .number(expected('a number of minutes'))
    .int('must be whole minutes')
    .min(0, 'must be 0 or more'),
  action: EscalationAction,
});
export type EscalationStep = z.infer<typeof EscalationStep>;

const Ladder = z.array(EscalationStep).superRefine((steps, ctx) => {
  steps.forEach((step, i) => {
    const before = i > 0 ? steps[i - 1] : undefined;
    if (before && step.afterBreachMinutes < before.afterBreachMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'afterBreachMinutes'],
        message: `must not come before the step above it (${before.afterBreachMinutes})`,
      });
    }
  });
});

const minutes = z.number(expected('a number of minutes')).int('must be whole minutes').positive('must be more than 0');
const Policy = z.strictObject(
  {
    firstResponseMinutes: minutes,
    nextResponseMinutes: minutes,
    resolutionMinutes: minutes,
    warnAtPercent: z.number(expected('a percentage')).min(1, 'must be from 1 to 99').max(99, 'must be from 1 to 99'),
    escalation: Ladder.optional(),
  },
  expected('an object'),
);

const PolicyFile = z.strictObject({
  escalation: Ladder,
  policies: z.strictObject({ low: Policy, normal: Policy, high: Policy, urgent: Policy }),
});

export type SlaPolicy = Omit<z.infer<typeof Policy>, 'escalation'> & { escalation: EscalationStep[] };
export type SlaPolicySet = Record<Priority, SlaPolicy>;

export class SlaPolicyError extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`Invalid SLA policies in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Read once at start; every problem in the file is named at once, by policy and field. */
export function loadSlaPolicies(path = process.env.SLA_POLICIES_FILE || DEFAULT_FILE): SlaPolicySet {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SlaPolicyError(path, [`cannot be read as JSON: ${(e as Error).message}`]);
  }
  const parsed = PolicyFile.safeParse(raw);
  if (!parsed.success) throw new SlaPolicyError(path, issueLines(parsed.error.issues));
  const { escalation, policies } = parsed.data;
  const withLadder = (p: z.infer<typeof Policy>): SlaPolicy => ({ ...p, escalation: p.escalation ?? escalation });
  return {
    low: withLadder(policies.low),
    normal: withLadder(policies.normal),
    high: withLadder(policies.high),
    urgent: withLadder(policies.urgent),
  };
}
