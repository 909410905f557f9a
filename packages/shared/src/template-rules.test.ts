import { describe, expect, it } from 'vitest';
import { templateDefinitionIssues } from './template-rules.js';
import { parseCurrency, parameterValueIssue } from './template-values.js';

describe('currency values', () => {
  it('take the amount and the ISO 4217 code in either order, as the Cloud API’s amount_1000', () => {
    expect(parseCurrency('12.50 USD')).toEqual({ code: 'USD', amount1000: 12500 });
    expect(parseCurrency('BRL 149.9')).toEqual({ code: 'BRL', amount1000: 149900 });
    expect(parseCurrency('0.125 KWD')).toEqual({ code: 'KWD', amount1000: 125 });
  });

  it('refuse symbols, lowercase codes, commas, negative amounts and a fourth decimal', () => {
    for (const value of ['$12.50', '12.50 usd', '12,50 EUR', '-5 USD', '1.2345 USD', '12.50USD', 'USD']) {
      expect(parseCurrency(value), value).toBeNull();
    }
  });
});

describe('date_time values', () => {
  it('accept ISO 8601 dates and date-times, with or without an offset', () => {
    for (const value of ['2024-02-29', '2025-03-14T15:30:00Z', '2025-03-14T15:30:00-03:00', '2025-03-14T15:30']) {
      expect(parameterValueIssue('date_time', value), value).toBeNull();
    }
  });

  it('refuse impossible dates and other formats', () => {
    for (const value of ['2025-02-29', '14/03/2025', 'March 14', '2025-03-14 15:30']) {
      expect(parameterValueIssue('date_time', value), value).not.toBeNull();
    }
  });
});

describe('template definitions', () => {
  const base = { headerText: null, footer: null, status: 'pending' as const, rejectionReason: null };

  it('positional parameters must be declared as 1, 2, … in order', () => {
    const issues = templateDefinitionIssues({
      ...base,
      parameterFormat: 'positional',
      body: 'Hi {{1}}, order {{2}}.',
      parameters: [
        { name: '2', type: 'text' },
        { name: '1', type: 'text' },
      ],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'parameters.0.name: must be "1": positional parameters are named 1, 2, … in order',
      'parameters.1.name: must be "2": positional parameters are named 1, 2, … in order',
    ]);
  });

  it('the header and footer take no placeholders', () => {
    const issues = templateDefinitionIssues({
      ...base,
      parameterFormat: 'positional',
      body: 'Hello.',
      parameters: [],
      headerText: 'Order {{1}}',
    });
    expect(issues).toEqual([{ path: 'headerText', message: 'must be plain text: only the body takes parameters' }]);
  });
});
