import { Coalescer } from '@switchboard/concurrency';
import { pushes } from '../services/pushes.service';
import { useStore } from './index';
import { selectViewedConversation } from './selectors';

/** At least this long between two re-reads of the lists, however fast the pushes come. */
const REFRESH_GAP_MS = 150;

/** Turns the engine's pushes into store actions; pushes only name what changed, so each one refetches. */
export function wirePushes(): () => void {
  const store = useStore.getState;
  // A burst of pushes while the lists are re-read makes one more read afterwards, not one each.
  const conversations = new Coalescer(
    async () => {
      await Promise.all([
        store().refreshList(),
        store().refreshSelected(),
        store().screen === 'board' && store().refreshWaiting(),
      ]);
    },
    { gapMs: REFRESH_GAP_MS, onError: (error) => console.warn('refresh:', error) },
  );
  const refreshConversations = () => conversations.request('conversations', undefined);
  const offs = [
    pushes.on('session-changed', (session) => store().applySession(session)),
    pushes.on('connection-changed', (state) => {
      store().setConnection(state);
      // Offline, the server no longer counts this agent, nor tells them who else is there.
      if (state === 'offline') store().applyPresence(null);
    }),
    pushes.on('conversations-changed', refreshConversations),
    pushes.on('thread-changed', (id) => store().threadChanged(id)),
    pushes.on('upload-progress', (progress) => store().applyUploadProgress(progress)),
    pushes.on('timeline-changed', (id) => id === store().selectedId && void store().refreshTimeline()),
    pushes.on('board-changed', (queues) => store().applyBoard(queues)),
    pushes.on('send-health-changed', (health) => store().applySendHealth(health)),
    pushes.on('notification', (notification) => store().notify(notification)),
    pushes.on('mentions-changed', () => void store().loadMentions()),
    pushes.on('templates-changed', () => store().templatesChanged()),
    pushes.on('presence-changed', (presence) => store().applyPresence(presence)),
    pushes.on('problem', (message) => console.warn('engine:', message)),
    pushes.onLink((link) => {
      store().setHostLink(link);
      // Back after a drop: pushes may have been missed, so read everything again.
      if (link === 'open') {
        void store().loadSession();
        refreshConversations();
        void store().refreshThread();
        void store().loadSendHealth();
        void store().viewConversation(selectViewedConversation(store()));
      }
    }),
    // Colleagues see this agent in the conversation on screen: opened, left for another, or for another screen.
    useStore.subscribe((state, before) => {
      const viewed = selectViewedConversation(state);
      if (viewed !== selectViewedConversation(before)) void state.viewConversation(viewed);
    }),
  ];
  return () => offs.forEach((off) => off());
}
