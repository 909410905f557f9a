import type {
  ChannelSendHealthDTO,
  ContactDTO,
  ConversationDTO,
  ConversationPresenceDTO,
  PresenceUser,
} from '@switchboard/shared';
import type { Store } from './types';
import { EMPTY_DRAFT } from './slices/composer';

export const selectSelectedConversation = (s: Store): ConversationDTO | null =>
  s.items.find((c) => c.id === s.selectedId) ?? s.selectedConversation;

/** The open conversation's contact: the copy pushed with it, or the one a save just answered, whichever is newer. */
export const selectOpenContact = (s: Store): ContactDTO | null => {
  const pushed = selectSelectedConversation(s)?.contact ?? null;
  const saved = s.savedContact;
  if (!pushed || saved?.id !== pushed.id) return pushed;
  return Date.parse(saved.updatedAt) > Date.parse(pushed.updatedAt) ? saved : pushed;
};

/** The conversation the agent has on screen, for presence: the selected one while the inbox shows. */
export const selectViewedConversation = (s: Store): string | null => (s.screen === 'inbox' ? s.selectedId : null);

export const selectIsSupervisor = (s: Store) => s.user?.role === 'supervisor' || s.user?.role === 'admin';

/**
 * The one line the sidebar says about sending, most pressing first. It says all replies were sent only when
 * none waits and none failed, in any conversation on this device, and every number can send.
 */
export type SendStatus =
  | { line: 'refused' | 'reconnecting' | 'fromDevice' | 'allSent' }
  | { line: 'failed' | 'pending' | 'outages'; count: number };

export function selectSendStatus(s: Store): SendStatus {
  if (s.hostLink === 'refused') return { line: 'refused' };
  if (s.hostLink !== 'open') return { line: 'reconnecting' };
  const { failed, pending } = s.replyCounts;
  if (failed > 0) return { line: 'failed', count: failed };
  if (pending > 0) return { line: 'pending', count: pending };
  if (selectConnectionLabel(s) === 'offline') return { line: 'fromDevice' };
  const outages = outagesIn(s.sendHealth).length;
  return outages > 0 ? { line: 'outages', count: outages } : { line: 'allSent' };
}

export const selectDraft = (conversationId: string) => (s: Store) => s.drafts[conversationId] ?? EMPTY_DRAFT;

/** What the connection indicator says: the host link first (nothing works without it), then the engine's. */
export const selectConnectionLabel = (s: Store): 'online' | 'syncing' | 'offline' =>
  s.hostLink !== 'open' ? 'offline' : s.connection;

export const isWindowOpen = (conversation: ConversationDTO, now: number) =>
  conversation.windowExpiresAt !== null && Date.parse(conversation.windowExpiresAt) > now;

/** The numbers that cannot send right now (down, or retrying after being down), of every number's health. */
export const outagesIn = (health: ChannelSendHealthDTO[]): ChannelSendHealthDTO[] =>
  health.filter((h) => h.state !== 'sending');

/** Why replies through `channelId` wait, when its number cannot send; undefined while it sends. */
export const selectOutageOf = (channelId: string) => (s: Store) =>
  s.sendHealth.find((h) => h.channelId === channelId && h.state !== 'sending');

/**
 * The colleagues in the open conversation by name, without the signed-in user (on any of their devices):
 * those writing, and those only looking. Someone typing is not listed again as viewing.
 */
export function colleaguesPresent(
  presence: ConversationPresenceDTO | null,
  myUserId: string | undefined,
): { typing: string[]; viewing: string[] } {
  if (!presence) return { typing: [], viewing: [] };
  const others = (users: PresenceUser[]) => users.filter((u) => u.userId !== myUserId);
  const typing = others(presence.typing);
  const typingIds = new Set(typing.map((u) => u.userId));
  return {
    typing: typing.map((u) => u.name),
    viewing: others(presence.viewers)
      .filter((u) => !typingIds.has(u.userId))
      .map((u) => u.name),
  };
}
