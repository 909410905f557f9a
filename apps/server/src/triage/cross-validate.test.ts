import { describe, expect, it } from 'vitest';
import { crossValidate, formatCrossValidation } from './cross-validate.js';
import type { Corpus } from './corpus.js';

const examples = (intent: 'order_status' | 'refund_request', texts: string[]) =>
  texts.map((text) => ({ text, intent }));

// Two intents with distinct words in each language: held-out examples are easy, so a wrong fold split shows.
const corpus: Corpus = {
  en: [
    ...examples('order_status', [
      'where is my order',
      'where is my parcel',
      'my order status',
      'track my order',
      'order tracking please',
      'where is the parcel',
    ]),
    ...examples('refund_request', [
      'i want a refund',
      'refund my money',
      'money back',
      'refund please',
      'give my money back',
      'i want my money',
    ]),
  ],
  es: [
    ...examples('order_status', [
      'donde esta mi pedido',
      'donde esta el paquete',
      'estado de mi pedido',
      'rastrear mi pedido',
      'seguimiento del pedido',
      'donde anda el paquete',
    ]),
    ...examples('refund_request', [
      'quiero un reembolso',
      'reembolso de mi dinero',
      'devuelvan mi dinero',
      'reembolso porfa',
      'quiero mi dinero',
      'devuelvan la plata',
    ]),
  ],
  pt: [
    ...examples('order_status', [
      'cade meu pedido',
      'onde esta o pacote',
      'status do meu pedido',
      'rastrear meu pedido',
      'rastreio do pedido',
      'cade o pacote',
    ]),
    ...examples('refund_request', [
      'quero reembolso',
      'reembolso do dinheiro',
      'devolvam meu dinheiro',
      'reembolso pfv',
      'quero meu dinheiro',
      'estorno do dinheiro',
    ]),
  ],
};

describe('crossValidate', () => {
  it('scores every held-out example once per threshold and picks the highest threshold that costs nothing', async () => {
    const result = await crossValidate(3, corpus);
    expect(result.sweep.map((s) => s.threshold)).toContain(result.bestThreshold);
    const atZero = result.sweep[0];
    expect(atZero?.threshold).toBe(0);
    expect(atZero?.overall).toBeGreaterThan(0.8);
    const top = Math.max(...result.sweep.map((s) => s.overall));
    const higher = result.sweep.filter((s) => s.threshold > result.bestThreshold);
    expect(higher.every((s) => s.overall < top - 0.005)).toBe(true);
    expect(formatCrossValidation(result)).toMatch(/3-fold cross-validation[\s\S]*best threshold: /);
  });
});
