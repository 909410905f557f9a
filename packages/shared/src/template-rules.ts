import type { ErrorIssue } from './errors.js';

/**
 * The rules a template and the values sent with it must follow, shared so the inbox can check an agent's
 * values before the server does. Issue paths name parameters by their name: `parameters.2`, `parameters.order_id`.
 */

type Parameter = { name: string; type: 'text' | 'number' | 'currency' | 'date_time' };
type Definition = {
  parameterFormat: 'positional' | 'named';
  body: string;
  parameters: Parameter[];
  headerText: string | null;
  footer: string | null;
  status: 'approved' | 'pending' | 'rejected' | 'paused' | 'disabled';
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

/** The body as the customer reads it; values are inserted once, never scanned for placeholders themselves. */
export function renderTemplateBody(body: string, values: Map<string, string>): string {
  return body.replace(PLACEHOLDER, (whole, token: string) => values.get(token) ?? whole);
}
