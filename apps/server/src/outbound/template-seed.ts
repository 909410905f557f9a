import { CreateTemplateRequest } from '@switchboard/shared';
import type { z } from 'zod';
import { AppError } from '../lib/errors.js';
import type { TemplateActor, TemplateService } from './template.service.js';

const SEED_ACTOR: TemplateActor = { id: null, name: 'built-in catalogue' };

/** A realistic starting catalogue for the dev stack: positional and named, three languages, one pending, one rejected. */
export const TEMPLATE_SEED: z.input<typeof CreateTemplateRequest>[] = [
  {
    name: 'order_update',
    language: 'en_US',
    category: 'utility',
    headerText: 'Order update',
    body: 'Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}. Reply here if anything looks wrong.',
    parameters: [
      { name: '1', type: 'text', example: 'Maria' },
      { name: '2', type: 'text', example: 'ORD-48213' },
      { name: '3', type: 'date_time', example: '2025-03-14' },
    ],
    footer: 'Acme Store',
    status: 'approved',
  },
  {
    name: 'order_update',
    language: 'es',
    category: 'utility',
    body: 'Hola {{1}}, tu pedido {{2}} fue enviado y debería llegar el {{3}}. Responde aquí si algo no está bien.',
    parameters: [
      { name: '1', type: 'text', example: 'Lucía' },
      { name: '2', type: 'text', example: 'ORD-48214' },
      { name: '3', type: 'date_time', example: '2025-03-14' },
    ],
    status: 'approved',
  },
  {
    name: 'order_update',
    language: 'pt_BR',
    category: 'utility',
    body: 'Olá {{1}}, seu pedido {{2}} foi enviado e deve chegar em {{3}}. Responda aqui se algo estiver errado.',
    parameters: [
      { name: '1', type: 'text', example: 'João' },
      { name: '2', type: 'text', example: 'ORD-48215' },
      { name: '3', type: 'date_time', example: '2025-03-14' },
    ],
    status: 'approved',
  },
  {
    name: 'payment_reminder',
    language: 'en_US',
    category: 'utility',
    parameterFormat: 'named',
    body: 'Hi {{customer_name}}, a payment of {{amount_due}} for invoice {{invoice_number}} is due on {{due_date}}.',
    parameters: [
      { name: 'customer_name', type: 'text', example: 'Maria' },
      { name: 'amount_due', type: 'currency', example: '49.90 USD' },
      { name: 'invoice_number', type: 'text', example: 'INV-2025-0311' },
      { name: 'due_date', type: 'date_time', example: '2025-03-31' },
    ],
    status: 'approved',
  },
  {
    name: 'payment_reminder',
    language: 'pt_BR',
    category: 'utility',
    parameterFormat: 'named',
    body: 'Olá {{customer_name}}, o pagamento de {{amount_due}} da fatura {{invoice_number}} vence em {{due_date}}.',
    parameters: [
      { name: 'customer_name', type: 'text', example: 'João' },
      { name: 'amount_due', type: 'currency', example: '149.90 BRL' },
      { name: 'invoice_number', type: 'text', example: 'FAT-2025-0311' },
      { name: 'due_date', type: 'date_time', example: '2025-03-31' },
    ],
    status: 'pending',
  },
  {
    name: 'appointment_reminder',
    language: 'en_US',
    category: 'utility',
    body: 'Hi {{1}}, this is a reminder of your appointment at {{2}} on {{3}}. Reply 1 to confirm or 2 to reschedule.',
    parameters: [
      { name: '1', type: 'text', example: 'Maria' },
      { name: '2', type: 'text', example: 'our Main Street store' },
      { name: '3', type: 'date_time', example: '2025-03-20T15:30:00-05:00' },
    ],
    status: 'approved',
  },
  {
    name: 'appointment_reminder',
    language: 'es',
    category: 'utility',
    parameterFormat: 'named',
    body: 'Hola {{customer_name}}, te recordamos tu cita en {{location}} el {{appointment_time}}. Responde 1 para confirmar o 2 para cambiarla.',
    parameters: [
      { name: 'customer_name', type: 'text', example: 'Lucía' },
      { name: 'location', type: 'text', example: 'la tienda de Gran Vía' },
      { name: 'appointment_time', type: 'date_time', example: '2025-03-20T17:00:00+01:00' },
    ],
    status: 'approved',
  },
  {
    name: 'delivery_issue_followup',
    language: 'pt_BR',
    category: 'utility',
    parameterFormat: 'named',
    body: 'Olá {{customer_name}}, sentimos muito pelo problema com a entrega do pedido {{order_id}}. Um atendente vai falar com você em breve.',
    parameters: [
      { name: 'customer_name', type: 'text', example: 'João' },
      { name: 'order_id', type: 'text', example: 'ORD-48215' },
    ],
    status: 'approved',
  },
  {
    name: 'delivery_issue_followup',
    language: 'en_US',
    category: 'utility',
    body: 'We are sorry your delivery had a problem. Tell us what happened so we can fix it: {{1}}',
    parameters: [{ name: '1', type: 'text', example: 'https://acme.example/help/ORD-48213' }],
    status: 'rejected',
    rejectionReason: 'INVALID_FORMAT: the body cannot end with a parameter',
  },
  // The satisfaction survey outside the 24-hour window (see csat/): answered with the digit.
  {
    name: 'csat_survey',
    language: 'en_US',
    category: 'utility',
    body: 'How would you rate the help you got from us? Reply 1 (not good), 2 (OK) or 3 (great).',
    status: 'approved',
  },
  {
    name: 'csat_survey',
    language: 'es',
    category: 'utility',
    body: '¿Cómo valorarías la ayuda que recibiste? Responde 1 (mala), 2 (regular) o 3 (excelente).',
    status: 'approved',
  },
  {
    name: 'csat_survey',
    language: 'pt_BR',
    category: 'utility',
    body: 'Como você avalia a ajuda que recebeu? Responda 1 (ruim), 2 (regular) ou 3 (ótima).',
    status: 'approved',
  },
];

/** Adds the catalogue templates that are missing; running it again changes nothing. Returns how many it added. */
export async function loadTemplateSeed(templates: TemplateService): Promise<number> {
  let added = 0;
  for (const template of TEMPLATE_SEED) {
    try {
      await templates.create(CreateTemplateRequest.parse(template), SEED_ACTOR);
      added++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  return added;
}
