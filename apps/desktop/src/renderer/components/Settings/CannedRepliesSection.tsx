import type { FormEvent } from 'react';
import { z } from 'zod';
import { CannedReplyDTO, Language } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadShared = async () =>
  (await settingsRequest('GET', '/api/canned-replies?scope=shared', z.object({ items: z.array(CannedReplyDTO) })))
    .items;

/** The team's canned replies (supervisors and admins); agents keep personal ones from the composer. */
export function CannedRepliesSection() {
  const replies = useLoaded(loadShared);
  const { outcome, save } = useSaver(replies.reload);
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void save(async () => {
      const created = await settingsRequest('POST', '/api/canned-replies', CannedReplyDTO, {
        scope: 'shared',
        shortcut: String(data.get('shortcut') ?? ''),
        title: String(data.get('title') ?? ''),
        language: String(data.get('language') ?? 'en'),
        text: String(data.get('text') ?? ''),
      });
      form.reset();
      return `/${created.shortcut} is ready for the whole team.`;
    });
  };
  const remove = (reply: CannedReplyDTO) =>
    save(async () => {
      await settingsRequest('DELETE', `/api/canned-replies/${reply.id}`, z.unknown());
      return `/${reply.shortcut} removed.`;
    });
  return (
    <>
      <SectionHeader
        title="Canned replies"
        hint="Shared replies agents insert with /shortcut; {{variables}} are filled in."
      />
      <form className="settings-form" aria-label="New canned reply" onSubmit={create}>
        <label>
          Shortcut <input name="shortcut" required placeholder="refund" />
        </label>
        <label>
          Title <input name="title" />
        </label>
        <label>
          Language
          <select name="language" defaultValue="en">
            {Language.options.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text <textarea name="text" rows={2} required />
        </label>
        <button className="btn primary" type="submit">
          Add reply
        </button>
      </form>
      <Outcome outcome={outcome} />
      <table className="settings-table" aria-label="Canned replies">
        <thead>
          <tr>
            <th>Shortcut</th>
            <th>Title</th>
            <th>Language</th>
            <th>Text</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(replies.value ?? []).map((r) => (
            <tr key={r.id}>
              <td>/{r.shortcut}</td>
              <td>{r.title}</td>
              <td>{r.language}</td>
              <td>{r.text}</td>
              <td>
                <button className="btn ghost small" onClick={() => void remove(r)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
