import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  issueLines,
  SlaPolicySetInput,
  type EscalationAction,
  type EscalationStep,
  type Priority,
  type SlaPolicy as SlaPolicyInput,
} from '@switchboard/shared';

export type { EscalationAction, EscalationStep };

/**
 * SLA policies (the shared SlaPolicySetInput): one policy per priority and one escalation ladder that a
 * policy may replace with its own `escalation`. Kept in the database and edited in settings; the JSON file
 * (triage-data/sla-policies.json, or SLA_POLICIES_FILE) seeds them on first start.
 * Shipped defaults: first response 5/15/60/240 min (urgent/high/normal/low); resolution 4h/8h/24h/72h;
 * next response half the first-response time rounded up, at least 5 min (5/8/30/120): a customer already
 * answered once waits less for the next answer, but no team can promise a reply inside 5 minutes.
 */
const DEFAULT_FILE = fileURLToPath(new URL('../../triage-data/sla-policies.json', import.meta.url));

export type SlaPolicy = Omit<SlaPolicyInput, 'escalation'> & { escalation: EscalationStep[] };
export type SlaPolicySet = Record<Priority, SlaPolicy>;

export class SlaPolicyError extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`Invalid SLA policies in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the seed file; every problem in it is named at once, by policy and field. */
export function loadSlaPolicySource(path = process.env.SLA_POLICIES_FILE || DEFAULT_FILE): SlaPolicySetInput {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SlaPolicyError(path, [`cannot be read as JSON: ${(e as Error).message}`]);
  }
  const parsed = SlaPolicySetInput.safeParse(raw);
  if (!parsed.success) throw new SlaPolicyError(path, issueLines(parsed.error.issues));
  return parsed.data;
}

/** Checks stored policies (the database's copy) and resolves them; `source` names them in the error. */
export function buildSlaPolicies(content: unknown, source: string): SlaPolicySet {
  const parsed = SlaPolicySetInput.safeParse(content);
  if (!parsed.success) throw new SlaPolicyError(source, issueLines(parsed.error.issues));
  return resolveSlaPolicies(parsed.data);
}

export function loadSlaPolicies(path?: string): SlaPolicySet {
  return resolveSlaPolicies(loadSlaPolicySource(path));
}

/** Each policy with its ladder: its own, or the shared one. */
export function resolveSlaPolicies({ escalation, policies }: SlaPolicySetInput): SlaPolicySet {
  const withLadder = (p: SlaPolicyInput): SlaPolicy => ({ ...p, escalation: p.escalation ?? escalation });
  return {
    low: withLadder(policies.low),
    normal: withLadder(policies.normal),
    high: withLadder(policies.high),
    urgent: withLadder(policies.urgent),
  };
}
