import { describe, expect, it } from 'vitest';
import { templateValueIssues, type TemplateDTO } from '@switchboard/shared';
import {
  dateInputType,
  dateInputValue,
  issuesByParameter,
  joinCurrency,
  requestParameters,
  splitCurrency,
} from './template-form';

const template = {
  id: 't1',
  name: 'delivery_slot',
  language: 'en_US',
  parameterFormat: 'named',
  body: 'Hi {{customer_name}}, {{delivery_at}}, {{fee}}',
  parameters: [
    { name: 'customer_name', type: 'text', example: 'Maria' },
    { name: 'delivery_at', type: 'date_time', example: '2026-12-24T10:00' },
    { name: 'fee', type: 'currency', example: '12.50 USD' },
  ],
} as TemplateDTO;

describe('the template form', () => {
  it("what the date inputs produce is what the server's rule takes", () => {
    expect(dateInputType(template.parameters[1]!)).toBe('datetime-local');
    expect(dateInputType({ name: 'd', type: 'date_time', example: '2026-12-24' })).toBe('date');
    const values = { customer_name: ' João ', delivery_at: '2026-12-24T10:00', fee: joinCurrency('12.5', 'BRL') };
    const parameters = requestParameters(template, values);
    expect(parameters).toEqual({ customer_name: 'João', delivery_at: '2026-12-24T10:00', fee: '12.5 BRL' });
    expect(templateValueIssues(template, parameters)).toEqual([]);
  });

  it('a value a date input cannot show is left out of it (its error says what it was)', () => {
    expect(dateInputValue('datetime-local', 'tomorrow')).toBe('');
    expect(dateInputValue('datetime-local', '2026-12-24T10:00:30')).toBe('2026-12-24T10:00:30');
    expect(dateInputValue('date', '2026-12-24T10:00')).toBe('');
  });

  it("splits a currency value for its inputs, the code defaulting to the example's", () => {
    expect(splitCurrency('USD 3.5', '1 EUR')).toEqual({ amount: '3.5', code: 'USD' });
    expect(splitCurrency('', '12.50 USD')).toEqual({ amount: '', code: 'USD' });
    expect(joinCurrency('  ', 'USD')).toBe('');
  });

  it("puts each of the server's issues beside its parameter, and the rest above the form", () => {
    const { byName, general } = issuesByParameter(template, [
      { path: 'parameters.delivery_at', message: 'x', reason: 'wrong_type' },
      { path: 'parameters.place', message: 'y', reason: 'unknown' },
    ]);
    expect([...byName.keys()]).toEqual(['delivery_at']);
    expect(general.map((i) => i.path)).toEqual(['parameters.place']);
  });
});
