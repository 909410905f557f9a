import { z } from 'zod';
import { Intent } from './intent.js';
import { Priority } from './routing.js';

/**
 * Priority rules: a message starts at `normal`; of the matching rules the highest `set` wins, then every
 * `raise` adds its steps, capped at `urgent`. Shared so the settings editor checks a draft as the server does.
 */
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must list at least one').max(200);
const ContactValue = z.union([z.string().min(1).max(200), nonEmpty(z.string().min(1).max(200))]);

export const PriorityRuleWhen = z
  .strictObject({
    /** `tier` is the contact's tier; any other key is one of its attributes. A list means any of. */
    contact: z.record(z.string().min(1).max(64), ContactValue).optional(),
    intentIn: nonEmpty(Intent).optional(),
    confidenceAtLeast: z.number().min(0, 'must be 0..1').max(1, 'must be 0..1').optional(),
    keywordsAny: nonEmpty(z.string().trim().min(1).max(100)).optional(),
    sentimentBelow: z.number().min(-1, 'must be -1..1').max(1, 'must be -1..1').optional(),
    waitingMinutesAtLeast: z.number().min(0, 'must be 0 or more').max(100_000).optional(),
    /** An amount in the message at least this large (in `currency`, when given: "a refund over R$ 500"). */
    amountAtLeast: z
      .strictObject({
        value: z.number().positive('must be more than 0'),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "BRL"')
          .optional(),
      })
      .optional(),
    /** The message names at least one of these (an order number, a document...). */
    entityAny: nonEmpty(z.enum(['order_number', 'amount', 'date', 'email', 'document_kind'])).optional(),
  })
  .refine((when) => Object.values(when).some((v) => v !== undefined), 'needs at least one condition');

export const PriorityRuleThen = z.union(
  [z.strictObject({ set: Priority }), z.strictObject({ raise: z.number().int().min(1).max(3, 'must be 1..3') })],
  { error: 'must be { "set": "low" | "normal" | "high" | "urgent" } or { "raise": steps }' },
);

export const PriorityRule = z.strictObject({
  id: z
    .string()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'must be letters, digits, -, _ or .'),
  description: z.string().trim().min(1, 'must say what the rule does, for the agent reading the history').max(300),
  when: PriorityRuleWhen,
  then: PriorityRuleThen,
});
export type PriorityRule = z.infer<typeof PriorityRule>;

/** The whole rule set; an id used twice is refused at the later rule. */
export const PriorityRuleSet = z.object({
  rules: z
    .array(PriorityRule)
    .max(200)
    .superRefine(
      (rules, ctx) => {
        // Runs even when some rule is invalid (`when`), so every problem is named at once: ids are read warily.
        const ids = rules.map((rule) => (rule as { id?: unknown } | undefined)?.id);
        ids.forEach((id, i) => {
          if (typeof id === 'string' && ids.indexOf(id) < i)
            ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'is used by an earlier rule' });
        });
      },
      // Not on a value that is no list at all (OpenAPI generation probes schemas with undefined).
      { when: (payload) => Array.isArray(payload.value) },
    ),
});
export type PriorityRuleSet = z.infer<typeof PriorityRuleSet>;
