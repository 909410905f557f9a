import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { selectIsSupervisor } from '../../store/selectors';
import type { InboxView } from '../../../contract/inbox-api';
import { Board } from '../Board/Board';
import { DeadLetters } from '../Board/DeadLetters';
import { Settings } from '../Settings/Settings';
import { ConversationList } from '../ConversationList/ConversationList';
import { SearchScreen } from '../Search/SearchScreen';
import { ConversationPane } from '../Thread/ConversationPane';
import { MentionsView } from '../Mentions/MentionsView';
import { Reports } from '../Reports/Reports';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageMenu } from './LanguageMenu';
import { useUnreadTitle } from './useUnreadTitle';
import { SendOutages } from './SendOutages';
import { initials } from '../../lib/format';
import './Shell.css';
import { Icon, type IconName } from '../common/Icon';

const VIEWS: { view: InboxView; icon: IconName }[] = [
  { view: 'mine', icon: 'inbox' },
  { view: 'queues', icon: 'queue' },
  { view: 'all', icon: 'all' },
  { view: 'snoozed', icon: 'moon' },
  { view: 'resolved', icon: 'check' },
];

export function Shell() {
  const { t } = useTranslation('shell');
  const screen = useStore((s) => s.screen);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const setScreen = useStore((s) => s.setScreen);
  const supervisor = useStore(selectIsSupervisor);
  const unreadMentions = useStore((s) => s.unreadMentions);
  useUnreadTitle();

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('mainNav')}>
        <div className="sidebar-brand">
          <span className="logo-mark small" aria-hidden>
            S
          </span>
          Switchboard
        </div>
        <div className="nav-group">
          <div className="nav-heading">{t('inbox')}</div>
          {VIEWS.map((v) => (
            <button
              key={v.view}
              className={`nav-item ${screen === 'inbox' && view === v.view ? 'active' : ''}`}
              onClick={() => setView(v.view)}
              data-view={v.view}
            >
              <Icon name={v.icon} className="nav-icon" />
              {t(`views.${v.view}`)}
            </button>
          ))}
          <button
            className={`nav-item ${screen === 'mentions' ? 'active' : ''}`}
            onClick={() => setScreen('mentions')}
            aria-label={unreadMentions > 0 ? t('mentionsUnread', { count: unreadMentions }) : t('mentions')}
          >
            <Icon name="at" className="nav-icon" />
            {t('mentions')}
            {unreadMentions > 0 && <span className="nav-count">{unreadMentions}</span>}
          </button>
          <button
            className={`nav-item ${screen === 'search' ? 'active' : ''}`}
            onClick={() => setScreen('search')}
            data-screen="search"
          >
            <Icon name="search" className="nav-icon" />
            {t('search')}
          </button>
        </div>
        {supervisor && (
          <div className="nav-group">
            <div className="nav-heading">{t('supervise')}</div>
            <button className={`nav-item ${screen === 'board' ? 'active' : ''}`} onClick={() => setScreen('board')}>
              <Icon name="board" className="nav-icon" />
              {t('board')}
            </button>
            <button
              className={`nav-item ${screen === 'dead-letters' ? 'active' : ''}`}
              onClick={() => setScreen('dead-letters')}
            >
              <Icon name="alert" className="nav-icon" />
              {t('deadLetters')}
            </button>
            <button className={`nav-item ${screen === 'reports' ? 'active' : ''}`} onClick={() => setScreen('reports')}>
              <Icon name="chart" className="nav-icon" />
              {t('reports')}
            </button>
            <button
              className={`nav-item ${screen === 'settings' ? 'active' : ''}`}
              onClick={() => setScreen('settings')}
            >
              <Icon name="lock" className="nav-icon" />
              {t('settings')}
            </button>
          </div>
        )}
        <div className="sidebar-footer">
          <ConnectionIndicator />
          <SendOutages />
          <AgentCard />
        </div>
      </nav>
      {screen === 'inbox' && (
        <>
          <ConversationList />
          <ConversationPane />
        </>
      )}
      {screen === 'search' && <SearchScreen />}
      {screen === 'board' && <Board />}
      {screen === 'dead-letters' && <DeadLetters />}
      {screen === 'mentions' && <MentionsView />}
      {screen === 'reports' && <Reports />}
      {screen === 'settings' && <Settings />}
    </div>
  );
}

function AgentCard() {
  const { t } = useTranslation('shell');
  const user = useStore((s) => s.user);
  const status = useStore((s) => s.agentStatus);
  const setStatus = useStore((s) => s.setAgentStatus);
  const logout = useStore((s) => s.logout);
  if (!user) return null;
  return (
    <div className="agent-card">
      <span className={`avatar status-${status}`}>{initials(user.name)}</span>
      <div className="agent-meta">
        <div className="agent-name">{user.name}</div>
        <button
          className="status-toggle"
          aria-label={t('status.label')}
          title={t('status.hint')}
          onClick={() => void setStatus(status === 'online' ? 'away' : 'online')}
        >
          <span className={`dot ${status}`} />
          {t(`status.${status}`)}
        </button>
        <LanguageMenu />
      </div>
      <button
        className="btn ghost small sign-out"
        onClick={() => void logout()}
        title={t('signOut')}
        aria-label={t('signOut')}
      >
        <Icon name="logout" />
      </button>
    </div>
  );
}
