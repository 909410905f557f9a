import { TYPING_REFRESH_MS, type ConversationPresenceDTO } from '@switchboard/shared';
import { presenceService } from '../../services/presence.service';
import type { Slice } from '../types';

/** A pause in the agent's writing this long ends their typing (the server would end it later by itself). */
export const TYPING_PAUSE_MS = 3_000;

export type PresenceSlice = {
  /** Who views the open conversation and who writes in it, the signed-in user among them (as the server says). */
  presence: ConversationPresenceDTO | null;
  applyPresence(presence: ConversationPresenceDTO | null): void;
  /** Tells the server which conversation the agent has open (null: none), so colleagues see them there. */
  viewConversation(conversationId: string | null): Promise<void>;
  /** The agent changed the reply they write: typing is told at most every TYPING_REFRESH_MS, ended by a pause. */
  typed(conversationId: string): void;
  /** The agent sent, left the conversation or paused: their typing ends now. */
  stopTyping(): void;
};

export const createPresenceSlice: Slice<PresenceSlice> = (set, get) => {
  let typingIn: string | null = null;
  let toldAt = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const tell = (conversationId: string, typing: boolean) =>
    void presenceService.typing(conversationId, typing).catch(() => undefined);

  return {
    presence: null,

    applyPresence(presence) {
      set({ presence: presence && presence.conversationId === get().selectedId ? presence : null });
    },

    async viewConversation(conversationId) {
      get().stopTyping();
      set({ presence: null });
      const presence = await presenceService.view(conversationId).catch(() => null);
      if (conversationId === get().selectedId) get().applyPresence(presence);
    },

    typed(conversationId) {
      if (typingIn !== conversationId) get().stopTyping();
      const now = Date.now();
      if (typingIn !== conversationId || now - toldAt >= TYPING_REFRESH_MS) {
        typingIn = conversationId;
        toldAt = now;
        tell(conversationId, true);
      }
      clearTimeout(pause);
      pause = setTimeout(() => get().stopTyping(), TYPING_PAUSE_MS);
    },

    stopTyping() {
      clearTimeout(pause);
      if (!typingIn) return;
      tell(typingIn, false);
      typingIn = null;
    },
  };
};
