import type { ComponentType } from 'react';
import type { Role } from '@switchboard/shared';
import { AuditSection } from './AuditSection';
import { BotsSection } from './BotsSection';
import { CannedRepliesSection } from './CannedRepliesSection';
import { ChannelsSection } from './ChannelsSection';
import { PoliciesSection } from './PoliciesSection';
import { QueuesSection } from './QueuesSection';
import { TemplatesSection } from './TemplatesSection';
import { UsersSection } from './UsersSection';

export type SettingsSectionProps = { role: Role };

/** One settings screen: add a section by writing its component and one entry here. */
export type SettingsSection = {
  /** Also names its title in the `settings:section` strings. */
  id: 'users' | 'queues' | 'templates' | 'canned' | 'channels' | 'bots' | 'policies' | 'audit';
  /** Who sees it; what each may change inside is the section's (and the server's) business. */
  roles: readonly Role[];
  component: ComponentType<SettingsSectionProps>;
};

const MANAGERS = ['admin', 'supervisor'] as const;

/**
 * Admins see everything. Supervisors see the team (agents' and supervisors' queues, capacity and working
 * hours), queues (hours, out-of-hours reply, capacity rule), the WhatsApp templates and their versions (read),
 * the team's canned replies, and the priority rules and SLA policies (read, with the preview); channels, bots
 * and the audit log are the admins'.
 */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'users', roles: MANAGERS, component: UsersSection },
  { id: 'queues', roles: MANAGERS, component: QueuesSection },
  { id: 'templates', roles: MANAGERS, component: TemplatesSection },
  { id: 'canned', roles: MANAGERS, component: CannedRepliesSection },
  { id: 'channels', roles: ['admin'], component: ChannelsSection },
  { id: 'bots', roles: ['admin'], component: BotsSection },
  { id: 'policies', roles: MANAGERS, component: PoliciesSection },
  { id: 'audit', roles: ['admin'], component: AuditSection },
];

export const sectionsFor = (role: Role) => SETTINGS_SECTIONS.filter((s) => s.roles.includes(role));
