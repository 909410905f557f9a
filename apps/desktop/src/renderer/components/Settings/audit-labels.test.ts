import { describe, expect, it } from 'vitest';
import { BotDTO, ChannelDTO, QueueDTO, TeamMemberDTO, TemplateDTO } from '@switchboard/shared';
import { i18n } from '../../i18n/index';
import { auditField, auditVerb } from './audit-labels';

const LANGUAGES = ['en', 'es', 'pt'] as const;
const settingsT = (lng: string) => i18n.getFixedT(lng, 'settings');

/** Every action the server's settings services write to the audit log. */
const ACTIONS = [
  'bot.created',
  'bot.restored',
  'bot.revoked',
  'bot.rotated',
  'channel.created',
  'channel.members-changed',
  'channel.send-health-changed',
  'channel.updated',
  'queue.created',
  'queue.members-changed',
  'queue.updated',
  'template.created',
  'template.updated',
  'user.access-changed',
  'user.created',
  'user.password-reset',
  'user.profile-updated',
  'user.sessions-ended',
  'user.updated',
  'priority-rules.updated',
  'sla-policies.updated',
];

/** The fields of every record the audit log compares (ids and creation times are never among the changes). */
const FIELDS = [
  ...[QueueDTO, ChannelDTO, TeamMemberDTO, TemplateDTO, BotDTO].flatMap((dto) => Object.keys(dto.shape)),
  'password',
  'escalation',
].filter((field) => !['id', 'createdAt', 'updatedAt'].includes(field));

describe('the audit log in words', () => {
  it.each(LANGUAGES)('names every action in %s, never by its key', (lng) => {
    for (const action of ACTIONS)
      expect({ action, text: auditVerb(action, settingsT(lng)) }).not.toEqual({ action, text: action });
    expect(auditVerb('user.created', settingsT('es'))).toBe('creó');
  });

  it.each(LANGUAGES)('names every field a change lists in %s, never by its key', (lng) => {
    for (const field of FIELDS)
      expect({ field, label: auditField(field, settingsT(lng)) }).not.toEqual({ field, label: field });
  });

  it('names channelIds as the users screen does, SLA policies by priority, and keeps a rule id as its admin wrote it', () => {
    expect(auditField('channelIds', settingsT('en'))).toBe('Channels');
    expect(auditField('channelIds', settingsT('pt'))).toBe('Canais');
    expect(auditField('urgent', settingsT('es'))).toBe('Urgente');
    expect(auditField('vip-refunds', settingsT('en'))).toBe('vip-refunds');
    expect(auditVerb('user.renamed', settingsT('en'))).toBe('user.renamed');
  });
});
