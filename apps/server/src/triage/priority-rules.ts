import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { issueLines, PRIORITY_ORDER, Priority, type ExtractedEntity } from '@switchboard/shared';
import { z } from 'zod';
import { INTENT_LABELS, type IntentLabel } from './intents.js';
import { stripAccents } from './text-normalizer.js';

/**
 * Priority comes from declarative rules in a JSON file (triage-data/priority-rules.json, or
 * PRIORITY_RULES_FILE), read once at start: changing a rule needs a restart, not a code change.
 * A message starts at `normal`; of the matching rules the highest `set` wins, then every `raise` adds its
 * steps, capped at `urgent`. So a VIP's payment problem is high + 1 = urgent, and a greeting after a long
 * wait is low + 1 = normal.
 */
const DEFAULT_FILE = fileURLToPath(new URL('../../triage-data/priority-rules.json', import.meta.url));

const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must list at least one');
const ContactValue = z.union([z.string().min(1), nonEmpty(z.string().min(1))]);

const When = z
  .strictObject({
    /** `tier` is the contact's tier; any other key is one of its attributes. A list means any of. */
    contact: z.record(z.string().min(1), ContactValue).optional(),
    intentIn: nonEmpty(z.enum(INTENT_LABELS)).optional(),
    confidenceAtLeast: z.number().min(0).max(1, 'must be 0..1').optional(),
    keywordsAny: nonEmpty(z.string().trim().min(1)).optional(),
    sentimentBelow: z.number().min(-1).max(1, 'must be -1..1').optional(),
    waitingMinutesAtLeast: z.number().min(0, 'must be 0 or more').optional(),
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

const Then = z.union(
  [z.strictObject({ set: Priority }), z.strictObject({ raise: z.number().int().min(1).max(3, 'must be 1..3') })],
  {
    error: 'must be { "set": "low" | "normal" | "high" | "urgent" } or { "raise": steps }',
  },
);

const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'must be letters, digits, -, _ or .'),
  description: z.string().trim().min(1, 'must say what the rule does, for the agent reading the history'),
  when: When,
  then: Then,
});
export type PriorityRule = z.infer<typeof Rule>;

const RulesFile = z.object({ rules: z.array(z.unknown()) });

export interface PriorityInput {
  intent: IntentLabel;
  confidence: number;
  sentiment: number;
  text: string;
  contact: { tier?: string | null; attributes?: Record<string, string> };
  waitingMinutes: number;
  entities?: readonly ExtractedEntity[];
}

export interface MatchedRule {
  id: string;
  description: string;
  /** "set to high" or "raised 1 step": what the rule did, as the automation history shows it. */
  effect: string;
}

export interface PriorityDecision {
  priority: Priority;
  matchedRules: MatchedRule[];
}

export interface PriorityRules {
  readonly source: string;
  readonly rules: readonly PriorityRule[];
  evaluatePriority(input: PriorityInput): PriorityDecision;
}

export class PriorityRulesError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid priority rules in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadPriorityRules(file = process.env.PRIORITY_RULES_FILE || DEFAULT_FILE): PriorityRules {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PriorityRulesError(file, [`cannot be read as JSON: ${(error as Error).message}`]);
  }
  return createPriorityRules(json, file);
}

/** Every problem is named at once, by rule id (or position) and field, and no rule is used until all are valid. */
export function createPriorityRules(json: unknown, source: string): PriorityRules {
  const file = RulesFile.safeParse(json);
  if (!file.success) throw new PriorityRulesError(source, ['must be an object with a "rules" list']);
  const problems: string[] = [];
  const rules: PriorityRule[] = [];
  file.data.rules.forEach((raw, index) => {
    const id = typeof raw === 'object' && raw && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
    const name = id ? `rule "${id}" (rules[${index}])` : `rules[${index}]`;
    const parsed = Rule.safeParse(raw);
    if (!parsed.success) problems.push(...issueLines(parsed.error.issues).map((line) => `${name}: ${line}`));
    else if (rules.some((r) => r.id === parsed.data.id)) problems.push(`${name}: id: is used by an earlier rule`);
    else rules.push(parsed.data);
  });
  if (problems.length) throw new PriorityRulesError(source, problems);
  return { source, rules, evaluatePriority: (input) => evaluate(rules, input) };
}

function evaluate(rules: readonly PriorityRule[], input: PriorityInput): PriorityDecision {
  const matched = rules.filter((rule) => matches(rule.when, input));
  const sets = matched.flatMap((rule) => ('set' in rule.then ? [PRIORITY_ORDER[rule.then.set]] : []));
  const raised = matched.reduce((steps, rule) => steps + ('raise' in rule.then ? rule.then.raise : 0), 0);
  const level = Math.min((sets.length ? Math.max(...sets) : PRIORITY_ORDER.normal) + raised, PRIORITY_ORDER.urgent);
  return {
    priority: Priority.options.find((p) => PRIORITY_ORDER[p] === level) ?? 'urgent',
    matchedRules: matched.map(({ id, description, then }) => ({
      id,
      description,
      effect: 'set' in then ? `set to ${then.set}` : `raised ${then.raise} step${then.raise > 1 ? 's' : ''}`,
    })),
  };
}

function matches(when: PriorityRule['when'], input: PriorityInput): boolean {
  const checks = [
    when.contact === undefined ||
      Object.entries(when.contact).every(([key, wanted]) => contactHas(input.contact, key, wanted)),
    when.intentIn === undefined || when.intentIn.includes(input.intent),
    when.confidenceAtLeast === undefined || input.confidence >= when.confidenceAtLeast,
    when.keywordsAny === undefined || when.keywordsAny.some((keyword) => containsPhrase(input.text, keyword)),
    when.sentimentBelow === undefined || input.sentiment < when.sentimentBelow,
    when.waitingMinutesAtLeast === undefined || input.waitingMinutes >= when.waitingMinutesAtLeast,
    when.amountAtLeast === undefined || hasAmountAtLeast(input.entities ?? [], when.amountAtLeast),
    when.entityAny === undefined || (input.entities ?? []).some((e) => when.entityAny!.includes(e.kind)),
  ];
  return checks.every(Boolean);
}

function hasAmountAtLeast(
  entities: readonly ExtractedEntity[],
  { value, currency }: { value: number; currency?: string | undefined },
): boolean {
  return entities.some((e) => e.kind === 'amount' && e.value >= value && (!currency || e.currency === currency));
}

function contactHas(contact: PriorityInput['contact'], key: string, wanted: string | string[]): boolean {
  const actual = key === 'tier' ? contact.tier : contact.attributes?.[key];
  if (actual == null) return false;
  return (Array.isArray(wanted) ? wanted : [wanted]).some(
    (w) => w.trim().toLowerCase() === actual.trim().toLowerCase(),
  );
}

/** Whole words only, ignoring case and accents: "caido" matches "Caído", "fraud" does not match "defraud". */
function containsPhrase(text: string, phrase: string): boolean {
  return ` ${words(text)} `.includes(` ${words(phrase)} `);
}

function words(text: string): string {
  return stripAccents(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}
