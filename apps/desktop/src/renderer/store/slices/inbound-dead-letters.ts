import type { InboundDeadLetterDTO } from '@switchboard/shared';
import { boardService } from '../../services/board.service';
import type { Slice } from '../types';
import { i18n } from '../../i18n';

/** Webhooks the server acknowledged but could not apply in full, for supervisors to replay once fixed. */
export type InboundDeadLettersSlice = {
  inboundDeadLetters: InboundDeadLetterDTO[];
  /** The ids being replayed now (their buttons wait). */
  replayingInbound: string[];
  loadInboundDeadLetters(): Promise<void>;
  replayInbound(id: string): Promise<void>;
  replayAllInbound(): Promise<void>;
};

export const createInboundDeadLettersSlice: Slice<InboundDeadLettersSlice> = (set, get) => {
  /** Runs a replay with these ids' buttons waiting, then shows the list as the server has it now. */
  async function replaying(ids: string[], work: () => Promise<void>) {
    set({ replayingInbound: [...get().replayingInbound, ...ids] });
    try {
      await work();
    } catch (error) {
      get().reportError(error);
    } finally {
      set({ replayingInbound: get().replayingInbound.filter((id) => !ids.includes(id)) });
    }
    await get().loadInboundDeadLetters();
  }

  return {
    inboundDeadLetters: [],
    replayingInbound: [],

    async loadInboundDeadLetters() {
      try {
        set({ inboundDeadLetters: await boardService.inboundDeadLetters() });
      } catch (error) {
        get().reportError(error);
      }
    },

    replayInbound: (id) =>
      replaying([id], async () => {
        const result = await boardService.replayInbound(id);
        if (result.outcome === 'replayed')
          get().pushToast({
            tone: 'info',
            title: i18n.t('toasts:inboundReplayed.title'),
            body: i18n.t('toasts:inboundReplayed.body', { count: result.messages }),
          });
        else
          get().pushToast({
            tone: 'warning',
            title: i18n.t('toasts:inboundStillFailing.title'),
            body: result.deadLetter.reason,
          });
      }),

    replayAllInbound: () =>
      replaying(
        get().inboundDeadLetters.map((letter) => letter.id),
        async () => {
          const { replayed, failed } = await boardService.replayAllInbound();
          get().pushToast({
            tone: failed > 0 ? 'warning' : 'info',
            title: i18n.t('toasts:inboundReplayedAll.title'),
            body: i18n.t('toasts:inboundReplayedAll.body', { replayed, failed }),
          });
        },
      ),
  };
};
