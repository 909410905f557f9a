import { z } from 'zod';
import type { ErrorIssue } from './errors.js';

/**
 * The values sent with a template, checked against its parameters by one zod schema built from the template,
 * shared so the inbox checks an agent's values exactly as the server will. Every issue names the parameter
 * (`parameters.2`, `parameters.order_date`), says what is wrong in words (`parameter 2 {{order_date}}: expected
 * a date_time …, got 'tomorrow'`) and carries a `reason` a client can word in its own language.
 */

type ParameterType = 'text' | 'number' | 'currency' | 'date_time';
type Parameter = { name: string; type: ParameterType };
type ValuesTemplate = { parameterFormat: 'positional' | 'named'; parameters: Parameter[] };

export const TemplateValueReason = z.enum([
  'missing',
  'blank',
  'too_long',
  'whitespace',
  'wrong_type',
  'unknown',
  'shape',
]);
export type TemplateValueReason = z.infer<typeof TemplateValueReason>;

/** The longest value a parameter takes (Meta's limit for a body parameter's text). */
export const TEMPLATE_VALUE_MAX_LENGTH = 1024;

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

/** What each type takes: a test, and how to write it (said after "expected a <type>"). */
const TYPES: Record<ParameterType, { accepts: (value: string) => boolean; written: string }> = {
  text: { accepts: () => true, written: 'any text' },
  number: { accepts: (v) => NUMBER.test(v), written: 'like 3 or 12.5' },
  currency: {
    accepts: (v) => parseCurrency(v) !== null,
    written: 'an amount and an ISO 4217 code, like 12.50 USD or USD 12.50',
  },
  date_time: {
    accepts: (v) => IsoDateOrDateTime.safeParse(v).success,
    written: 'an ISO 8601 date or date-time, like 2025-03-14 or 2025-03-14T15:30:00Z',
  },
};
const expected = (type: ParameterType) => `a ${type} (${TYPES[type].written})`;

/** A value as an error message quotes it: on one line, and cut short when long. */
const quoted = (value: string) => {
  const line = value.replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return `'${line.length > 40 ? `${line.slice(0, 39)}…` : line}'`;
};

/** What is wrong with a value for a parameter of this type, or null. Surrounding whitespace is ignored. */
function valueProblem(type: ParameterType, raw: string): { reason: TemplateValueReason; message: string } | null {
  const value = raw.trim();
  if (value === '') return { reason: 'blank', message: `blank: expected ${expected(type)}` };
  if (value.length > TEMPLATE_VALUE_MAX_LENGTH)
    return {
      reason: 'too_long',
      message: `too long: ${value.length} characters, at most ${TEMPLATE_VALUE_MAX_LENGTH}`,
    };
  // The Cloud API refuses these in parameter text; better to say so before the message is queued.
  if (/[\n\t]| {5,}/.test(value))
    return {
      reason: 'whitespace',
      message: 'contains a newline, a tab or more than four spaces in a row, which WhatsApp refuses',
    };
  if (!TYPES[type].accepts(value))
    return { reason: 'wrong_type', message: `expected ${expected(type)}, got ${quoted(value)}` };
  return null;
}

const MUST_BE: Record<ParameterType, string> = {
  text: '',
  number: 'must be a number like 3 or 12.5',
  currency: `must be ${TYPES.currency.written}`,
  date_time: `must be ${TYPES.date_time.written}`,
};

/** Why a value cannot be a parameter's example, or null if it can. */
export function parameterValueIssue(type: ParameterType, raw: string): string | null {
  const problem = valueProblem(type, raw);
  if (!problem) return null;
  return problem.reason === 'wrong_type' ? MUST_BE[type] : problem.message;
}

/** The values keyed by placeholder name ('1', '2', … for positional), trimmed. A Map, so no name reaches Object.prototype. */
export function valuesByName(values: string[] | Record<string, string>): Map<string, string> {
  const entries = Array.isArray(values) ? values.map((v, i) => [String(i + 1), v] as const) : Object.entries(values);
  return new Map(entries.map(([name, value]) => [name, value.trim()]));
}

/** How an issue names its parameter: its place in the template and its placeholder. */
const labelOf = (t: ValuesTemplate, name: string) => {
  const position = t.parameters.findIndex((p) => p.name === name) + 1;
  return position > 0 ? `parameter ${position} {{${name}}}` : `{{${name}}}`;
};

/** The schema of a template's values keyed by name (see `valuesByName`): one string per parameter, no others. */
export function templateValuesSchema(t: ValuesTemplate) {
  const shape = Object.fromEntries(
    t.parameters.map(({ name, type }) => [
      name,
      z
        .string({ error: (issue) => (issue.input === undefined ? 'missing' : 'expected text') })
        .superRefine((value, ctx) => {
          const problem = valueProblem(type, value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { reason: problem.reason } });
        }),
    ]),
  );
  return z.strictObject(shape);
}

function toIssues(t: ValuesTemplate, issues: readonly z.core.$ZodIssue[]): ErrorIssue[] {
  return issues.flatMap((issue): ErrorIssue[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((name) => ({
        path: `parameters.${name}`,
        message: `{{${name}}}: unknown: the template has no such parameter`,
        reason: 'unknown',
      }));
    const name = String(issue.path[0]);
    const reason =
      issue.code === 'custom'
        ? TemplateValueReason.parse(issue.params?.reason)
        : issue.message === 'missing'
          ? 'missing'
          : 'wrong_type';
    return [{ path: `parameters.${name}`, message: `${labelOf(t, name)}: ${issue.message}`, reason }];
  });
}

/** Everything wrong with the values sent for a template: their shape, and each parameter's value, in order. */
export function templateValueIssues(t: ValuesTemplate, values: string[] | Record<string, string>): ErrorIssue[] {
  const isEmpty = Array.isArray(values) ? values.length === 0 : Object.keys(values).length === 0;
  if (t.parameters.length === 0 && isEmpty) return [];
  if (t.parameterFormat === 'positional' && !Array.isArray(values))
    return [
      {
        path: 'parameters',
        message: `this template takes positional parameters: send a list of ${t.parameters.length} values`,
        reason: 'shape',
      },
    ];
  if (t.parameterFormat === 'named' && Array.isArray(values))
    return [
      {
        path: 'parameters',
        message: `this template takes named parameters: send an object with ${t.parameters.map((p) => p.name).join(', ')}`,
        reason: 'shape',
      },
    ];
  const keyed = Array.isArray(values) ? Object.fromEntries(values.map((v, i) => [String(i + 1), v])) : values;
  const checked = templateValuesSchema(t).safeParse(keyed);
  return checked.success ? [] : toIssues(t, checked.error.issues);
}
