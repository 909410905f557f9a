import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Language, QueueDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import type { SettingsSectionProps } from './sections';
import { HoursEditor } from './HoursEditor';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadQueues = async () =>
  (await settingsRequest('GET', '/api/queues', z.object({ items: z.array(z.object({ queue: QueueDTO })) }))).items.map(
    (s) => s.queue,
  );
const list = (text: FormDataEntryValue | null) =>
  String(text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Queues: admins create them and shape routing; supervisors set their hours, out-of-hours reply and capacity rule. */
export function QueuesSection({ role }: SettingsSectionProps) {
  const queues = useLoaded(loadQueues);
  const [editing, setEditing] = useState<string | null>(null);
  const admin = role === 'admin';

  const { outcome, save } = useSaver(queues.reload);
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
      return `Queue ${created.name} created.`;
    });
  };

  return (
    <>
      <SectionHeader
        title="Queues & hours"
        hint={
          admin
            ? 'What each queue takes, how it fills, when it is open and what it answers when closed.'
            : 'You may change a queue’s hours, out-of-hours reply and capacity rule; admins change the rest.'
        }
      />
      {admin && (
        <form className="settings-form" aria-label="New queue" onSubmit={create}>
          <label>
            Name <input name="name" required />
          </label>
          <label>
            Intents <input name="intents" placeholder="billing, refund" />
          </label>
          <fieldset>
            <legend>Languages</legend>
            {Language.options.map((l) => (
              <label key={l} className="settings-check">
                <input type="checkbox" name={`lang-${l}`} /> {l}
              </label>
            ))}
          </fieldset>
          <label>
            Mode
            <select name="mode" defaultValue="auto">
              <option value="auto">Assign automatically</option>
              <option value="manual">Agents claim</option>
            </select>
          </label>
          <label className="settings-check">
            <input type="checkbox" name="fallback" /> Fallback queue
          </label>
          <button className="btn primary" type="submit">
            Add queue
          </button>
        </form>
      )}
      <Outcome outcome={outcome} />
      {queues.error && <p className="settings-refused">{queues.error}</p>}
      <table className="settings-table" aria-label="Queues">
        <thead>
          <tr>
            <th>Name</th>
            <th>Takes</th>
            <th>Mode</th>
            <th>Hours</th>
            <th>Out of hours</th>
            <th>Max per agent</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(queues.value ?? []).map((q) => (
            <tr key={q.id} data-queue-name={q.name}>
              <td>
                {q.name}
                {q.fallback && <span className="settings-tag">fallback</span>}
              </td>
              <td>{[...q.intents, ...q.languages].join(', ') || 'anything'}</td>
              <td>{q.mode}</td>
              <td>{q.businessHours ? q.businessHours.timezone : '24/7'}</td>
              <td>{q.outOfHours.enabled ? 'Auto-reply on' : 'Off'}</td>
              <td>{q.maxPerAgent ?? '—'}</td>
              <td>
                <button className="btn ghost small" onClick={() => setEditing(editing === q.id ? null : q.id)}>
                  Hours & reply
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && queues.value?.find((q) => q.id === editing) && (
        <HoursEditor
          queue={queues.value.find((q) => q.id === editing)!}
          onSave={(change) =>
            save(async () => {
              const saved = await settingsRequest('PATCH', `/api/queues/${editing}`, QueueDTO, change);
              return `${saved.name}: hours and reply saved.`;
            })
          }
        />
      )}
    </>
  );
}
