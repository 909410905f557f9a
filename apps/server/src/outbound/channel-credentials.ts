import type { Config } from '../lib/config.js';
import type { ChannelDoc } from '../models/channel.model.js';
import type { ChannelCredentials } from './whatsapp-client.js';

/** A channel's own Cloud API settings where it has them, the server-wide ones otherwise. */
export function credentialsOf(channel: ChannelDoc, config: Config): ChannelCredentials {
  return {
    baseUrl: channel.apiBaseUrl ?? config.WHATSAPP_API_BASE_URL,
    apiVersion: channel.apiVersion ?? config.WHATSAPP_API_VERSION,
    phoneNumberId: channel.phoneNumberId,
    accessToken: channel.accessToken ?? config.WHATSAPP_ACCESS_TOKEN,
  };
}
