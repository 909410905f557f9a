import { z } from 'zod';
import type { ErrorIssue } from './errors.js';

/**
 * The rules a template and the values sent with it must follow, shared so the inbox can check an agent's
 * values before the server does. Issue paths name parameters by their name: `parameters.2`, `parameters.order_id`.
 */

type ParameterType = 'text' | 'number' | 'currency' | 'date_time';
type Parameter = { name: string; type: ParameterType };
type Definition = {
  parameterFormat: 'positional' | 'named';
  body: string;
  parameters: Parameter[];
  headerText: string | null;
  footer: string | null;
  status: 'approved' | 'pending' | 'rejected';
  rejectionReason: string | null;
};

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const POSITION = /^[1-9]\d*$/;
/** Meta's named parameters: lowercase letters, digits and underscores; a leading letter keeps them apart from `{{1}}`. */
export const NAMED_PARAMETER = /^[a-z][a-z0-9_]*$/;

export const placeholdersOf = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];

/** Everything wrong with a template's definition: placeholders against declared parameters, header, footer, status. */
export function templateDefinitionIssues(t: Definition): ErrorIssue[] {
  const issues =
    t.parameterFormat === 'positional' ? positionalIssues(t.body, t.parameters) : namedIssues(t.body, t.parameters);
  for (const field of ['headerText', 'footer'] as const) {
    if (t[field] && placeholdersOf(t[field]).length > 0)
      issues.push({ path: field, message: 'must be plain text: only the body takes parameters' });
  }
  if (t.status === 'rejected' && !t.rejectionReason)
    issues.push({ path: 'rejectionReason', message: 'a rejected template needs the reason Meta gave' });
  if (t.status !== 'rejected' && t.rejectionReason)
    issues.push({
      path: 'rejectionReason',
      message: `only a rejected template has a rejection reason (this one is ${t.status})`,
    });
  return issues;
}

function positionalIssues(body: string, parameters: Parameter[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const used = placeholdersOf(body);
  for (const token of used.filter((t) => !POSITION.test(t))) {
    issues.push({
      path: 'body',
      message: `{{${token}}} is not a positional placeholder: positional templates use {{1}}, {{2}}, …`,
    });
  }
  const highest = Math.max(0, ...used.filter((t) => POSITION.test(t)).map(Number));
  for (let n = 1; n < highest; n++) {
    if (!used.includes(String(n)))
      issues.push({
        path: 'body',
        message: `{{${n}}} is missing: positional placeholders run from {{1}} to {{${highest}}} without gaps`,
      });
  }
  parameters.forEach((p, i) => {
    if (p.name !== String(i + 1))
      issues.push({
        path: `parameters.${i}.name`,
        message: `must be "${i + 1}": positional parameters are named 1, 2, … in order`,
      });
  });
  for (let n = parameters.length + 1; n <= highest; n++)
    issues.push({ path: 'parameters', message: `the body uses {{${n}}} but parameter ${n} is not declared` });
  for (let n = highest + 1; n <= parameters.length; n++)
    issues.push({
      path: `parameters.${n - 1}`,
      message: `parameter ${n} is declared but the body never uses {{${n}}}`,
    });
  return issues;
}

function namedIssues(body: string, parameters: Parameter[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const used = placeholdersOf(body);
  const declared = parameters.map((p) => p.name);
  for (const token of used) {
    if (!NAMED_PARAMETER.test(token))
      issues.push({
        path: 'body',
        message: `{{${token}}} is not a named placeholder: use lowercase letters, digits and underscores, starting with a letter`,
      });
    else if (!declared.includes(token))
      issues.push({ path: 'body', message: `the body uses {{${token}}} but no parameter ${token} is declared` });
  }
  parameters.forEach((p, i) => {
    if (!NAMED_PARAMETER.test(p.name))
      issues.push({
        path: `parameters.${i}.name`,
        message: 'must be lowercase letters, digits and underscores, starting with a letter',
      });
    else if (declared.indexOf(p.name) !== i)
      issues.push({ path: `parameters.${i}.name`, message: `${p.name} is declared twice` });
    else if (!used.includes(p.name))
      issues.push({
        path: `parameters.${i}.name`,
        message: `${p.name} is declared but the body never uses {{${p.name}}}`,
      });
  });
  return issues;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const AMOUNT = '(\\d{1,12}(?:\\.\\d{1,3})?)';
const CODE_FIRST = new RegExp(`^([A-Z]{3}) ${AMOUNT}$`);
const AMOUNT_FIRST = new RegExp(`^${AMOUNT} ([A-Z]{3})$`);
const IsoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/**
 * A currency value is an amount and an ISO 4217 code, either order, one space between: `12.50 USD` or
 * `USD 12.50`. The amount has a dot for decimals and at most three of them, because the Cloud API takes it
 * as `amount_1000` (the amount times 1000, an integer).
 */
export function parseCurrency(value: string): { code: string; amount1000: number } | null {
  const codeFirst = CODE_FIRST.exec(value);
  const amountFirst = codeFirst ? null : AMOUNT_FIRST.exec(value);
  const [code, amount] = codeFirst
    ? [codeFirst[1]!, codeFirst[2]!]
    : amountFirst
      ? [amountFirst[2]!, amountFirst[1]!]
      : [];
  return code && amount ? { code, amount1000: Math.round(Number(amount) * 1000) } : null;
}

/** Why a value cannot fill a parameter of this type, or null if it can. Surrounding whitespace is ignored. */
export function parameterValueIssue(type: ParameterType, raw: string): string | null {
  const value = raw.trim();
  if (value === '') return 'is blank';
  // The Cloud API refuses these in parameter text; better to say so before the message is queued.
  if (/[\n\t]| {5,}/.test(value))
    return 'contains a newline, a tab or more than four spaces in a row, which WhatsApp refuses';
  if (type === 'number' && !NUMBER.test(value)) return 'must be a number like 3 or 12.5';
  if (type === 'currency' && !parseCurrency(value))
    return 'must be an amount and an ISO 4217 code, like 12.50 USD or USD 12.50';
  if (type === 'date_time' && !IsoDateOrDateTime.safeParse(value).success) {
    return 'must be an ISO 8601 date or date-time, like 2025-03-14 or 2025-03-14T15:30:00Z';
  }
  return null;
}

/** Everything wrong with the values sent for a template: their shape and count, names, and each value. */
export function templateValueIssues(
  t: { parameterFormat: 'positional' | 'named'; parameters: Parameter[] },
  values: string[] | Record<string, string>,
): ErrorIssue[] {
  const expected = t.parameters.length;
  const isEmpty = Array.isArray(values) ? values.length === 0 : Object.keys(values).length === 0;
  if (expected === 0 && isEmpty) return [];
  if (t.parameterFormat === 'positional' && !Array.isArray(values)) {
    return [
      { path: 'parameters', message: `this template takes positional parameters: send a list of ${expected} values` },
    ];
  }
  if (t.parameterFormat === 'named' && Array.isArray(values)) {
    return [
      {
        path: 'parameters',
        message: `this template takes named parameters: send an object with ${t.parameters.map((p) => p.name).join(', ')}`,
      },
    ];
  }
  const issues: ErrorIssue[] = [];
  const given = valuesByName(values);
  if (Array.isArray(values) && values.length !== expected) {
    issues.push({
      path: 'parameters',
      message: `expected ${expected} values ({{1}} to {{${expected}}}), got ${values.length}`,
    });
  }
  for (const { name, type } of t.parameters) {
    const value = given.get(name);
    if (value === undefined) {
      if (!Array.isArray(values))
        issues.push({ path: `parameters.${name}`, message: `missing: the template uses {{${name}}}` });
      continue;
    }
    const problem = parameterValueIssue(type, value);
    if (problem) issues.push({ path: `parameters.${name}`, message: `{{${name}}} (${type}) ${problem}` });
  }
  const declared = new Set(t.parameters.map((p) => p.name));
  for (const name of Array.isArray(values) ? [] : Object.keys(values).filter((n) => !declared.has(n))) {
    issues.push({ path: `parameters.${name}`, message: `unknown: the template has no parameter {{${name}}}` });
  }
  return issues;
}

/** The values keyed by placeholder name ('1', '2', … for positional), trimmed. A Map, so no name reaches Object.prototype. */
export function valuesByName(values: string[] | Record<string, string>): Map<string, string> {
  const entries = Array.isArray(values) ? values.map((v, i) => [String(i + 1), v] as const) : Object.entries(values);
  return new Map(entries.map(([name, value]) => [name, value.trim()]));
}

/** The body as the customer reads it; values are inserted once, never scanned for placeholders themselves. */
export function renderTemplateBody(body: string, values: Map<string, string>): string {
  return body.replace(PLACEHOLDER, (whole, token: string) => values.get(token) ?? whole);
}
