import { pushes } from '../services/pushes.service';
import { useStore } from './index';

/** Runs `work` at most once per `ms`, and once more after a burst, so a flood of pushes costs a few refreshes. */
function coalesce(work: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  return () => {
    if (timer) return void (again = true);
    work();
    timer = setTimeout(function tick() {
      timer = undefined;
      if (again) {
        again = false;
        work();
        timer = setTimeout(tick, ms);
      }
    }, ms);
  };
}

/** Turns the engine's pushes into store actions; pushes only name what changed, so each one refetches. */
export function wirePushes(): () => void {
  const store = useStore.getState;
  const refreshConversations = coalesce(() => {
    void store().refreshList();
    void store().refreshSelected();
    if (store().screen === 'board') void store().refreshWaiting();
  }, 150);
  const offs = [
    pushes.on('session-changed', (session) => store().applySession(session)),
    pushes.on('connection-changed', (state) => store().setConnection(state)),
    pushes.on('conversations-changed', refreshConversations),
    pushes.on('thread-changed', (id) => store().threadChanged(id)),
    pushes.on('timeline-changed', (id) => id === store().selectedId && void store().refreshTimeline()),
    pushes.on('board-changed', (queues) => store().applyBoard(queues)),
    pushes.on('notification', (notification) => store().notify(notification)),
    pushes.on('problem', (message) => console.warn('engine:', message)),
    pushes.onLink((link) => {
      store().setHostLink(link);
      // Back after a drop: pushes may have been missed, so read everything again.
      if (link === 'open') {
        void store().loadSession();
        refreshConversations();
        void store().refreshThread();
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}
