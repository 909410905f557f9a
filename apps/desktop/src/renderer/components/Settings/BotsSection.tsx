import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BotDTO, CreateBotResponse } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { settingsRequest } from '../../services/settings.service';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadBots = async () => (await settingsRequest('GET', '/api/bots', z.object({ items: z.array(BotDTO) }))).items;

/** Bots and their API keys (admins): a key is shown once, when made or rotated; revoking stops it at once. */
export function BotsSection() {
  const { t } = useTranslation('settings');
  const f = useFormat();
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
      return t('bots.added', { name });
    });
  };
  return (
    <>
      <SectionHeader title={t('section.bots')} hint={t('bots.hint')} />
      <form className="settings-form" aria-label={t('bots.newBot')} onSubmit={create}>
        <label>
          {t('bots.name')} <input name="name" required />
        </label>
        <button className="btn primary" type="submit">
          {t('bots.add')}
        </button>
      </form>
      {secret && (
        <div className="settings-secret" role="status">
          <strong>{t('bots.keyOnce', { name: secret.bot })}</strong>
          <code>{secret.key}</code>
          <button className="btn ghost small" onClick={() => setSecret(null)}>
            {t('bots.copied')}
          </button>
        </div>
      )}
      <Outcome outcome={outcome} />
      <table className="settings-table" aria-label={t('bots.table')}>
        <thead>
          <tr>
            <th>{t('bots.name')}</th>
            <th>{t('bots.keyMade')}</th>
            <th>{t('bots.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(bots.value ?? []).map((b) => (
            <tr key={b.id}>
              <td>{b.name}</td>
              <td>{f.dateTime(b.keyCreatedAt)}</td>
              <td>{b.active ? t('bots.active') : t('bots.revoked')}</td>
              <td className="settings-row-actions">
                <button
                  className="btn ghost small"
                  onClick={() =>
                    void save(async () => {
                      keyOnce(await settingsRequest('POST', `/api/bots/${b.id}/rotate`, CreateBotResponse));
                      return t('bots.rotated', { name: b.name });
                    })
                  }
                >
                  {t('bots.rotate')}
                </button>
                <button
                  className="btn ghost small"
                  onClick={() =>
                    void save(async () => {
                      await settingsRequest('PATCH', `/api/bots/${b.id}`, BotDTO, { active: !b.active });
                      return t(b.active ? 'bots.nowRevoked' : 'bots.nowActive', { name: b.name });
                    })
                  }
                >
                  {b.active ? t('bots.revoke') : t('bots.reactivate')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
