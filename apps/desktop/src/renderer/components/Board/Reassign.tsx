import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { contactName } from '../../lib/format';
import { useNow } from '../../lib/time';
import { useFormat } from '../../i18n/format';
import { OverCapacityNote } from '../Actions/OverCapacityNote';

/** Pick a waiting conversation, then the agent who should take it; one at capacity is given it after a confirmation. */
export function Reassign() {
  const { t } = useTranslation(['board', 'common', 'actions']);
  const format = useFormat();
  const waiting = useStore((s) => s.waiting);
  const agents = useStore((s) => s.agents);
  const queues = useStore((s) => s.queues);
  const reassign = useStore((s) => s.reassign);
  const now = useNow();
  const [conversationId, setConversationId] = useState('');
  const [userId, setUserId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const pickConversation = (id: string) => {
    setConversationId(id);
    setConfirming(false);
  };
  const pickAgent = (id: string) => {
    setUserId(id);
    setConfirming(false);
  };
  const queueName = (id: string | null) => queues.find((q) => q.queue.id === id)?.queue.name ?? t('reassign.noQueue');
  const assignable = agents.filter((a) => a.active && a.role !== 'admin');

  const submit = async () => {
    const outcome = await reassign(conversationId, userId, confirming);
    if (outcome === 'over-capacity') return setConfirming(true);
    if (outcome === 'done') {
      pickConversation('');
      setUserId('');
    }
  };

  return (
    <section className="panel reassign" aria-label={t('reassign.label')}>
      <h3 className="section-title">{t('reassign.title')}</h3>
      <ul className="waiting-list" role="listbox" aria-label={t('reassign.waiting')}>
        {waiting.length === 0 && <li className="muted">{t('reassign.nobody')}</li>}
        {waiting.map((c) => (
          <li
            key={c.id}
            role="option"
            aria-selected={conversationId === c.id}
            className={conversationId === c.id ? 'active' : ''}
            onClick={() => pickConversation(c.id)}
          >
            <span className={`badge ${c.priority}`}>{t(`common:priority.${c.priority}`)}</span>
            <span className="waiting-name">{contactName(c.contact)}</span>
            <span className="muted">
              {queueName(c.queueId)} · {c.waitingSince ? format.duration(now - Date.parse(c.waitingSince)) : ''}
            </span>
          </li>
        ))}
      </ul>
      <div className="reassign-row">
        <select
          className="select"
          aria-label={t('reassign.agentLabel')}
          value={userId}
          onChange={(e) => pickAgent(e.target.value)}
        >
          <option value="">{t('reassign.agent')}</option>
          {assignable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button className="btn primary" disabled={!conversationId || !userId} onClick={() => void submit()}>
          {confirming ? t('actions:transferDialog.overCapacityConfirm') : t('reassign.assign')}
        </button>
      </div>
      {confirming && <OverCapacityNote userId={userId} />}
    </section>
  );
}
