import { z } from 'zod';

/** The `field` of a change that reports a template's review, beside `messages`. */
export const TEMPLATE_STATUS_FIELD = 'message_template_status_update';

/**
 * The `value` of a `message_template_status_update` change, after Meta's webhook reference: `event` is the new
 * state (APPROVED, REJECTED, PENDING, PAUSED, DISABLED, REINSTATED, …), `reason` a code such as INVALID_FORMAT
 * ("NONE" when there is none, null for a deletion), `rejection_info` the explanation of an INVALID_FORMAT.
 * Meta sends the template id as a JSON number; it is kept as text (it can exceed 2^53 one day).
 */
export const TemplateStatusUpdateValue = z.object({
  event: z.string().min(1),
  message_template_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String),
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  reason: z.string().nullable().optional(),
  message_template_category: z.string().optional(),
  rejection_info: z.object({ reason: z.string().optional(), recommendation: z.string().optional() }).optional(),
});
export type TemplateStatusUpdateValue = z.infer<typeof TemplateStatusUpdateValue>;
