import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { isWindowOpen, selectSelectedConversation } from '../../store/selectors';
import { useNow } from '../../lib/time';
import { useFileDrop } from '../Composer/useFileDrop';
import { ActionsBar } from '../Actions/ActionsBar';
import { Composer } from '../Composer/Composer';
import { ContextPane } from '../Context/ContextPane';
import { AssigneeBadge } from '../common/Assignee';
import { SlaBadge } from '../common/SlaBadge';
import { contactName, formatPhone } from '../../lib/format';
import { useFormat } from '../../i18n/format';
import { PresenceLine } from './PresenceLine';
import { Thread } from './Thread';
import './Thread.css';

/** The selected conversation: header with actions, the thread, the composer, and its context beside it. */
export function ConversationPane() {
  const { t } = useTranslation(['thread', 'common', 'contact', 'composer']);
  const format = useFormat();
  const conversation = useStore(selectSelectedConversation);
  const selectedId = useStore((s) => s.selectedId);
  const now = useNow();
  const drop = useFileDrop(selectedId ?? '', conversation !== null && isWindowOpen(conversation, now));
  if (!selectedId) {
    return (
      <main className="conversation-empty">
        <div className="empty-state">
          <strong>{t('pick.title')}</strong>
          <span>
            <span className="kbd">j</span> / <span className="kbd">k</span> {t('pick.move')}{' '}
            <span className="kbd">?</span> {t('pick.help')}
          </span>
        </div>
      </main>
    );
  }
  return (
    <>
      <main className="conversation" aria-label={t('label')} {...drop.handlers}>
        {drop.dragging && (
          <div className="drop-hint" aria-hidden>
            {t('composer:attach.drop')}
          </div>
        )}
        {conversation && (
          <header className="conversation-header">
            <div className="conversation-who">
              <h2>
                {contactName(conversation.contact)}
                {conversation.contact.tier === 'vip' && <span className="badge vip">{t('contact:vip')}</span>}
              </h2>
              <div className="muted">
                {formatPhone(conversation.contact.waId)}
                {conversation.status === 'resolved' && <span className="badge ok">{t('badge.resolved')}</span>}
                {conversation.escalatedAt && <span className="badge danger">{t('badge.escalated')}</span>}
                {conversation.snoozedUntil && Date.parse(conversation.snoozedUntil) > Date.now() && (
                  <span className="badge warn">
                    {t('badge.snoozedUntil', { when: format.dateTime(conversation.snoozedUntil) })}
                  </span>
                )}
                <span className={`badge ${conversation.priority}`}>
                  {t(`common:priority.${conversation.priority}`)}
                </span>
                <SlaBadge conversation={conversation} />
                <AssigneeBadge conversation={conversation} />
              </div>
              <PresenceLine />
            </div>
            <ActionsBar conversation={conversation} />
          </header>
        )}
        <Thread key={selectedId} />
        {conversation && <Composer conversation={conversation} />}
      </main>
      {conversation && <ContextPane conversation={conversation} />}
    </>
  );
}
