import type { ExtractedEntity } from '@switchboard/shared';

type OrderNumber = Extract<ExtractedEntity, { kind: 'order_number' }>;

// "#48213", "ORD-77341", "RMA-20931", "0001-00005521"; and a number right after the word for an order.
const TAGGED = /#\s?([A-Z0-9][A-Z0-9-]{2,24}\d)\b|\b([A-Z]{1,5}-\d{3,}(?:-\d+)?|\d{4}-\d{6,})\b/g;
const AFTER_WORD =
  /\b(?:order|pedido|orden|encomenda|compra|reserva|booking|po|oc|rma|tracking|rastreio|guia)\s*(?:n[oº°]\.?|number|numero|número|nro\.?|#)?\s*:?\s*([A-Z]{0,4}-?\d{4,})\b/gi;

/** Order, booking and return numbers, once each. */
export function findOrderNumbers(text: string): OrderNumber[] {
  const found = new Map<string, OrderNumber>();
  for (const match of text.matchAll(TAGGED)) {
    const value = (match[1] ?? match[2])!;
    if (/\d/.test(value)) found.set(value.toUpperCase(), { kind: 'order_number', text: match[0].trim(), value });
  }
  for (const match of text.matchAll(AFTER_WORD)) {
    const value = match[1]!;
    if (![...found.keys()].some((known) => known.endsWith(value.toUpperCase()))) {
      found.set(value.toUpperCase(), { kind: 'order_number', text: match[0].trim(), value });
    }
  }
  return [...found.values()];
}
