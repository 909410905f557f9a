import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Language, QueueDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import type { SettingsSectionProps } from './sections';
import { useTriageFormat } from '../../lib/triage-format';
import { HoursEditor } from './HoursEditor';
import { QueueMembers, type MembersChange } from './QueueMembers';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';
import { loadTeam } from './team-data';

const loadQueues = async () =>
  (await settingsRequest('GET', '/api/queues', z.object({ items: z.array(z.object({ queue: QueueDTO })) }))).items.map(
    (s) => s.queue,
  );
const list = (text: FormDataEntryValue | null) =>
  String(text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Which of a queue's panels is open: its hours and reply, or its members. */
type Editing = { id: string; panel: 'hours' | 'members' } | null;

/**
 * Queues: admins create them and shape routing; supervisors set their members (not admins), hours,
 * out-of-hours reply and capacity rule.
 */
export function QueuesSection({ role }: SettingsSectionProps) {
  const { t } = useTranslation(['settings', 'common']);
  const { queueIntentName } = useTriageFormat();
  const queues = useLoaded(loadQueues);
  const team = useLoaded(loadTeam);
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = (id: string, panel: 'hours' | 'members') =>
    setEditing(editing?.id === id && editing.panel === panel ? null : { id, panel });
  const edited = queues.value?.find((q) => q.id === editing?.id);
  const admin = role === 'admin';
  const membersOf = (queue: QueueDTO) => (team.value ?? []).filter((m) => m.queueIds.includes(queue.id));

  const { outcome, save } = useSaver(() => {
    queues.reload();
    team.reload();
  });
  const saveMembers = (queue: QueueDTO, userIds: string[], change: MembersChange) =>
    save(async () => {
      await settingsRequest('PUT', `/api/queues/${queue.id}/members`, z.unknown(), { userIds });
      return 'added' in change
        ? t('members.added', { name: change.added.name, queue: queue.name })
        : t('members.removed', { name: change.removed.name, queue: queue.name });
    });
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const queue = {
      name: String(data.get('name') ?? ''),
      intents: list(data.get('intents')),
      languages: Language.options.filter((l) => data.get(`lang-${l}`)),
      mode: data.get('mode') === 'manual' ? 'manual' : 'auto',
      fallback: data.get('fallback') === 'on',
    };
    void save(async () => {
      const created = await settingsRequest('POST', '/api/queues', QueueDTO, queue);
      form.reset();
      return t('queues.created', { name: created.name });
    });
  };

  return (
    <>
      <SectionHeader title={t('section.queues')} hint={admin ? t('queues.hint') : t('queues.hintReadOnly')} />
      {admin && (
        <form className="settings-form" aria-label={t('queues.newQueue')} onSubmit={create}>
          <label>
            {t('queues.name')} <input name="name" required />
          </label>
          <label>
            {t('queues.intents')} <input name="intents" placeholder={t('queues.intentsExample')} />
          </label>
          <fieldset>
            <legend>{t('queues.languages')}</legend>
            {Language.options.map((l) => (
              <label key={l} className="settings-check">
                <input type="checkbox" name={`lang-${l}`} /> {t(`common:languageName.${l}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('queues.mode')}
            <select name="mode" defaultValue="auto">
              <option value="auto">{t('queues.modeValue.auto')}</option>
              <option value="manual">{t('queues.modeValue.manual')}</option>
            </select>
          </label>
          <label className="settings-check">
            <input type="checkbox" name="fallback" /> {t('queues.fallback')}
          </label>
          <button className="btn primary" type="submit">
            {t('queues.add')}
          </button>
        </form>
      )}
      {!edited && <Outcome outcome={outcome} />}
      {queues.error && <p className="settings-refused">{queues.error}</p>}
      {team.error && <p className="settings-refused">{team.error}</p>}
      <table className="settings-table" aria-label={t('queues.table')}>
        <thead>
          <tr>
            <th>{t('queues.name')}</th>
            <th>{t('queues.takes')}</th>
            <th>{t('queues.mode')}</th>
            <th>{t('queues.hours')}</th>
            <th>{t('queues.outOfHours')}</th>
            <th>{t('queues.maxPerAgent')}</th>
            <th>{t('queues.members')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(queues.value ?? []).map((q) => (
            <tr key={q.id} data-queue-name={q.name}>
              <td>
                {q.name}
                {q.fallback && <span className="settings-tag">{t('queues.fallbackTag')}</span>}
              </td>
              <td>
                {[...q.intents.map(queueIntentName), ...q.languages.map((l) => t(`common:languageName.${l}`))].join(
                  ', ',
                ) || t('queues.anything')}
              </td>
              <td>{t(`queues.modeValue.${q.mode}`)}</td>
              <td>{q.businessHours ? q.businessHours.timezone : t('queues.alwaysOpen')}</td>
              <td>{q.outOfHours.enabled ? t('queues.replyOn') : t('queues.off')}</td>
              <td>{q.maxPerAgent ?? t('empty')}</td>
              <td>{membersOf(q).length}</td>
              <td className="settings-row-actions">
                <button className="btn ghost small" onClick={() => toggle(q.id, 'members')}>
                  {t('queues.editMembers')}
                </button>
                <button className="btn ghost small" onClick={() => toggle(q.id, 'hours')}>
                  {t('queues.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {edited && editing?.panel === 'hours' && (
        <HoursEditor
          queue={edited}
          onSave={(change) =>
            save(async () => {
              const saved = await settingsRequest('PATCH', `/api/queues/${edited.id}`, QueueDTO, change);
              return t('queues.saved', { name: saved.name });
            })
          }
        />
      )}
      {edited && editing?.panel === 'members' && (
        <QueueMembers
          queue={edited}
          team={team.value ?? []}
          role={role}
          onSave={(userIds, change) => void saveMembers(edited, userIds, change)}
          onClose={() => setEditing(null)}
        />
      )}
      {/* Beside the open panel, so what its save did shows where the person looks. */}
      {edited && <Outcome outcome={outcome} />}
    </>
  );
}
