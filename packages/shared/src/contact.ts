import { z } from 'zod';

export const ContactDTO = z.object({
  id: z.string(),
  /** The customer's WhatsApp id (their phone number); null for username-only users known by `userId`. */
  waId: z.string().nullable(),
  /** Meta's business-scoped user id, present once WhatsApp sends it. */
  userId: z.string().nullable(),
  profileName: z.string().nullable(),
  /** The customer asked not to receive business-initiated messages (STOP and the like). */
  optedOut: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactDTO = z.infer<typeof ContactDTO>;
