import type { FormEvent } from 'react';
import { z } from 'zod';
import { ChannelDTO } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadChannels = async () =>
  (await settingsRequest('GET', '/api/channels', z.object({ items: z.array(ChannelDTO) }))).items;

/** Business numbers (admins). The Cloud API token is write-only: it can be set or replaced, never read back. */
export function ChannelsSection() {
  const channels = useLoaded(loadChannels);
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
      return `${created.name} added.`;
    });
  };
  const replaceToken = (channel: ChannelDTO) => {
    const token = window.prompt(`New Cloud API token for ${channel.name} (it will not be shown again)`);
    if (!token) return;
    void save(async () => {
      await settingsRequest('PATCH', `/api/channels/${channel.id}`, ChannelDTO, { accessToken: token.trim() });
      return `${channel.name}: token replaced.`;
    });
  };
  return (
    <>
      <SectionHeader title="Channels" hint="WhatsApp numbers. Tokens are stored, never shown again." />
      <form className="settings-form" aria-label="New channel" onSubmit={create}>
        <label>
          Name <input name="name" required />
        </label>
        <label>
          Phone number ID <input name="phoneNumberId" required inputMode="numeric" />
        </label>
        <label>
          Display number <input name="displayPhoneNumber" />
        </label>
        <label>
          Access token <input name="accessToken" type="password" autoComplete="off" />
        </label>
        <button className="btn primary" type="submit">
          Add channel
        </button>
      </form>
      <Outcome outcome={outcome} />
      <table className="settings-table" aria-label="Channels">
        <thead>
          <tr>
            <th>Name</th>
            <th>Number</th>
            <th>Token</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(channels.value ?? []).map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.displayPhoneNumber ?? c.phoneNumberId}</td>
              <td>{c.hasAccessToken ? `Set ${c.accessTokenSetAt?.slice(0, 10) ?? ''}` : 'Server default'}</td>
              <td>
                <button className="btn ghost small" onClick={() => replaceToken(c)}>
                  Replace token
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
