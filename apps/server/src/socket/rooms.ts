import type { Viewer } from '../domain/viewer.js';

export const EVERYTHING_ROOM = 'all-channels';
export const channelRoom = (channelId: string) => `channel:${channelId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const queueRoom = (queueId: string) => `queue:${queueId}`;

/** The rooms a user's sockets belong to: supervisors and admins see everything, agents their channels and queues. */
export function roomsFor(viewer: Viewer): string[] {
  const access = viewer.seesEverything
    ? [EVERYTHING_ROOM]
    : [
        ...viewer.channelIds.map((id) => channelRoom(id.toHexString())),
        ...viewer.queueIds.map((id) => queueRoom(id.toHexString())),
      ];
  return [userRoom(viewer.userId), ...access];
}
