import type { DocumentKind, ExtractedEntity } from '@switchboard/shared';
import { stripAccents } from '../text-normalizer.js';

type Document = Extract<ExtractedEntity, { kind: 'document_kind' }>;

// The words customers use for each kind, in the three languages (matched without accents, whole words).
const WORDS: Readonly<Record<DocumentKind, readonly string[]>> = {
  invoice: ['invoice', 'factura', 'nota fiscal', 'nf', 'nfe', 'nf-e', 'cfdi', 'fatura'],
  receipt: ['receipt', 'recibo', 'ticket', 'boleta', 'cupom fiscal', 'albaran'],
  proof_of_payment: [
    'proof of payment',
    'payment proof',
    'comprobante',
    'comprobante de pago',
    'comprovante',
    'comprovativo',
    'print do pagamento',
    'captura del pago',
  ],
  identity_document: [
    'passport',
    'id card',
    'driving licence',
    'drivers license',
    'ine',
    'dni',
    'cedula',
    'rg',
    'cnh',
    'pasaporte',
    'passaporte',
    'documento de identidad',
  ],
  contract: ['contract', 'contrato', 'signed form', 'formulario firmado', 'formulario', 'formulario assinado'],
  medical_document: [
    'prescription',
    'medical certificate',
    'receta',
    'receita',
    'atestado',
    'certificado medico',
    'referral',
    'laudo',
  ],
  tax_document: ['tax return', 'rut', 'constancia de situacion fiscal', 'irs', 'declaracion de renta', 'declaracao'],
  bill: ['bill', 'cuenta de luz', 'conta de luz', 'recibo de luz', 'boleto'],
  voucher: ['voucher', 'vale', 'cupon', 'cupom'],
};

const PATTERNS = Object.entries(WORDS).map(
  ([kind, words]) => [kind as DocumentKind, new RegExp(`\\b(?:${words.join('|')})\\b`, 'i')] as const,
);

/** The kinds of document a message names, once each, in the words the customer used. */
export function findDocumentKinds(text: string): Document[] {
  const plain = stripAccents(text);
  return PATTERNS.flatMap(([kind, pattern]) => {
    const match = pattern.exec(plain);
    return match
      ? [{ kind: 'document_kind' as const, value: kind, text: text.slice(match.index, match.index + match[0].length) }]
      : [];
  });
}
