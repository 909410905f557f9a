import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import { Dialog, type DialogProps } from '../common/Dialog';

export function EscalateDialog({ onClose }: DialogProps) {
  const { t } = useTranslation(['actions', 'common']);
  const act = useStore((s) => s.act);
  const [reason, setReason] = useState('');
  return (
    <Dialog
      title={t('escalateDialog.title')}
      onClose={onClose}
      submitLabel={t('escalate')}
      disabled={!reason.trim()}
      onSubmit={() => act({ type: 'escalate', reason: reason.trim() })}
    >
      <div className="field">
        <label htmlFor="escalate-reason">{t('escalateDialog.reason')}</label>
        <textarea
          id="escalate-reason"
          className="textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
        />
      </div>
    </Dialog>
  );
}

function tomorrowAtNine(): Date {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d;
}

export function SnoozeDialog({ onClose }: DialogProps) {
  const { t } = useTranslation(['actions', 'common']);
  const format = useFormat();
  const tomorrow = tomorrowAtNine();
  const act = useStore((s) => s.act);
  const [custom, setCustom] = useState('');
  const snooze = (until: Date) => act({ type: 'snooze', until: until.toISOString() });
  const pick = async (until: Date) => void ((await snooze(until)) && onClose());
  return (
    <Dialog
      title={t('snoozeDialog.title')}
      onClose={onClose}
      submitLabel={t('snooze')}
      disabled={!custom}
      onSubmit={() => snooze(new Date(custom))}
    >
      <div className="snooze-options">
        <button type="button" className="btn" onClick={() => void pick(new Date(Date.now() + 3600_000))}>
          {t('snoozeDialog.inAnHour')}
        </button>
        <button type="button" className="btn" onClick={() => void pick(tomorrow)}>
          {t('snoozeDialog.tomorrow', { time: format.time(tomorrow.toISOString()) })}
        </button>
      </div>
      <div className="field">
        <label htmlFor="snooze-custom">{t('snoozeDialog.custom')}</label>
        <input
          id="snooze-custom"
          className="input"
          type="datetime-local"
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
        />
      </div>
      <p className="muted">{t('snoozeDialog.wakes')}</p>
    </Dialog>
  );
}

export function LabelsDialog({ labels, onClose }: DialogProps & { labels: string[] }) {
  const { t } = useTranslation(['actions', 'common']);
  const act = useStore((s) => s.act);
  const [text, setText] = useState(labels.join(', '));
  const parsed = [
    ...new Set(
      text
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  return (
    <Dialog
      title={t('labels')}
      onClose={onClose}
      submitLabel={t('labelsDialog.save')}
      onSubmit={() => act({ type: 'labels', labels: parsed })}
    >
      <div className="field">
        <label htmlFor="labels-input">{t('labelsDialog.hint')}</label>
        <input
          id="labels-input"
          className="input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('labelsDialog.placeholder')}
          autoFocus
        />
      </div>
      <div className="label-preview">
        {parsed.map((l) => (
          <span key={l} className="badge label">
            {l}
          </span>
        ))}
      </div>
    </Dialog>
  );
}
