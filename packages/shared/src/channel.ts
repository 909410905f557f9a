import { z } from 'zod';
import { ObjectIdString } from './ids.js';

/** A WhatsApp business number (phone_number_id). Numbers nobody registered are kept as `unregistered`. */
export const ChannelDTO = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  displayPhoneNumber: z.string().nullable(),
  wabaId: z.string().nullable(),
  name: z.string(),
  status: z.enum(['active', 'unregistered']),
  /** Opening a conversation marks the customer's messages read on WhatsApp (their blue ticks). */
  markReadOnOpen: z.boolean(),
  memberIds: z.array(z.string()),
  /** Whether the number has its own Cloud API token. The token itself is write-only: no answer ever carries it. */
  hasAccessToken: z.boolean(),
  accessTokenSetAt: z.string().nullable(),
  /** The Graph API version this number's calls use; null means the server-wide WHATSAPP_API_VERSION. */
  apiVersion: z.string().nullable(),
  createdAt: z.string(),
});
export type ChannelDTO = z.infer<typeof ChannelDTO>;

/** A Cloud API access token: long, without spaces. Write-only. */
const AccessToken = z
  .string()
  .min(20, 'must be the access token Meta gave you (at least 20 characters)')
  .max(1000)
  .regex(/^\S+$/, 'must not contain spaces');
const ApiVersion = z.string().regex(/^v\d{1,3}\.\d{1,2}$/, 'must look like v23.0');

export const CreateChannelRequest = z.object({
  phoneNumberId: z.string().regex(/^\d{5,20}$/, 'must be the numeric phone_number_id from Meta'),
  name: z.string().trim().min(1).max(100),
  displayPhoneNumber: z.string().max(40).optional(),
  wabaId: z.string().max(40).optional(),
  accessToken: AccessToken.optional(),
  apiVersion: ApiVersion.optional(),
});
export type CreateChannelRequest = z.infer<typeof CreateChannelRequest>;

export const UpdateChannelRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    displayPhoneNumber: z.string().max(40),
    status: z.literal('active'),
    /** A new token replaces the old one; null removes it (the server-wide token is used again). */
    accessToken: AccessToken.nullable(),
    apiVersion: ApiVersion.nullable(),
    markReadOnOpen: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateChannelRequest = z.infer<typeof UpdateChannelRequest>;

export const ChannelMembersRequest = z.object({ userIds: z.array(ObjectIdString).max(1000) });
export type ChannelMembersRequest = z.infer<typeof ChannelMembersRequest>;

/**
 * `POST /api/conversations/:id/read`: what marking the customer's messages read on WhatsApp did. `marked`:
 * WhatsApp took the read receipt for `messageId` (the latest customer message, which covers those before it).
 */
export const MarkReadResult = z.object({
  outcome: z.enum(['marked', 'already-marked', 'turned-off', 'nothing-to-mark', 'failed']),
  messageId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type MarkReadResult = z.infer<typeof MarkReadResult>;
