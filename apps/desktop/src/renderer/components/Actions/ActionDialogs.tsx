import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ConversationAction } from '../../../contract/inbox-api';
import { useStore } from '../../store';

type DialogProps = { onClose: () => void };

function Dialog({
  title,
  onClose,
  onSubmit,
  children,
  submitLabel,
  disabled,
}: DialogProps & {
  title: string;
  onSubmit: () => Promise<boolean>;
  children: ReactNode;
  submitLabel: string;
  disabled?: boolean;
}) {
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSubmit()) onClose();
  };
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <form className="dialog" role="dialog" aria-label={title} onSubmit={(e) => void submit(e)}>
        <h2>{title}</h2>
        {children}
        <div className="buttons">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={disabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

export function TransferDialog({ onClose }: DialogProps) {
  const act = useStore((s) => s.act);
  const agents = useStore((s) => s.agents);
  const queues = useStore((s) => s.queues);
  const loadTargets = useStore((s) => s.loadTransferTargets);
  const [target, setTarget] = useState('');
  useEffect(() => void loadTargets(), [loadTargets]);

  const action = (): ConversationAction | null => {
    const [kind, id] = target.split(':');
    if (!id) return null;
    return kind === 'user' ? { type: 'transfer', toUserId: id } : { type: 'transfer', toQueueId: id };
  };
  return (
    <Dialog
      title="Transfer conversation"
      onClose={onClose}
      submitLabel="Transfer"
      disabled={!target}
      onSubmit={() => act(action()!)}
    >
      {agents.length === 0 && queues.length === 0 && (
        <p className="muted">No agents or queues to offer: ask a supervisor to transfer it.</p>
      )}
      <div className="field">
        <label htmlFor="transfer-target">To an agent or a queue</label>
        <select
          id="transfer-target"
          className="select"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          autoFocus
        >
          <option value="">Choose…</option>
          <optgroup label="Agents">
            {agents.map((a) => (
              <option key={a.id} value={`user:${a.id}`}>
                {a.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Queues">
            {queues.map((q) => (
              <option key={q.queue.id} value={`queue:${q.queue.id}`}>
                {q.queue.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
    </Dialog>
  );
}

export function EscalateDialog({ onClose }: DialogProps) {
  const act = useStore((s) => s.act);
  const [reason, setReason] = useState('');
  return (
    <Dialog
      title="Escalate to a supervisor"
      onClose={onClose}
      submitLabel="Escalate"
      disabled={!reason.trim()}
      onSubmit={() => act({ type: 'escalate', reason: reason.trim() })}
    >
      <div className="field">
        <label htmlFor="escalate-reason">Why does it need a supervisor?</label>
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
  const act = useStore((s) => s.act);
  const [custom, setCustom] = useState('');
  const snooze = (until: Date) => act({ type: 'snooze', until: until.toISOString() });
  const pick = async (until: Date) => void ((await snooze(until)) && onClose());
  return (
    <Dialog
      title="Snooze until…"
      onClose={onClose}
      submitLabel="Snooze"
      disabled={!custom}
      onSubmit={() => snooze(new Date(custom))}
    >
      <div className="snooze-options">
        <button type="button" className="btn" onClick={() => void pick(new Date(Date.now() + 3600_000))}>
          In 1 hour
        </button>
        <button type="button" className="btn" onClick={() => void pick(tomorrowAtNine())}>
          Tomorrow 9:00
        </button>
      </div>
      <div className="field">
        <label htmlFor="snooze-custom">Or pick a time</label>
        <input
          id="snooze-custom"
          className="input"
          type="datetime-local"
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
        />
      </div>
      <p className="muted">A message from the customer wakes it early.</p>
    </Dialog>
  );
}

export function LabelsDialog({ labels, onClose }: DialogProps & { labels: string[] }) {
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
      title="Labels"
      onClose={onClose}
      submitLabel="Save labels"
      onSubmit={() => act({ type: 'labels', labels: parsed })}
    >
      <div className="field">
        <label htmlFor="labels-input">Comma-separated</label>
        <input
          id="labels-input"
          className="input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="refund, vip"
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
