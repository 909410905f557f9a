import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import type { HandOverAction } from '../../store/slices/thread';
import { Dialog, type DialogProps } from '../common/Dialog';
import { OverCapacityNote } from './OverCapacityNote';

function TargetOption({
  value,
  picked,
  onPick,
  children,
}: {
  value: string;
  picked: string;
  onPick: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label className={`transfer-target ${picked === value ? 'picked' : ''}`}>
      <input
        type="radio"
        name="transfer-target"
        value={value}
        checked={picked === value}
        onChange={() => onPick(value)}
      />
      {children}
    </label>
  );
}

/**
 * To a teammate (each with their presence and load) or any queue. A teammate at capacity: the server refuses;
 * a supervisor is asked to confirm and the transfer is sent again, over capacity; an agent is told why.
 */
export function TransferDialog({ onClose }: DialogProps) {
  const { t } = useTranslation(['actions', 'common']);
  const handOver = useStore((s) => s.handOver);
  const { agents, queues } = useStore((s) => s.transferTargets);
  const loadTargets = useStore((s) => s.loadTransferTargets);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => void loadTargets(), [loadTargets]);

  const [kind, id = ''] = target.split(':');
  const pick = (value: string) => {
    setTarget(value);
    setConfirming(false);
  };
  const submit = async () => {
    const action: HandOverAction =
      kind === 'user'
        ? { type: 'transfer', toUserId: id, ...(confirming ? { overCapacity: true } : {}) }
        : { type: 'transfer', toQueueId: id };
    const outcome = await handOver(action);
    if (outcome === 'over-capacity') {
      setConfirming(true);
      void loadTargets();
    }
    return outcome === 'done';
  };

  return (
    <Dialog
      title={t('transferDialog.title')}
      onClose={onClose}
      submitLabel={confirming ? t('transferDialog.overCapacityConfirm') : t('transfer')}
      disabled={!target}
      onSubmit={submit}
    >
      {agents.length === 0 && queues.length === 0 && <p className="muted">{t('transferDialog.none')}</p>}
      <div className="transfer-targets">
        <fieldset>
          <legend>{t('transferDialog.agents')}</legend>
          {agents.map((a) => (
            <TargetOption key={a.userId} value={`user:${a.userId}`} picked={target} onPick={pick}>
              <span className="name">{a.name}</span>
              <span className="presence">
                <span className={`dot ${a.status}`} aria-hidden="true" />
                {t(`transferDialog.presence.${a.status}`)}
              </span>
              <span className={`load ${a.load >= a.capacity ? 'full' : ''}`}>
                {t('transferDialog.load', { load: a.load, capacity: a.capacity })}
              </span>
            </TargetOption>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('transferDialog.queues')}</legend>
          {queues.map((q) => (
            <TargetOption key={q.id} value={`queue:${q.id}`} picked={target} onPick={pick}>
              <span className="name">{q.name}</span>
            </TargetOption>
          ))}
        </fieldset>
      </div>
      {confirming && <OverCapacityNote userId={id} />}
    </Dialog>
  );
}
