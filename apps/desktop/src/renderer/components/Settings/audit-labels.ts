import type { TFunction } from 'i18next';
import { Priority } from '@switchboard/shared';
import en from '../../i18n/locales/en.json';

type Audit = (typeof en)['settings']['audit'];
const isVerb = (verb: string): verb is keyof Audit['verb'] => Object.hasOwn(en.settings.audit.verb, verb);
const isField = (field: string): field is keyof Audit['field'] => Object.hasOwn(en.settings.audit.field, field);

/** "user.created" -> "created", in the interface's language; an action this version does not know, as sent. */
export function auditVerb(action: string, t: TFunction<'settings'>): string {
  const verb = action.slice(action.indexOf('.') + 1);
  return isVerb(verb) ? t(`audit.verb.${verb}`) : action;
}

/**
 * A changed field as the settings screens name it: "channelIds" -> "Channels". The SLA policies are kept by
 * priority ("urgent" -> "Urgent"); the priority rules by the ids their admin gave them, which stay as written,
 * as does any field this version does not know.
 */
export function auditField(field: string, t: TFunction<'settings'>): string {
  if (isField(field)) return t(`audit.field.${field}`);
  const priority = Priority.safeParse(field);
  return priority.success ? t(`priority.${priority.data}`, { ns: 'common' }) : field;
}
