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
  id: string;
  label: string;
  /** Who sees it; what each may change inside is the section's (and the server's) business. */
  roles: readonly Role[];
  component: ComponentType<SettingsSectionProps>;
};

const MANAGERS = ['admin', 'supervisor'] as const;

/**
 * Admins see everything. Supervisors see the team (read), queues (hours, out-of-hours reply, capacity rule),
 * the WhatsApp templates and their versions (read), the team's canned replies, and the priority rules and SLA policies (read, with the preview); channels, bots and the audit log are
 * the admins'.
 */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'users', label: 'Users', roles: MANAGERS, component: UsersSection },
  { id: 'queues', label: 'Queues & hours', roles: MANAGERS, component: QueuesSection },
  { id: 'templates', label: 'Templates', roles: MANAGERS, component: TemplatesSection },
  { id: 'canned', label: 'Canned replies', roles: MANAGERS, component: CannedRepliesSection },
  { id: 'channels', label: 'Channels', roles: ['admin'], component: ChannelsSection },
  { id: 'bots', label: 'Bots & API keys', roles: ['admin'], component: BotsSection },
  { id: 'policies', label: 'Priority & SLA', roles: MANAGERS, component: PoliciesSection },
  { id: 'audit', label: 'Audit log', roles: ['admin'], component: AuditSection },
];

export const sectionsFor = (role: Role) => SETTINGS_SECTIONS.filter((s) => s.roles.includes(role));
