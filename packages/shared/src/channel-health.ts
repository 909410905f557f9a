import { z } from 'zod';

/**
 * Whether a business number can send right now, as its outbound circuit breaker decides:
 * - `sending`: WhatsApp answers; replies go out as written;
 * - `down`: WhatsApp stopped answering for this number; replies wait and the next try is at `nextRetryAt`;
 * - `retrying`: the first try since it went down is on its way now.
 */
export const ChannelSendState = z.enum(['sending', 'down', 'retrying']);
export type ChannelSendState = z.infer<typeof ChannelSendState>;

export const ChannelSendHealthDTO = z.object({
  channelId: z.string(),
  name: z.string(),
  displayPhoneNumber: z.string().nullable(),
  state: ChannelSendState,
  /** When WhatsApp stopped answering (the first failure that stopped sending); null while `sending`. */
  downSince: z.string().nullable(),
  /** When the next try goes; null while `sending`. */
  nextRetryAt: z.string().nullable(),
  changedAt: z.string(),
});
export type ChannelSendHealthDTO = z.infer<typeof ChannelSendHealthDTO>;
