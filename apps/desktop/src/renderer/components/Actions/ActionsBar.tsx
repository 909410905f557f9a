import { useState } from 'react';
import type { ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { EscalateDialog, LabelsDialog, SnoozeDialog, TransferDialog } from './ActionDialogs';
import './Actions.css';
import { Icon } from '../common/Icon';

type Open = null | 'transfer' | 'escalate' | 'snooze' | 'labels';

export function ActionsBar({ conversation }: { conversation: ConversationDTO }) {
  const act = useStore((s) => s.act);
  const resolveWithUndo = useStore((s) => s.resolveWithUndo);
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
    <div className="actions" role="toolbar" aria-label="Conversation actions">
      {!resolved && !mine && (
        <button className="btn primary small" onClick={() => void act({ type: 'claim' })} title="Claim (c)">
          Claim
        </button>
      )}
      {!resolved && (
        <>
          <button className="btn small" onClick={() => setOpen('transfer')}>
            Transfer
          </button>
          <button className="btn small" onClick={() => setOpen('escalate')}>
            Escalate
          </button>
          <button className="btn small" onClick={() => setOpen('snooze')}>
            Snooze
          </button>
        </>
      )}
      <button className="btn small" onClick={() => setOpen('labels')}>
        Labels
      </button>
      <button className="btn small" onClick={note} title="Internal note (n)">
        Note
      </button>
      {resolved ? (
        <button className="btn small" onClick={() => void act({ type: 'reopen' })}>
          Reopen
        </button>
      ) : (
        <button className="btn small resolve" onClick={() => resolveWithUndo()} title="Resolve (e)">
          <Icon name="check" size={13} /> Resolve
        </button>
      )}
      {open === 'transfer' && <TransferDialog onClose={() => setOpen(null)} />}
      {open === 'escalate' && <EscalateDialog onClose={() => setOpen(null)} />}
      {open === 'snooze' && <SnoozeDialog onClose={() => setOpen(null)} />}
      {open === 'labels' && <LabelsDialog labels={conversation.labels} onClose={() => setOpen(null)} />}
    </div>
  );
}
