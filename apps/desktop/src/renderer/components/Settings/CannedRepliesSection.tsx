import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CannedReplyDTO, Language } from '@switchboard/shared';
import { settingsRequest } from '../../services/settings.service';
import { Outcome, SectionHeader, useLoaded, useSaver } from './settings-ui';

const loadShared = async () =>
  (await settingsRequest('GET', '/api/canned-replies?scope=shared', z.object({ items: z.array(CannedReplyDTO) })))
    .items;

/** The team's canned replies (supervisors and admins); agents keep personal ones from the composer. */
export function CannedRepliesSection() {
  const { t } = useTranslation(['settings', 'common']);
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
      return t('canned.created', { shortcut: created.shortcut });
    });
  };
  const remove = (reply: CannedReplyDTO) =>
    save(async () => {
      await settingsRequest('DELETE', `/api/canned-replies/${reply.id}`, z.unknown());
      return t('canned.removed', { shortcut: reply.shortcut });
    });
  return (
    <>
      <SectionHeader title={t('section.canned')} hint={t('canned.hint', { example: '{{name}}' })} />
      <form className="settings-form" aria-label={t('canned.newReply')} onSubmit={create}>
        <label>
          {t('canned.shortcut')} <input name="shortcut" required placeholder={t('canned.shortcutExample')} />
        </label>
        <label>
          {t('canned.titleField')} <input name="title" />
        </label>
        <label>
          {t('canned.language')}
          <select name="language" defaultValue="en">
            {Language.options.map((l) => (
              <option key={l} value={l}>
                {t(`common:languageName.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('canned.text')} <textarea name="text" rows={2} required />
        </label>
        <button className="btn primary" type="submit">
          {t('canned.add')}
        </button>
      </form>
      <Outcome outcome={outcome} />
      <table className="settings-table" aria-label={t('section.canned')}>
        <thead>
          <tr>
            <th>{t('canned.shortcut')}</th>
            <th>{t('canned.titleField')}</th>
            <th>{t('canned.language')}</th>
            <th>{t('canned.text')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(replies.value ?? []).map((r) => (
            <tr key={r.id}>
              <td>/{r.shortcut}</td>
              <td>{r.title}</td>
              <td>{t(`common:languageName.${r.language}`)}</td>
              <td>{r.text}</td>
              <td>
                <button className="btn ghost small" onClick={() => void remove(r)}>
                  {t('canned.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
