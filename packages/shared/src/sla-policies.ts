import { z } from 'zod';

/**
 * SLA policies: one per priority, and one escalation ladder that a policy may replace with its own.
 * Shared so the settings editor checks a draft as the server does.
 */
export const EscalationAction = z.enum(['notify_agent', 'raise_priority', 'reassign', 'notify_supervisors']);
export type EscalationAction = z.infer<typeof EscalationAction>;

/** Zod's stock message for an absent field reads as a type error; say plainly that it is missing. */
const expected = (what: string) => ({
  error: (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_type') return undefined; // range and unknown-key checks keep their own messages
    return issue.input === undefined ? 'is missing' : `must be ${what}`;
  },
});

export const EscalationStep = z.strictObject({
  afterBreachMinutes: z
    .number(expected('a number of minutes'))
    .int('must be whole minutes')
    .min(0, 'must be 0 or more')
    .max(100_000),
  action: EscalationAction,
});
export type EscalationStep = z.infer<typeof EscalationStep>;

const Ladder = z
  .array(EscalationStep)
  .max(20)
  .superRefine((steps, ctx) => {
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

const minutes = z
  .number(expected('a number of minutes'))
  .int('must be whole minutes')
  .positive('must be more than 0')
  .max(525_600, 'must be at most a year');

export const SlaPolicy = z.strictObject(
  {
    firstResponseMinutes: minutes,
    nextResponseMinutes: minutes,
    resolutionMinutes: minutes,
    warnAtPercent: z.number(expected('a percentage')).min(1, 'must be from 1 to 99').max(99, 'must be from 1 to 99'),
    escalation: Ladder.optional(),
  },
  expected('an object'),
);
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const SlaPolicySetInput = z.strictObject({
  escalation: Ladder,
  policies: z.strictObject({ low: SlaPolicy, normal: SlaPolicy, high: SlaPolicy, urgent: SlaPolicy }),
});
export type SlaPolicySetInput = z.infer<typeof SlaPolicySetInput>;
