import type { ContactDTO } from '@switchboard/shared';
import { i18n } from '../i18n';

/** The name an agent gave the customer, else the one they gave WhatsApp, else their number. */
export const contactName = (contact: ContactDTO) =>
  contact.name ?? contact.profileName ?? formatPhone(contact.waId) ?? i18n.t('common:unknownCustomer');

/** "+55 11 90000 0001"-ish grouping, enough to read a WhatsApp id at a glance. */
export function formatPhone(waId: string | null): string | null {
  if (!waId) return null;
  return `+${waId.replace(/(\d{2})(\d{2})(\d{4,5})(\d{4})$/, '$1 $2 $3 $4')}`;
}

/** A business number as agents know it: the number as dialled ("+15550100" when stored as digits), else its name. */
export function channelNumber(channel: { displayPhoneNumber: string | null; name: string }): string {
  const number = channel.displayPhoneNumber?.trim();
  if (!number) return channel.name;
  return /^\d+$/.test(number) ? `+${number}` : number;
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';
