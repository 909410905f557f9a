import type { UserDTO } from '@switchboard/shared';
import type { InboxViewName } from '../engine/db/inbox-view-store.js';
import type { SyncEngine } from '../engine/sync-engine.js';

/** How often opening a wider list may catch every conversation up again. */
const LIST_CATCH_UP_EVERY_MS = 30_000;
/** The lists of an agent that the server pushes live: what is theirs, and what waits in their queues. */
const LIVE_VIEWS: ReadonlySet<InboxViewName> = new Set(['mine', 'queues']);

/**
 * The server pushes an agent the live changes of what waits in their queues and what is assigned to them;
 * supervisors and admins get everything. An agent may see more (every conversation of the channels they
 * belong to), and those wider views are brought up to date when opened, through the engine's catch-up: a
 * wider list at most every 30 s, a conversation that is not theirs each time it is opened. The catch-up
 * runs in the background; the engine tells the UI when it changed something, as it does for pushes.
 */
export function createWiderViews(engine: SyncEngine, user: UserDTO, now: () => number = Date.now) {
  const pushedEverything = user.role !== 'agent';
  let listCaughtUpAt = Number.NEGATIVE_INFINITY;
  const quietly = (work: Promise<void>) => void work.catch(() => undefined);

  return {
    listOpened(view: InboxViewName): void {
      if (pushedEverything || LIVE_VIEWS.has(view) || now() - listCaughtUpAt < LIST_CATCH_UP_EVERY_MS) return;
      listCaughtUpAt = now();
      quietly(engine.catchUpAll());
    },
    conversationOpened(conversationId: string): void {
      if (pushedEverything) return;
      quietly(
        (async () => {
          if ((await engine.getConversation(conversationId))?.assigneeId !== user.id)
            await engine.refresh(conversationId);
        })(),
      );
    },
  };
}
export type WiderViews = ReturnType<typeof createWiderViews>;
