import { describe, expect, it } from 'vitest';
import {
  cannedValuesFor,
  entitiesFromAttributes,
  renderCannedText,
  unfilledVariablesIn,
  unknownVariablesIn,
} from './canned-variables.js';
import { CreateCannedReplyRequest } from './canned-reply.js';

const context = {
  contact: { name: null, profileName: 'María José Pérez', email: null, waId: '5491155550000' },
  agent: { name: 'Ana Lima' },
  entities: [
    { kind: 'order_number' as const, value: 'A-100' },
    { kind: 'order_number' as const, value: 'A-204' },
  ],
};

describe('canned reply variables', () => {
  it('fills the customer first name, the agent and the newest order number', () => {
    const { text, missing } = renderCannedText(
      'Hola {{contact.first_name}}, soy {{ agent.first_name }}. Tu pedido {{entity.order_number}} sale hoy.',
      cannedValuesFor(context),
    );
    expect(text).toBe('Hola María, soy Ana. Tu pedido A-204 sale hoy.');
    expect(missing).toEqual([]);
  });

  it('prefers the name an agent gave the contact over the WhatsApp profile name', () => {
    const values = cannedValuesFor({ ...context, contact: { ...context.contact, name: 'Majo' } });
    expect(renderCannedText('Hi {{contact.first_name}}', values).text).toBe('Hi Majo');
  });

  it('uses the fallback when a value is unknown, and keeps an unfilled variable visible otherwise', () => {
    const values = cannedValuesFor({ ...context, contact: { ...context.contact, profileName: null }, entities: [] });
    const rendered = renderCannedText('Hi {{contact.first_name | there}}, order {{entity.order_number}}?', values);
    expect(rendered.text).toBe('Hi there, order {{entity.order_number}}?');
    expect(rendered.missing).toEqual(['entity.order_number']);
    expect(unfilledVariablesIn(rendered.text)).toEqual(['entity.order_number']);
  });

  it('names unknown variables, and a canned reply that uses one is refused with the field named', () => {
    expect(unknownVariablesIn('Hi {{contact.frist_name}} {{agent.name}}')).toEqual(['contact.frist_name']);
    const parsed = CreateCannedReplyRequest.safeParse({
      scope: 'shared',
      shortcut: 'Hi',
      text: 'Hi {{contact.frist_name}}',
      language: 'en',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['text'] });
    expect(parsed.error?.issues[0]?.message).toContain('{{contact.frist_name}}');
  });

  it('reads entities from a bot handoff attributes in en, es and pt', () => {
    expect(
      entitiesFromAttributes({ order_number: 'A-1', pedido: 'B-2', 'número do pedido': 'C-3', plan: 'x' }),
    ).toEqual([
      { kind: 'order_number', value: 'A-1' },
      { kind: 'order_number', value: 'B-2' },
      { kind: 'order_number', value: 'C-3' },
    ]);
  });
});
