import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { EscalateDialog, LabelsDialog, SnoozeDialog } from './ActionDialogs';
import { TransferDialog } from './TransferDialog';
import './Actions.css';
import { Icon } from '../common/Icon';

type Open = null | 'transfer' | 'escalate' | 'snooze' | 'labels';

export function ActionsBar({ conversation }: { conversation: ConversationDTO }) {
  const { t } = useTranslation('actions');
  const act = useStore((s) => s.act);
  const resolveWithUndo = useStore((s) => s.resolveWithUndo);
  const resolving = useStore((s) => conversation.id in s.resolving);
  const user = useStore((s) => s.user);
  const setDraft = useStore((s) => s.setDraft);
  const requestFocus = useStore((s) => s.requestFocus);
  const [open, setOpen] = useState<Open>(null);
  const mine = conversation.assigneeId === user?.id;
  const resolved = conversation.status === 'resolved';

  const note = () => {
    setDraft(conversation.id, { mode: 'note' });
    requestFocus('composer');
  };

  return (
    <div className="actions" role="toolbar" aria-label={t('label')}>
      {!resolved && !mine && (
        <button className="btn primary small" onClick={() => void act({ type: 'claim' })} title={t('hint.claim')}>
          {t('claim')}
        </button>
      )}
      {!resolved && (
        <>
          <button className="btn small" onClick={() => setOpen('transfer')}>
            {t('transfer')}
          </button>
          <button className="btn small" onClick={() => setOpen('escalate')}>
            {t('escalate')}
          </button>
          <button className="btn small" onClick={() => setOpen('snooze')}>
            {t('snooze')}
          </button>
        </>
      )}
      <button className="btn small" onClick={() => setOpen('labels')}>
        {t('labels')}
      </button>
      <button className="btn small" onClick={note} title={t('hint.note')}>
        {t('note')}
      </button>
      {resolved ? (
        <button className="btn small" onClick={() => void act({ type: 'reopen' })}>
          {t('reopen')}
        </button>
      ) : (
        <button
          className="btn small resolve"
          onClick={() => resolveWithUndo(conversation.id)}
          disabled={resolving}
          title={t('hint.resolve')}
        >
          <Icon name="check" size={13} /> {resolving ? t('resolving') : t('resolve')}
        </button>
      )}
      {open === 'transfer' && <TransferDialog onClose={() => setOpen(null)} />}
      {open === 'escalate' && <EscalateDialog onClose={() => setOpen(null)} />}
      {open === 'snooze' && <SnoozeDialog onClose={() => setOpen(null)} />}
      {open === 'labels' && <LabelsDialog labels={conversation.labels} onClose={() => setOpen(null)} />}
    </div>
  );
}
