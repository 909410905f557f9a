import { describe, expect, it } from 'vitest';
import { prepareText } from './text-normalizer.js';

describe('prepareText', () => {
  it('collapses elongated letters without breaking real double letters', () => {
    expect(prepareText('Holaaaa').languageText).toBe('hola');
    expect(prepareText('goood morning').languageText).toBe('good morning');
    expect(prepareText('reeeembolso').intentText).toBe('reembolso');
  });

  it('turns emoji into spaces but keeps their mood', () => {
    const angry = prepareText('where is my order😡😡');
    expect(angry.languageText).toBe('where is my order');
    expect(angry.emojiPolarity).toBeLessThan(-1);
    expect(prepareText('thanks 👍🏽').emojiPolarity).toBeGreaterThan(0);
    expect(prepareText('📦').emojiPolarity).toBe(0);
  });

  it('keeps accents for language detection but drops them, fillers and function words for intent', () => {
    const prepared = prepareText('Por favor, ¿dónde está mi pedido?');
    expect(prepared.languageText).toBe('por favor, ¿dónde está mi pedido?');
    expect(prepared.intentText).toBe('donde pedido');
  });

  it('spells out chat slang, and drops the slang for function words', () => {
    expect(prepareText('vc sabe pq nao chegou').intentText).toBe('voce sabe porque nao chegou');
    expect(prepareText('can u help').intentText).toBe('can help');
  });
});
