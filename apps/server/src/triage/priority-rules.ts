import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  describeIssues,
  PRIORITY_ORDER,
  Priority,
  PriorityRuleSet,
  type ExtractedEntity,
  type PriorityRule,
} from '@switchboard/shared';
import type { IntentLabel } from './intents.js';
import { stripAccents } from './text-normalizer.js';

export type { PriorityRule };

/**
 * Priority comes from declarative rules (the shared PriorityRuleSet): kept in the database and edited in
 * settings; the JSON file (triage-data/priority-rules.json, or PRIORITY_RULES_FILE) seeds them on first start.
 * A message starts at `normal`; of the matching rules the highest `set` wins, then every `raise` adds its
 * steps, capped at `urgent`. So a VIP's payment problem is high + 1 = urgent, and a greeting after a long
 * wait is low + 1 = normal.
 */
const DEFAULT_FILE = fileURLToPath(new URL('../../triage-data/priority-rules.json', import.meta.url));

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
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { rules?: unknown }).rules))
    throw new PriorityRulesError(source, ['must be an object with a "rules" list']);
  const parsed = PriorityRuleSet.safeParse(json);
  if (!parsed.success) {
    const raw = (json as { rules: unknown[] }).rules;
    const ruleIndex = (path: string) => Number(path.split('.')[1] ?? -1);
    const issues = describeIssues(parsed.error.issues).sort((a, b) => ruleIndex(a.path) - ruleIndex(b.path));
    throw new PriorityRulesError(
      source,
      issues.map((i) => namedByRule(i, raw)),
    );
  }
  const { rules } = parsed.data;
  return { source, rules, evaluatePriority: (input) => evaluate(rules, input) };
}

/** `rules.2.when.intentIn.0` as `rule "vip" (rules[2]): when.intentIn.0`, for someone reading the file. */
function namedByRule({ path, message }: { path: string; message: string }, raw: unknown[]): string {
  const [, index, ...field] = path.split('.');
  const item = raw[Number(index)];
  const id = typeof item === 'object' && item && 'id' in item && typeof item.id === 'string' ? item.id : undefined;
  const where = `rules[${index}]`;
  return `${id ? `rule "${id}" (${where})` : where}: ${field.join('.') || '(rule)'}: ${message}`;
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
