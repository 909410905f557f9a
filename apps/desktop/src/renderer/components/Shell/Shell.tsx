import { useStore } from '../../store';
import { selectIsSupervisor } from '../../store/selectors';
import type { InboxView } from '../../../contract/inbox-api';
import { Board } from '../Board/Board';
import { DeadLetters } from '../Board/DeadLetters';
import { ConversationList } from '../ConversationList/ConversationList';
import { SearchScreen } from '../Search/SearchScreen';
import { ConversationPane } from '../Thread/ConversationPane';
import { ConnectionIndicator } from './ConnectionIndicator';
import { initials } from '../../lib/format';
import './Shell.css';
import { Icon, type IconName } from '../common/Icon';

const VIEWS: { view: InboxView; label: string; icon: IconName }[] = [
  { view: 'mine', label: 'Mine', icon: 'inbox' },
  { view: 'queues', label: 'Queues', icon: 'queue' },
  { view: 'all', label: 'All', icon: 'all' },
  { view: 'snoozed', label: 'Snoozed', icon: 'moon' },
  { view: 'resolved', label: 'Resolved', icon: 'check' },
];

export function Shell() {
  const screen = useStore((s) => s.screen);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const setScreen = useStore((s) => s.setScreen);
  const supervisor = useStore(selectIsSupervisor);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar-brand">
          <span className="logo-mark small" aria-hidden>
            S
          </span>
          Switchboard
        </div>
        <div className="nav-group">
          <div className="nav-heading">Inbox</div>
          {VIEWS.map((v) => (
            <button
              key={v.view}
              className={`nav-item ${screen === 'inbox' && view === v.view ? 'active' : ''}`}
              onClick={() => setView(v.view)}
            >
              <Icon name={v.icon} className="nav-icon" />
              {v.label}
            </button>
          ))}
          <button className={`nav-item ${screen === 'search' ? 'active' : ''}`} onClick={() => setScreen('search')}>
            <Icon name="search" className="nav-icon" />
            Search
          </button>
        </div>
        {supervisor && (
          <div className="nav-group">
            <div className="nav-heading">Supervise</div>
            <button className={`nav-item ${screen === 'board' ? 'active' : ''}`} onClick={() => setScreen('board')}>
              <Icon name="board" className="nav-icon" />
              Board
            </button>
            <button
              className={`nav-item ${screen === 'dead-letters' ? 'active' : ''}`}
              onClick={() => setScreen('dead-letters')}
            >
              <Icon name="alert" className="nav-icon" />
              Dead letters
            </button>
          </div>
        )}
        <div className="sidebar-footer">
          <ConnectionIndicator />
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
    </div>
  );
}

function AgentCard() {
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
          aria-label="Agent status"
          title="Switch between online and away"
          onClick={() => void setStatus(status === 'online' ? 'away' : 'online')}
        >
          <span className={`dot ${status}`} />
          {status === 'online' ? 'Online' : 'Away'}
        </button>
      </div>
      <button className="btn ghost small sign-out" onClick={() => void logout()} title="Sign out">
        <Icon name="logout" />
      </button>
    </div>
  );
}
