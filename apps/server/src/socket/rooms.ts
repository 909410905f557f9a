import type { Audience } from '../domain/domain-events.js';
import type { Viewer } from '../domain/viewer.js';

export const EVERYTHING_ROOM = 'all-channels';
export const userRoom = (userId: string) => `user:${userId}`;
export const queueRoom = (queueId: string) => `queue:${queueId}`;

/**
 * The rooms a user's sockets belong to, which decide what is pushed to them live: supervisors and admins
 * everything; an agent what waits in their queues and what is assigned to them. An agent may see more
 * (the conversations of channels they are a member of: Viewer.canSee); those load on demand through the
 * catch-up (`conversation:sync`, the REST list), so a message reaches the sockets of the people who work
 * on it, not every member of its channel.
 */
export function roomsFor(viewer: Viewer): string[] {
  const access = viewer.seesEverything ? [EVERYTHING_ROOM] : viewer.queueIds.map((id) => queueRoom(id.toHexString()));
  return [userRoom(viewer.userId), ...access];
}

/** The rooms a conversation change goes to: everything's, its queue's and its assignee's. */
export function roomsOf(...audiences: (Audience | undefined)[]): string[] {
  const rooms = new Set([EVERYTHING_ROOM]);
  for (const audience of audiences) {
    if (audience?.queueId) rooms.add(queueRoom(audience.queueId));
    if (audience?.assigneeId) rooms.add(userRoom(audience.assigneeId));
  }
  return [...rooms];
}

/** The sockets that have a conversation open now (presence: who views it, who writes in it). */
export const viewingRoom = (conversationId: string) => `viewing:${conversationId}`;
export const isViewingRoom = (room: string) => room.startsWith('viewing:');
