import { isRefusedProviderCode, type MessageDTO } from '@switchboard/shared';
import { i18n } from '../i18n';

/**
 * Why a reply did not reach the customer, in the agent's language: WhatsApp's refusals by Meta's code (the
 * shared list the server explains), a reply given up after its tries by its count; anything else as the server
 * said it (in English), then WhatsApp's own words.
 */
export function deliveryFailureText(message: Pick<MessageDTO, 'status' | 'error' | 'failureReason' | 'attempts'>) {
  if (message.status === 'dead') return i18n.t('thread:failure.gaveUp', { count: message.attempts });
  const code = message.error?.code;
  if (isRefusedProviderCode(code)) return i18n.t(`thread:failure.provider.${code}`);
  return message.failureReason ?? message.error?.message ?? message.error?.title ?? i18n.t('thread:failure.refused');
}
