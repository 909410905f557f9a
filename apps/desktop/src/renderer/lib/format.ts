import type { ContactDTO } from '@switchboard/shared';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { i18n } from '../i18n';

/** The name an agent gave the customer, else the one they gave WhatsApp, else their number. */
export const contactName = (contact: ContactDTO) =>
  contact.name ?? contact.profileName ?? formatPhone(contact.waId) ?? i18n.t('common:unknownCustomer');

/**
 * A WhatsApp number (its digits) grouped as its country writes it: "+55 11 90000 0001", "+54 9 11 5555 0101",
 * "+1 555 123 4567" (libphonenumber-js). A number too short for its country still shows its country code apart.
 */
export function formatPhone(waId: string | null): string | null {
  if (!waId) return null;
  return parsePhoneNumberFromString(`+${waId}`)?.formatInternational() ?? `+${waId}`;
}

/** A business number as agents know it: grouped like customers' numbers when stored as digits, else its name. */
export function channelNumber(channel: { displayPhoneNumber: string | null; name: string }): string {
  const number = channel.displayPhoneNumber?.trim();
  if (!number) return channel.name;
  return /^\d+$/.test(number) ? formatPhone(number)! : number;
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';
