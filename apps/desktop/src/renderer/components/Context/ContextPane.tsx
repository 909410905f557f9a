import { useTranslation } from 'react-i18next';
import type { ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { countdown, slaCountdown, useNow } from '../../lib/time';
import { useFormat } from '../../i18n/format';
import { ContactProfile } from '../Contact/ContactProfile';
import { AutomationTimeline } from './AutomationTimeline';
import { HandoffCard } from './HandoffCard';
import { useAssigneeLabel } from '../common/Assignee';
import { TriageCard } from './TriageCard';
import './Context.css';

export function ContextPane({ conversation }: { conversation: ConversationDTO }) {
  const { t } = useTranslation(['context', 'common']);
  const format = useFormat();
  const history = useStore((s) => s.history);
  const select = useStore((s) => s.select);
  const now = useNow();
  const { contact } = conversation;
  const sla = slaCountdown(conversation, now);
  const window = conversation.windowExpiresAt ? countdown(conversation.windowExpiresAt, now, 2 * 3600_000) : null;
  const others = history.filter((c) => c.id !== conversation.id);
  const assignee = useAssigneeLabel(conversation);

  return (
    <aside className="context" aria-label={t('label')}>
      <ContactProfile key={contact.id} conversation={conversation} />

      <section className="context-section clocks">
        <div className="clock">
          <div className="clock-label">
            {conversation.sla ? t(`common:slaKind.${conversation.sla.kind}`) : t('sla.label')}
          </div>
          <div
            className={`clock-value tone-${sla?.tone ?? 'ok'}`}
            title={conversation.sla ? format.fullDate(conversation.sla.dueAt) : undefined}
          >
            {sla
              ? sla.tone === 'late'
                ? t('sla.breached', { when: format.relative(conversation.sla!.dueAt, now) })
                : t('sla.left', { duration: format.duration(sla.ms) })
              : t('sla.notRunning')}
          </div>
        </div>
        <div className="clock">
          <div className="clock-label">{t('window.label')}</div>
          <div className={`clock-value tone-${window && window.tone !== 'late' ? window.tone : 'late'}`}>
            {window && window.tone !== 'late'
              ? t('window.left', { duration: format.duration(window.ms) })
              : t('window.closed')}
          </div>
        </div>
      </section>

      <section className="context-section">
        <h3 className="section-title">{t('assignee')}</h3>
        <div data-testid="context-assignee">{assignee}</div>
      </section>
      <TriageCard conversation={conversation} />

      {conversation.handoff && <HandoffCard handoff={conversation.handoff} />}

      <section className="context-section">
        <h3 className="section-title">{t('automation')}</h3>
        <AutomationTimeline />
      </section>

      <section className="context-section">
        <h3 className="section-title">{t('earlier.title')}</h3>
        {others.length === 0 && <div className="muted">{t('earlier.none')}</div>}
        <ul className="history">
          {others.map((c) => (
            <li key={c.id}>
              <button onClick={() => select(c.id)}>
                <span className={`dot ${c.status === 'open' ? 'online' : 'offline'}`} />
                <span className="history-preview">{c.lastMessagePreview ?? t('earlier.noMessages')}</span>
                <span className="muted" title={format.fullDate(c.openedAt)}>
                  {format.shortDate(c.openedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
