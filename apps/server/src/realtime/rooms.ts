import type { Viewer } from '../domain/viewer.js';

export const EVERYTHING_ROOM = 'all-channels';
export const channelRoom = (channelId: string) => `channel:${channelId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** The rooms a user's sockets belong to: supervisors and admins see every channel, agents their own. */
export function roomsFor(viewer: Viewer): string[] {
  const access = viewer.seesEverything ? [EVERYTHING_ROOM] : viewer.channelIds.map((id) => channelRoom(id.toHexString()));
  return [userRoom(viewer.userId), ...access];
}
