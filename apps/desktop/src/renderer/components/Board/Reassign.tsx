import { useState } from 'react';
import { useStore } from '../../store';
import { contactName } from '../../lib/format';
import { formatDuration, useNow } from '../../lib/time';

/** Pick a waiting conversation, then the agent who should take it. */
export function Reassign() {
  const waiting = useStore((s) => s.waiting);
  const agents = useStore((s) => s.agents);
  const queues = useStore((s) => s.queues);
  const reassign = useStore((s) => s.reassign);
  const now = useNow();
  const [conversationId, setConversationId] = useState('');
  const [userId, setUserId] = useState('');
  const queueName = (id: string | null) => queues.find((q) => q.queue.id === id)?.queue.name ?? 'No queue';
  const assignable = agents.filter((a) => a.active && a.role !== 'admin');

  const submit = async () => {
    if (await reassign(conversationId, userId)) {
      setConversationId('');
      setUserId('');
    }
  };

  return (
    <section className="panel reassign" aria-label="Reassign">
      <h3 className="section-title">Reassign a waiting conversation</h3>
      <ul className="waiting-list" role="listbox" aria-label="Waiting conversations">
        {waiting.length === 0 && <li className="muted">Nobody is waiting.</li>}
        {waiting.map((c) => (
          <li
            key={c.id}
            role="option"
            aria-selected={conversationId === c.id}
            className={conversationId === c.id ? 'active' : ''}
            onClick={() => setConversationId(c.id)}
          >
            <span className={`badge ${c.priority}`}>{c.priority}</span>
            <span className="waiting-name">{contactName(c.contact)}</span>
            <span className="muted">
              {queueName(c.queueId)} · {c.waitingSince ? formatDuration(now - Date.parse(c.waitingSince)) : ''}
            </span>
          </li>
        ))}
      </ul>
      <div className="reassign-row">
        <select
          className="select"
          aria-label="Assign to agent"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        >
          <option value="">Agent…</option>
          {assignable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button className="btn primary" disabled={!conversationId || !userId} onClick={() => void submit()}>
          Assign
        </button>
      </div>
    </section>
  );
}
