import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { BotDTO, CreateBotResponse } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadBots = async () => (await settingsRequest('GET', '/api/bots', z.object({ items: z.array(BotDTO) }))).items;

/** Bots and their API keys (admins): a key is shown once, when made or rotated; revoking stops it at once. */
export function BotsSection() {
  const bots = useLoaded(loadBots);
  const [secret, setSecret] = useState<{ bot: string; key: string } | null>(null);
  const { outcome, save } = useSaver(bots.reload);
  const keyOnce = (answer: CreateBotResponse) => setSecret({ bot: answer.bot.name, key: answer.apiKey });
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    void save(async () => {
      keyOnce(await settingsRequest('POST', '/api/bots', CreateBotResponse, { name }));
      form.reset();
      return `${name} added.`;
    });
  };
  return (
    <>
      <SectionHeader title="Bots & API keys" hint="Keys are shown once. Rotate one to replace it; revoke to stop it." />
      <form className="settings-form" aria-label="New bot" onSubmit={create}>
        <label>
          Name <input name="name" required />
        </label>
        <button className="btn primary" type="submit">
          Add bot
        </button>
      </form>
      {secret && (
        <div className="settings-secret" role="status">
          <strong>API key of {secret.bot}: copy it now, it will not be shown again.</strong>
          <code>{secret.key}</code>
          <button className="btn ghost small" onClick={() => setSecret(null)}>
            I have copied it
          </button>
        </div>
      )}
      <Outcome outcome={outcome} />
      <table className="settings-table" aria-label="Bots">
        <thead>
          <tr>
            <th>Name</th>
            <th>Key made</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(bots.value ?? []).map((b) => (
            <tr key={b.id}>
              <td>{b.name}</td>
              <td>{b.keyCreatedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{b.active ? 'Active' : 'Revoked'}</td>
              <td className="settings-row-actions">
                <button
                  className="btn ghost small"
                  onClick={() =>
                    void save(async () => {
                      keyOnce(await settingsRequest('POST', `/api/bots/${b.id}/rotate`, CreateBotResponse));
                      return `${b.name}: new key made; the old one no longer works.`;
                    })
                  }
                >
                  Rotate key
                </button>
                <button
                  className="btn ghost small"
                  onClick={() =>
                    void save(async () => {
                      await settingsRequest('PATCH', `/api/bots/${b.id}`, BotDTO, { active: !b.active });
                      return `${b.name} ${b.active ? 'revoked' : 'active again'}.`;
                    })
                  }
                >
                  {b.active ? 'Revoke' : 'Reactivate'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
