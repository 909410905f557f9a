import type { ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { contactName, formatPhone, SLA_LABEL } from '../../lib/format';
import { countdown, shortDate, useNow } from '../../lib/time';
import { AutomationTimeline } from './AutomationTimeline';
import { HandoffCard } from './HandoffCard';
import { TriageCard } from './TriageCard';
import './Context.css';

export function ContextPane({ conversation }: { conversation: ConversationDTO }) {
  const history = useStore((s) => s.history);
  const select = useStore((s) => s.select);
  const now = useNow();
  const { contact } = conversation;
  const sla =
    conversation.sla && conversation.status === 'open' ? countdown(conversation.sla.dueAt, now, 10 * 60_000) : null;
  const window = conversation.windowExpiresAt ? countdown(conversation.windowExpiresAt, now, 2 * 3600_000) : null;
  const others = history.filter((c) => c.id !== conversation.id);

  return (
    <aside className="context" aria-label="Context">
      <section className="context-section contact">
        <div className="contact-name">{contactName(contact)}</div>
        <div className="muted">{formatPhone(contact.waId) ?? contact.userId}</div>
        {contact.optedOut && <span className="badge danger">Opted out of marketing</span>}
      </section>

      <section className="context-section clocks">
        <div className="clock">
          <div className="clock-label">{conversation.sla ? SLA_LABEL[conversation.sla.kind] : 'SLA'}</div>
          <div className={`clock-value tone-${sla?.tone ?? 'ok'}`}>
            {sla ? (sla.tone === 'late' ? `Breached ${sla.label}` : sla.label) : 'Not running'}
          </div>
        </div>
        <div className="clock">
          <div className="clock-label">24h window</div>
          <div className={`clock-value tone-${window && window.tone !== 'late' ? window.tone : 'late'}`}>
            {window && window.tone !== 'late' ? `${window.label} left` : 'Closed'}
          </div>
        </div>
      </section>

      <TriageCard conversation={conversation} />

      {conversation.handoff && <HandoffCard handoff={conversation.handoff} />}

      <section className="context-section">
        <h3 className="section-title">Automation history</h3>
        <AutomationTimeline />
      </section>

      <section className="context-section">
        <h3 className="section-title">Earlier conversations</h3>
        {others.length === 0 && <div className="muted">None before this one.</div>}
        <ul className="history">
          {others.map((c) => (
            <li key={c.id}>
              <button onClick={() => select(c.id)}>
                <span className={`dot ${c.status === 'open' ? 'online' : 'offline'}`} />
                <span className="history-preview">{c.lastMessagePreview ?? 'No messages'}</span>
                <span className="muted">{shortDate(c.openedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
