import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTemplateRequest, type SendTemplateContent } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';
import { AppError } from '../lib/errors.js';
import type { TemplateService } from './template.service.js';
import { loadTemplateSeed, TEMPLATE_SEED } from './template-seed.js';

let server: TestServer;
let templates: TemplateService;
beforeAll(async () => {
  server = await startTestServer();
  templates = server.app.services.templates;
  await loadTemplateSeed(templates);
});
afterAll(() => server.close());

/** The AppError a send is refused with, as the caller receives it. */
async function refusal(content: SendTemplateContent) {
  const error = await templates.prepareTemplateSend(content).then(
    () => expect.fail('the send was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const { status, code, message, issues } = error as AppError;
  return { status, code, message, issues: issues ?? [] };
}

describe('which templates can be sent', () => {
  it('an unknown name or language is TEMPLATE_NOT_FOUND naming both', async () => {
    expect(await refusal({ name: 'order_update', language: 'fr', parameters: [] })).toMatchObject({
      status: 404,
      code: 'TEMPLATE_NOT_FOUND',
      message: 'there is no template named order_update in fr',
    });
  });

  it('a pending template is refused saying so', async () => {
    const values = { customer_name: 'João', amount_due: '10.00 BRL', invoice_number: 'F-1', due_date: '2025-03-31' };
    expect(await refusal({ name: 'payment_reminder', language: 'pt_BR', parameters: values })).toMatchObject({
      status: 422,
      code: 'TEMPLATE_NOT_APPROVED',
      message: 'template payment_reminder in pt_BR is pending; only approved templates can be sent',
    });
  });

  it('a rejected template is refused with Meta’s reason', async () => {
    const refused = await refusal({
      name: 'delivery_issue_followup',
      language: 'en_US',
      parameters: ['https://x.example'],
    });
    expect(refused.code).toBe('TEMPLATE_NOT_APPROVED');
    expect(refused.message).toBe(
      'template delivery_issue_followup in en_US is rejected (INVALID_FORMAT: the body cannot end with a parameter); only approved templates can be sent',
    );
  });
});

describe('checking the values before anything is queued', () => {
  it('a wrong count of positional values names each one missing or extra', async () => {
    const refused = await refusal({ name: 'order_update', language: 'en_US', parameters: ['Maria', 'ORD-1'] });
    expect(refused).toMatchObject({
      status: 400,
      code: 'TEMPLATE_PARAMETERS_INVALID',
      message: 'the parameters do not fit template order_update in en_US: parameter 3 {{3}}: missing',
    });
    expect(refused.issues).toEqual([
      { path: 'parameters.3', message: 'parameter 3 {{3}}: missing', reason: 'missing' },
    ]);
    const extra = await refusal({
      name: 'order_update',
      language: 'en_US',
      parameters: ['Maria', 'ORD-1', '2025-03-14', 'again'],
    });
    expect(extra.issues).toEqual([
      { path: 'parameters.4', message: '{{4}}: unknown: the template has no such parameter', reason: 'unknown' },
    ]);
  });

  it('blank and whitespace-only values, naming each', async () => {
    const refused = await refusal({ name: 'order_update', language: 'en_US', parameters: ['', '   ', '2025-03-14'] });
    expect(refused.issues).toEqual([
      { path: 'parameters.1', message: 'parameter 1 {{1}}: blank: expected a text (any text)', reason: 'blank' },
      { path: 'parameters.2', message: 'parameter 2 {{2}}: blank: expected a text (any text)', reason: 'blank' },
    ]);
  });

  it('a value with a newline, which the Cloud API would refuse', async () => {
    const refused = await refusal({
      name: 'order_update',
      language: 'en_US',
      parameters: ['Maria', 'ORD-1\nORD-2', '2025-03-14'],
    });
    expect(refused.issues).toEqual([
      {
        path: 'parameters.2',
        message:
          'parameter 2 {{2}}: contains a newline, a tab or more than four spaces in a row, which WhatsApp refuses',
        reason: 'whitespace',
      },
    ]);
  });

  it('a date that is not ISO 8601, a currency without its code, an impossible date', async () => {
    const refused = await refusal({
      name: 'payment_reminder',
      language: 'en_US',
      parameters: { customer_name: 'Maria', amount_due: '$49.90', invoice_number: 'INV-1', due_date: '31/03/2025' },
    });
    expect(refused.issues).toEqual([
      {
        path: 'parameters.amount_due',
        message:
          "parameter 2 {{amount_due}}: expected a currency (an amount and an ISO 4217 code, like 12.50 USD or USD 12.50), got '$49.90'",
        reason: 'wrong_type',
      },
      {
        path: 'parameters.due_date',
        message:
          "parameter 4 {{due_date}}: expected a date_time (an ISO 8601 date or date-time, like 2025-03-14 or 2025-03-14T15:30:00Z), got '31/03/2025'",
        reason: 'wrong_type',
      },
    ]);
    const feb30 = await refusal({
      name: 'payment_reminder',
      language: 'en_US',
      parameters: { customer_name: 'Maria', amount_due: '49.90 USD', invoice_number: 'INV-1', due_date: '2025-02-30' },
    });
    expect(feb30.issues.map((i) => i.path)).toEqual(['parameters.due_date']);
  });

  it('a number that is not a number', async () => {
    await templates.create(
      CreateTemplateRequest.parse({
        name: 'points_balance',
        language: 'en_US',
        category: 'marketing',
        body: 'You have {{1}} points.',
        parameters: [{ name: '1', type: 'number', example: '120' }],
        status: 'approved',
      }),
      { id: null, name: 'test' },
    );
    expect((await refusal({ name: 'points_balance', language: 'en_US', parameters: ['twelve'] })).issues).toEqual([
      {
        path: 'parameters.1',
        message: "parameter 1 {{1}}: expected a number (like 3 or 12.5), got 'twelve'",
        reason: 'wrong_type',
      },
    ]);
    expect(
      (await templates.prepareTemplateSend({ name: 'points_balance', language: 'en_US', parameters: ['-12.5'] }))
        .renderedText,
    ).toBe('You have -12.5 points.');
  });

  it('unknown and missing named values', async () => {
    const refused = await refusal({
      name: 'appointment_reminder',
      language: 'es',
      parameters: { customer_name: 'Lucía', appointment_time: '2025-03-20T17:00:00+01:00', place: 'Gran Vía' },
    });
    expect(refused.issues).toEqual([
      { path: 'parameters.location', message: 'parameter 2 {{location}}: missing', reason: 'missing' },
      {
        path: 'parameters.place',
        message: '{{place}}: unknown: the template has no such parameter',
        reason: 'unknown',
      },
    ]);
  });

  it('a list for a named template, or an object for a positional one, says which shape to send', async () => {
    expect(
      (await refusal({ name: 'appointment_reminder', language: 'es', parameters: ['Lucía'] })).issues[0]!.message,
    ).toBe('this template takes named parameters: send an object with customer_name, location, appointment_time');
    expect(
      (await refusal({ name: 'order_update', language: 'es', parameters: { nombre: 'Lucía' } })).issues[0]!.message,
    ).toBe('this template takes positional parameters: send a list of 3 values');
  });
});

describe('what a checked send produces', () => {
  it('a positional template: the body parameters in order, and the text the customer reads', async () => {
    const prepared = await templates.prepareTemplateSend({
      name: 'order_update',
      language: 'en_US',
      parameters: [' Maria ', 'ORD-48213', '2025-03-14'],
    });
    expect(prepared.version).toBe(1);
    expect(prepared.components).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Maria' },
          { type: 'text', text: 'ORD-48213' },
          { type: 'date_time', date_time: { fallback_value: '2025-03-14' } },
        ],
      },
    ]);
    expect(prepared.renderedText).toBe(
      'Hi Maria, your order ORD-48213 has shipped and should arrive on 2025-03-14. Reply here if anything looks wrong.',
    );
  });

  it('a named template: parameter_name on each, currency as code and amount_1000', async () => {
    const prepared = await templates.prepareTemplateSend({
      name: 'payment_reminder',
      language: 'en_US',
      parameters: {
        due_date: '2025-03-31',
        invoice_number: 'INV-{{1}}',
        amount_due: 'USD 1049.9',
        customer_name: 'Maria',
      },
    });
    expect(prepared.components).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', parameter_name: 'customer_name', text: 'Maria' },
          {
            type: 'currency',
            parameter_name: 'amount_due',
            currency: { fallback_value: 'USD 1049.9', code: 'USD', amount_1000: 1049900 },
          },
          { type: 'text', parameter_name: 'invoice_number', text: 'INV-{{1}}' },
          { type: 'date_time', parameter_name: 'due_date', date_time: { fallback_value: '2025-03-31' } },
        ],
      },
    ]);
    // A value that looks like a placeholder is shown as written, not filled in again.
    expect(prepared.renderedText).toBe('Hi Maria, a payment of USD 1049.9 for invoice INV-{{1}} is due on 2025-03-31.');
  });

  it('the send follows the newest approved version', async () => {
    const [t] = await templates.list({ name: 'delivery_issue_followup', language: 'pt_BR' });
    const actor = { id: null, name: 'test' };
    const edited = await templates.update(
      t!.id,
      { version: 1, body: 'Olá {{customer_name}}, já estamos cuidando do pedido {{order_id}}.', status: 'approved' },
      actor,
    );
    const prepared = await templates.prepareTemplateSend({
      name: 'delivery_issue_followup',
      language: 'pt_BR',
      parameters: { customer_name: 'João', order_id: 'ORD-9' },
    });
    expect(prepared.version).toBe(edited.version);
    expect(prepared.renderedText).toBe('Olá João, já estamos cuidando do pedido ORD-9.');
  });
});

describe('the built-in catalogue', () => {
  it('loads once: a second load adds nothing and leaves every template at version 1', async () => {
    expect(await loadTemplateSeed(templates)).toBe(0);
    const fresh = await startTestServer();
    try {
      expect(await loadTemplateSeed(fresh.app.services.templates)).toBe(TEMPLATE_SEED.length);
      expect(await loadTemplateSeed(fresh.app.services.templates)).toBe(0);
      const all = await fresh.app.services.templates.list({});
      expect(all).toHaveLength(TEMPLATE_SEED.length);
      expect(new Set(all.map((t) => t.version))).toEqual(new Set([1]));
      expect(
        all
          .filter((t) => t.status !== 'approved')
          .map((t) => `${t.name}:${t.language}:${t.status}`)
          .sort(),
      ).toEqual(['delivery_issue_followup:en_US:rejected', 'payment_reminder:pt_BR:pending']);
    } finally {
      await fresh.close();
    }
  });
});
