import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDTO } from '@switchboard/shared';
import { failureText } from '../../i18n/errors';
import { contactName, formatPhone } from '../../lib/format';
import { useStore } from '../../store';
import { Dialog } from '../common/Dialog';

/** How long typing may pause before the search runs, so each keystroke does not ask the server. */
const SEARCH_PAUSE_MS = 250;

/** Supervisors and admins merge a duplicate into this contact: find it, then confirm what merging does. */
export function ContactMerge({ contact }: { contact: ContactDTO }) {
  const { t } = useTranslation('contact');
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<ContactDTO | null>(null);

  return (
    <>
      <button type="button" className="btn small contact-merge" onClick={() => setPicking(true)}>
        {t('merge.open')}
      </button>
      {picking && <PickDuplicate contact={contact} onPick={setChosen} onClose={() => setPicking(false)} />}
      {chosen && <ConfirmMerge source={chosen} target={contact} onClose={() => setChosen(null)} />}
    </>
  );
}

function PickDuplicate({
  contact,
  onPick,
  onClose,
}: {
  contact: ContactDTO;
  onPick: (c: ContactDTO) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('contact');
  const find = useStore((s) => s.findMergeCandidates);
  const candidates = useStore((s) => s.mergeCandidates);
  const [text, setText] = useState('');
  const [pickedId, setPickedId] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => void find(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [find, text]);
  const picked = candidates.find((c) => c.id === pickedId);

  return (
    <Dialog
      title={t('merge.title', { name: contactName(contact) })}
      submitLabel={t('merge.pick')}
      disabled={!picked}
      onClose={onClose}
      onSubmit={async () => {
        if (picked) onPick(picked);
        return picked !== undefined;
      }}
    >
      <div className="field">
        <label htmlFor="merge-search">{t('merge.search')}</label>
        <input id="merge-search" className="input" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      </div>
      {text.trim() !== '' && candidates.length === 0 && <p className="muted">{t('merge.noMatches')}</p>}
      <ul className="merge-candidates">
        {candidates.map((c) => (
          <li key={c.id}>
            <label>
              <input
                type="radio"
                name="merge-source"
                value={c.id}
                checked={pickedId === c.id}
                onChange={() => setPickedId(c.id)}
              />
              <span className="contact-name">{contactName(c)}</span>
              <span className="muted">{[formatPhone(c.waId), c.email].filter(Boolean).join(' · ')}</span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

function ConfirmMerge({ source, target, onClose }: { source: ContactDTO; target: ContactDTO; onClose: () => void }) {
  const { t } = useTranslation('contact');
  const merge = useStore((s) => s.mergeContact);
  const refusal = useStore((s) => s.mergeRefusal);
  const pushToast = useStore((s) => s.pushToast);
  const names = { source: contactName(source), target: contactName(target) };

  return (
    <Dialog
      title={t('merge.confirmTitle', names)}
      submitLabel={t('merge.confirm')}
      onClose={onClose}
      onSubmit={async () => {
        const merged = await merge(source.id);
        if (merged) pushToast({ tone: 'info', title: t('merge.done', names), body: '' });
        return merged;
      }}
    >
      <p>{t('merge.confirmBody', names)}</p>
      {refusal && (
        <div className="contact-refused" role="alert">
          <strong>{t('merge.failed')}</strong> {failureText(refusal)}
          <div className="error-detail">{refusal.message}</div>
        </div>
      )}
    </Dialog>
  );
}
