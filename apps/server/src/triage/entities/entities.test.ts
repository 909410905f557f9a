import { describe, expect, it } from 'vitest';
import { parseNumber } from './amounts.js';
import { extractEntities } from './index.js';

const RECEIVED = new Date(2026, 11, 7, 10, 0);

const kinds = (text: string, lang: 'en' | 'es' | 'pt') =>
  extractEntities(text, lang, RECEIVED).map(({ kind, value, ...rest }) => ({
    kind,
    value,
    ...('currency' in rest ? { currency: rest.currency } : {}),
  }));

describe('extractEntities', () => {
  it('finds an order number, an amount in reais and a date in a Portuguese message', () => {
    expect(kinds('o pedido 45120 de R$ 349,90 era pra chegar dia 12/12', 'pt')).toEqual([
      { kind: 'order_number', value: '45120' },
      { kind: 'amount', value: 349.9, currency: 'BRL' },
      { kind: 'date', value: '2026-12-12' },
    ]);
  });

  it('takes a day written without its year, months ahead, as the last one; a near one and a year given stand', () => {
    const dates = (text: string, lang: 'en' | 'es' | 'pt') =>
      kinds(text, lang).flatMap((e) => (e.kind === 'date' ? [e.value] : []));
    expect(dates('I ordered it on 3 March and still nothing', 'en')).toEqual(['2026-03-03']);
    expect(dates('comprei dia 15/11 e nada ainda', 'pt')).toEqual(['2026-11-15']);
    expect(dates('¿me pueden dar turno el 10 de enero?', 'es')).toEqual(['2027-01-10']);
    expect(dates('the invoice of 3 March 2027', 'en')).toEqual(['2027-03-03']);
  });

  it('reads tagged order numbers and euro amounts written after the number', () => {
    expect(kinds('Me devolvéis los 89,99€ del pedido ORD-77341? Mi email es Ana.Ruiz@correo.es', 'es')).toEqual([
      { kind: 'order_number', value: 'ORD-77341' },
      { kind: 'amount', value: 89.99, currency: 'EUR' },
      { kind: 'email', value: 'ana.ruiz@correo.es' },
    ]);
  });

  it('takes a bare dollar as USD in English, and claims no currency for pesos written as $', () => {
    expect(kinds('refund my $1,249 for #48213', 'en')).toEqual([
      { kind: 'order_number', value: '48213' },
      { kind: 'amount', value: 1249, currency: 'USD' },
    ]);
    expect(kinds('pagué $389.000 y nada', 'es')).toEqual([{ kind: 'amount', value: 389000, currency: null }]);
  });

  it('names the kinds of document a customer mentions, in any of the three languages', () => {
    expect(kinds('segue o comprovante e a nota fiscal', 'pt')).toEqual([
      { kind: 'document_kind', value: 'invoice' },
      { kind: 'document_kind', value: 'proof_of_payment' },
    ]);
    expect(kinds('I attached my passport', 'en')).toEqual([{ kind: 'document_kind', value: 'identity_document' }]);
  });

  it('finds nothing in a message without facts', () => {
    expect(extractEntities('hola, buenas tardes', 'es', RECEIVED)).toEqual([]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,249', 1249],
    ['389.000', 389000],
    ['89,99', 89.99],
    ['12.50', 12.5],
    ['1.249,90', 1249.9],
    ['1,249.90', 1249.9],
    ['560', 560],
  ])('reads %s as %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });
});
