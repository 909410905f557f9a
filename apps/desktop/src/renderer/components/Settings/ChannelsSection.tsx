import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ChannelDTO } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { settingsRequest } from '../../services/settings.service';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadChannels = async () =>
  (await settingsRequest('GET', '/api/channels', z.object({ items: z.array(ChannelDTO) }))).items;

/**
 * Business numbers (admins): added, renamed, their token replaced. The Cloud API token is write-only: it can be
 * set or replaced, never read back.
 */
export function ChannelsSection() {
  const { t } = useTranslation('settings');
  const f = useFormat();
  const channels = useLoaded(loadChannels);
  const [renaming, setRenaming] = useState<string | null>(null);
  const { outcome, save } = useSaver(channels.reload);
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const token = String(data.get('accessToken') ?? '').trim();
    void save(async () => {
      const created = await settingsRequest('POST', '/api/channels', ChannelDTO, {
        name: String(data.get('name') ?? ''),
        phoneNumberId: String(data.get('phoneNumberId') ?? ''),
        displayPhoneNumber: String(data.get('displayPhoneNumber') ?? '') || undefined,
        ...(token ? { accessToken: token } : {}),
      });
      form.reset();
      return t('channels.added', { name: created.name });
    });
  };
  const replaceToken = (channel: ChannelDTO) => {
    const token = window.prompt(t('channels.prompt', { name: channel.name }));
    if (!token) return;
    void save(async () => {
      await settingsRequest('PATCH', `/api/channels/${channel.id}`, ChannelDTO, { accessToken: token.trim() });
      return t('channels.replaced', { name: channel.name });
    });
  };
  const rename = (channel: ChannelDTO, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    void save(async () => {
      const renamed = await settingsRequest('PATCH', `/api/channels/${channel.id}`, ChannelDTO, { name });
      setRenaming(null);
      return t('channels.renamed', { from: channel.name, to: renamed.name });
    });
  };
  return (
    <>
      <SectionHeader title={t('section.channels')} hint={t('channels.hint')} />
      <form className="settings-form" aria-label={t('channels.newChannel')} onSubmit={create}>
        <label>
          {t('channels.name')} <input name="name" required />
        </label>
        <label>
          {t('channels.phoneNumberId')} <input name="phoneNumberId" required inputMode="numeric" />
        </label>
        <label>
          {t('channels.displayNumber')} <input name="displayPhoneNumber" />
        </label>
        <label>
          {t('channels.accessToken')} <input name="accessToken" type="password" autoComplete="off" />
        </label>
        <button className="btn primary" type="submit">
          {t('channels.add')}
        </button>
      </form>
      <Outcome outcome={outcome} />
      <table className="settings-table" aria-label={t('section.channels')}>
        <thead>
          <tr>
            <th>{t('channels.name')}</th>
            <th>{t('channels.number')}</th>
            <th>{t('channels.token')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(channels.value ?? []).map((c) => (
            <tr key={c.id} data-channel-number={c.phoneNumberId}>
              <td>
                {renaming === c.id ? (
                  <form
                    className="settings-inline-form"
                    aria-label={t('channels.renameForm', { name: c.name })}
                    onSubmit={(event) => rename(c, event)}
                  >
                    <input name="name" defaultValue={c.name} aria-label={t('channels.newName')} required autoFocus />
                    <button className="btn primary small" type="submit">
                      {t('channels.saveName')}
                    </button>
                    <button className="btn ghost small" type="button" onClick={() => setRenaming(null)}>
                      {t('channels.cancel')}
                    </button>
                  </form>
                ) : (
                  c.name
                )}
              </td>
              <td>{c.displayPhoneNumber ?? c.phoneNumberId}</td>
              <td>
                {c.hasAccessToken
                  ? t('channels.tokenSet', { date: c.accessTokenSetAt ? f.dateTime(c.accessTokenSetAt) : '' })
                  : t('channels.serverDefault')}
              </td>
              <td className="settings-row-actions">
                <button className="btn ghost small" onClick={() => setRenaming(c.id)}>
                  {t('channels.rename')}
                </button>
                <button className="btn ghost small" onClick={() => replaceToken(c)}>
                  {t('channels.replaceToken')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
