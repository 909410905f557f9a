import { z } from 'zod';
import { DEFAULT_WABA_ID } from './envelope.js';
import type { SimulatorContext } from './simulator-context.js';
import type { WebhookDelivery } from './webhook-client.js';

/** The events Meta's `message_template_status_update` webhook carries (its reference lists more; these move a status). */
export const TemplateReviewEvent = z.enum(['APPROVED', 'REJECTED', 'PENDING', 'PAUSED', 'DISABLED', 'REINSTATED']);
export type TemplateReviewEvent = z.infer<typeof TemplateReviewEvent>;

/** What a test or a person decides about a submitted template (`POST /__simulator/templates/:id/review`). */
export const templateReviewSchema = z.object({
  event: TemplateReviewEvent,
  reason: z.string().min(1).max(100).optional(),
  rejectionInfo: z.object({ reason: z.string().min(1), recommendation: z.string().min(1) }).optional(),
});
export type TemplateReviewInput = z.input<typeof templateReviewSchema>;

export interface TemplateStatusUpdateOptions {
  event: TemplateReviewEvent;
  /** Meta's template id, as the creation answered it (sent as a JSON number, as Meta does). */
  templateId: string;
  name: string;
  language: string;
  category?: string;
  /** A code such as INVALID_FORMAT or ABUSIVE_CONTENT; Meta sends "NONE" when there is none. */
  reason?: string;
  /** Meta's explanation and advice, sent with some rejections. */
  rejectionInfo?: { reason: string; recommendation: string };
  wabaId?: string;
  /** When Meta triggered the webhook; now by default. */
  at?: Date;
}

export interface TemplateStatusWebhookPayload {
  object: 'whatsapp_business_account';
  entry: Array<{
    id: string;
    time: number;
    changes: Array<{ field: 'message_template_status_update'; value: Record<string, unknown> }>;
  }>;
}

/** One `message_template_status_update` webhook body, shaped as Meta's webhook reference shows it. */
export function templateStatusUpdate(o: TemplateStatusUpdateOptions): TemplateStatusWebhookPayload {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: o.wabaId ?? DEFAULT_WABA_ID,
        time: Math.floor((o.at ?? new Date()).getTime() / 1000),
        changes: [
          {
            field: 'message_template_status_update',
            value: {
              event: o.event,
              message_template_id: Number(o.templateId),
              message_template_name: o.name,
              message_template_language: o.language,
              reason: o.reason ?? 'NONE',
              ...(o.category ? { message_template_category: o.category } : {}),
              ...(o.rejectionInfo ? { rejection_info: o.rejectionInfo } : {}),
            },
          },
        ],
      },
    ],
  };
}

/**
 * Meta's review of a submitted template: its status moves, and the signed `message_template_status_update`
 * webhook goes to the server, as message statuses do. Undefined when no template has that id.
 */
export async function reviewTemplate(
  ctx: SimulatorContext,
  post: (payload: TemplateStatusWebhookPayload) => Promise<WebhookDelivery>,
  id: string,
  input: TemplateReviewInput,
): Promise<WebhookDelivery | undefined> {
  const review = templateReviewSchema.parse(input);
  const template = ctx.templates.find((t) => t.id === id);
  if (!template) return undefined;
  template.status = review.event;
  return post(
    templateStatusUpdate({
      event: review.event,
      templateId: template.id,
      name: template.name,
      language: template.language,
      category: template.category,
      wabaId: template.wabaId,
      ...(review.reason ? { reason: review.reason } : {}),
      ...(review.rejectionInfo ? { rejectionInfo: review.rejectionInfo } : {}),
    }),
  );
}
