import {
  valuesByName,
  type ErrorIssue,
  type TemplateDTO,
  type TemplateParameter,
  type TemplateParameterValues,
} from '@switchboard/shared';

export type FormValues = Record<string, string>;

/** The form's values (keyed by parameter name) as the send request takes them: a list or an object. */
export function requestParameters(template: TemplateDTO, values: FormValues): TemplateParameterValues {
  const value = (p: TemplateParameter) => (values[p.name] ?? '').trim();
  return template.parameterFormat === 'positional'
    ? template.parameters.map(value)
    : Object.fromEntries(template.parameters.map((p) => [p.name, value(p)]));
}

/** Values sent before (a failed send reopened) as the form holds them. */
export const formValues = (parameters: TemplateParameterValues): FormValues =>
  Object.fromEntries(valuesByName(parameters));

/** The issues that name one parameter, by its name; the rest (the values' shape, unknown names) apart. */
export function issuesByParameter(template: TemplateDTO, issues: ErrorIssue[]) {
  const byName = new Map<string, ErrorIssue>();
  const general: ErrorIssue[] = [];
  const names = new Set(template.parameters.map((p) => p.name));
  for (const issue of issues) {
    const name = issue.path.startsWith('parameters.') ? issue.path.slice('parameters.'.length) : null;
    if (name !== null && names.has(name) && !byName.has(name)) byName.set(name, issue);
    else general.push(issue);
  }
  return { byName, general };
}

/** A date_time parameter whose example is a plain date takes a date; otherwise a date and a time. */
export const dateInputType = (p: TemplateParameter): 'date' | 'datetime-local' =>
  /^\d{4}-\d{2}-\d{2}$/.test(p.example.trim()) ? 'date' : 'datetime-local';

/** What a date input can show of a value: the value itself when it is in the input's own format, else nothing. */
export function dateInputValue(type: 'date' | 'datetime-local', value: string): string {
  const format = type === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
  return format.test(value) ? value : '';
}

const CURRENCY = /^(?:([A-Z]{3}) )?(\d+(?:\.\d+)?)(?: ([A-Z]{3}))?$/;

/** A currency value split for its two inputs (amount, ISO 4217 code); the code defaults to the example's. */
export function splitCurrency(value: string, example: string): { amount: string; code: string } {
  const fallback = CURRENCY.exec(example.trim());
  const parsed = CURRENCY.exec(value.trim());
  const code = parsed?.[1] ?? parsed?.[3] ?? fallback?.[1] ?? fallback?.[3] ?? '';
  return { amount: parsed?.[2] ?? '', code };
}

export const joinCurrency = (amount: string, code: string) => (amount.trim() ? `${amount.trim()} ${code}` : '');
