import { z } from 'zod';
import { ObjectIdString } from './ids.js';
import { Intent } from './intent.js';
import { PriorityRuleSet } from './priority-rules.js';
import { SlaKind } from './reports.js';
import { Language, Priority } from './routing.js';
import { SlaPolicySetInput } from './sla-policies.js';

/**
 * Priority rules and SLA policies as settings: kept in the database (seeded from the files on first start),
 * each a versioned document; a save names the version it edited, so two admins cannot overwrite each other.
 */
const DocumentMeta = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  /** Null for the seed read from the file. */
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const PriorityRulesDTO = DocumentMeta.extend(PriorityRuleSet.shape);
export type PriorityRulesDTO = z.infer<typeof PriorityRulesDTO>;

export const SlaPoliciesDTO = DocumentMeta.extend(SlaPolicySetInput.shape);
export type SlaPoliciesDTO = z.infer<typeof SlaPoliciesDTO>;

const EditedVersion = z.number().int().min(1);

export const SavePriorityRulesRequest = PriorityRuleSet.extend({ version: EditedVersion });
export type SavePriorityRulesRequest = z.infer<typeof SavePriorityRulesRequest>;

export const SaveSlaPoliciesRequest = SlaPolicySetInput.extend({ version: EditedVersion });
export type SaveSlaPoliciesRequest = z.infer<typeof SaveSlaPoliciesRequest>;

/** A conversation to try rules on: what the customer wrote, and what the rules read besides. */
export const PolicySample = z.strictObject({
  text: z.string().trim().min(1, 'write what the customer says').max(2000),
  /** Overrides the classifier, to try a rule on an intent whatever the text. */
  intent: Intent.optional(),
  language: Language.optional(),
  tier: z.string().trim().max(40).optional(),
  attributes: z.record(z.string().min(1).max(64), z.string().max(200)).optional(),
  waitingMinutes: z.number().min(0).max(100_000).default(0),
  /** When the customer writes; the SLA deadlines count from here in the queue's business hours. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** The queue it goes to; by default the one routing would pick for its intent and language. */
  queueId: ObjectIdString.optional(),
});
export type PolicySample = z.input<typeof PolicySample>;

/** Drafts given here are tried instead of the saved ones, so an editor previews before saving. */
export const PolicyPreviewRequest = z.strictObject({
  sample: PolicySample,
  priorityRules: PriorityRuleSet.optional(),
  slaPolicies: SlaPolicySetInput.optional(),
});
export type PolicyPreviewRequest = z.input<typeof PolicyPreviewRequest>;

export const PolicyPreviewDTO = z.object({
  intent: Intent,
  /** `given` when the sample named it, else the classifier's, with its confidence. */
  intentSource: z.enum(['classifier', 'given']),
  confidence: z.number(),
  language: Language,
  sentiment: z.number(),
  priority: Priority,
  matchedRules: z.array(z.object({ id: z.string(), description: z.string(), effect: z.string() })),
  queue: z.object({ id: z.string(), name: z.string(), why: z.string(), businessHours: z.boolean() }).nullable(),
  /** The targets that would start when the customer writes, due in the queue's business hours. */
  sla: z.array(z.object({ kind: SlaKind, minutes: z.number(), warnAt: z.string(), dueAt: z.string() })),
  /** The ladder after a breach of the first target, with when each step would act. */
  escalation: z.array(z.object({ action: z.string(), afterBreachMinutes: z.number(), at: z.string() })),
});
export type PolicyPreviewDTO = z.infer<typeof PolicyPreviewDTO>;
