import { beforeAll, describe, expect, it } from 'vitest';
import { loadClassifierSettings } from './classifier-settings.js';
import { createIntentClassifier, type IntentClassifier } from './intent-classifier.js';
import type { IntentLabel, TriageLanguage } from './intents.js';

// Messages written for this test: in none of the corpus or evaluation files.
const EXAMPLES: [TriageLanguage, string, IntentLabel][] = [
  ['en', "hey where's my order #5531?", 'order_status'],
  ['en', 'the box arrived completely crushed 😡', 'delivery_problem'],
  ['en', 'cancell my ordr', 'cancel_order'],
  ['en', 'my card got declined twice 😩', 'payment_issue'],
  ['en', 'can i speak to a real human?', 'talk_to_human'],
  ['en', 'i forgot my pasword and cant log in', 'account_access'],
  ['es', 'holaa, dónde está mi pedidooo??', 'order_status'],
  ['es', 'me cobraron dos veces!! 😡', 'payment_issue'],
  ['es', 'quiero cancelar mi orden xfa', 'cancel_order'],
  ['es', 'necesito factura con mi rfc', 'invoice_question'],
  ['es', 'kiero hablar con un asesor', 'talk_to_human'],
  ['es', 'BAJA', 'opt_out'],
  ['pt', 'oiii cadê meu pedido?? 📦', 'order_status'],
  ['pt', 'o pix não caiu e já paguei', 'payment_issue'],
  ['pt', 'quero o reembolso do meu pedido', 'refund_request'],
  ['pt', 'segue o comprovante 📎', 'document_submission'],
  ['pt', 'preciso remarcar meu horário', 'appointment'],
  ['pt', 'que atendimento horrível, estou irritado', 'complaint'],
];

describe('intent classifier trained from the repository corpus', () => {
  let classifier: IntentClassifier;
  beforeAll(async () => {
    classifier = await createIntentClassifier();
  });

  it.each(EXAMPLES)('[%s] "%s" is %s, in that language', async (lang, text, intent) => {
    const result = await classifier.classify(text);
    expect(result.intent).toBe(intent);
    expect(result.language).toBe(lang);
    expect(result.confidence).toBeGreaterThanOrEqual(classifier.threshold);
  });

  it.each([
    ['haha my dog just stole my sandwich', 'en'],
    ['qué rico el asado de ayer', 'es'],
    ['vamos ao cinema hoje à noite?', 'pt'],
  ] as const)('calls off-topic chatter unknown: "%s"', async (text, lang) => {
    const result = await classifier.classify(text);
    expect(result.intent).toBe('unknown');
    expect(result.language).toBe(lang);
  });

  it('calls a message of only emoji unknown, in the hinted language', async () => {
    expect(await classifier.classify('🤣🤣', 'pt')).toMatchObject({
      intent: 'unknown',
      language: 'pt',
      alternatives: [],
    });
  });

  it('reads the intent of a mixed-language message from all of its words', async () => {
    expect((await classifier.classify('mi paquete arrived damaged')).intent).toBe('delivery_problem');
  });

  it('lets the hint decide the language when the words are shared', async () => {
    expect((await classifier.classify('pedido?', 'pt')).language).toBe('pt');
    expect((await classifier.classify('pedido?', 'es')).language).toBe('es');
  });

  it('scores anger below zero, thanks above it, and a plain question near zero', async () => {
    expect((await classifier.classify('this is the worst service, im furious 😡')).sentiment).toBeLessThan(-0.5);
    expect((await classifier.classify('no llegó nada, pésimo servicio')).sentiment).toBeLessThan(-0.3);
    expect((await classifier.classify('thanks, great service!')).sentiment).toBeGreaterThan(0.3);
    expect(Math.abs((await classifier.classify('where is my order')).sentiment)).toBeLessThan(0.1);
  });

  it('reads the checked-in weights instead of training (pnpm triage:train rewrites them), and says how long start took', () => {
    expect(classifier.weightsFrom).toBe('file');
    expect(classifier.trainingMs).toBeGreaterThan(0);
  });
});

describe('confidence threshold', () => {
  it('turns a guess below the threshold into unknown and offers it as the first alternative', async () => {
    const corpus = {
      en: [
        ...[
          'where is my order',
          'order status please',
          'has my order shipped',
          'track my order',
          'when does my order arrive',
        ].map((text) => ({ text, intent: 'order_status' as const, source: 'test' })),
        ...['i want a refund', 'refund my money', 'give me a refund', 'refund please', 'money back please'].map(
          (text) => ({ text, intent: 'refund_request' as const, source: 'test' }),
        ),
      ],
      es: [],
      pt: [],
    };
    const unsure = await createIntentClassifier({ corpus, settings: { ...loadClassifierSettings(), threshold: 0.99 } });
    const result = await unsure.classify('order money');
    expect(result.intent).toBe('unknown');
    expect(result.alternatives[0]?.intent).toMatch(/order_status|refund_request/);
    expect(result.confidence).toBeLessThan(0.99);
  });
});
