import { z } from 'zod';
import { OptionalIdentifier, WebhookError } from './envelope.schema.js';

export const DeliveryStatus = z.enum(['sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** One delivery status of a message the business sent. */
export const WebhookStatus = z.object({
  id: z.string().min(1),
  status: DeliveryStatus,
  timestamp: z.string().regex(/^\d+$/, 'must be unix seconds'),
  recipient_id: OptionalIdentifier,
  recipient_user_id: OptionalIdentifier,
  recipient_parent_user_id: OptionalIdentifier,
  errors: z.array(WebhookError).optional(),
  conversation: z.record(z.string(), z.unknown()).optional(),
  pricing: z.record(z.string(), z.unknown()).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type WebhookStatus = z.infer<typeof WebhookStatus>;
