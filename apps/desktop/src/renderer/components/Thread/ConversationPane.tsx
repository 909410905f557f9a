import { useStore } from '../../store';
import { selectSelectedConversation } from '../../store/selectors';
import { ActionsBar } from '../Actions/ActionsBar';
import { Composer } from '../Composer/Composer';
import { ContextPane } from '../Context/ContextPane';
import { AssigneeBadge } from '../common/Assignee';
import { contactName, formatPhone, PRIORITY_LABEL } from '../../lib/format';
import { messageTime } from '../../lib/time';
import { Thread } from './Thread';
import './Thread.css';

/** The selected conversation: header with actions, the thread, the composer, and its context beside it. */
export function ConversationPane() {
  const conversation = useStore(selectSelectedConversation);
  const selectedId = useStore((s) => s.selectedId);
  if (!selectedId) {
    return (
      <main className="conversation-empty">
        <div className="empty-state">
          <strong>Pick a conversation</strong>
          <span>
            <span className="kbd">j</span> / <span className="kbd">k</span> move through the list,{' '}
            <span className="kbd">?</span> shows every shortcut.
          </span>
        </div>
      </main>
    );
  }
  return (
    <>
      <main className="conversation" aria-label="Conversation">
        {conversation && (
          <header className="conversation-header">
            <div className="conversation-who">
              <h2>{contactName(conversation.contact)}</h2>
              <div className="muted">
                {formatPhone(conversation.contact.waId)}
                {conversation.status === 'resolved' && <span className="badge ok">Resolved</span>}
                {conversation.escalatedAt && <span className="badge danger">Escalated</span>}
                {conversation.snoozedUntil && Date.parse(conversation.snoozedUntil) > Date.now() && (
                  <span className="badge warn">Snoozed until {messageTime(conversation.snoozedUntil)}</span>
                )}
                <span className={`badge ${conversation.priority}`}>{PRIORITY_LABEL[conversation.priority]}</span>
                <AssigneeBadge conversation={conversation} />
              </div>
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
