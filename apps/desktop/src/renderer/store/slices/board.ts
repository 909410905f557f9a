import type { DeadLetterDTO, QueueStateDTO, TransferTargetsDTO, UserDTO } from '@switchboard/shared';
import type { BoardSample, InboxItem } from '../../../contract/inbox-api';
import { boardService } from '../../services/board.service';
import { conversationService } from '../../services/conversation.service';
import type { Slice } from '../types';
import { i18n } from '../../i18n';

export type BoardSlice = {
  queues: QueueStateDTO[];
  boardHistory: BoardSample[];
  agents: UserDTO[];
  /** Conversations waiting in a queue, for reassigning from the board. */
  waiting: InboxItem[];
  deadLetters: DeadLetterDTO[];
  /** Where a conversation can go: every queue, and each teammate with their presence and load. */
  transferTargets: TransferTargetsDTO;
  loadBoard(): Promise<void>;
  loadTransferTargets(): Promise<void>;
  /** The ids a teammates' lookup was made for: each unknown assignee is looked up once. */
  teammatesLookedUp: string[];
  /** Loads the teammates quietly when an assignee is not among them, so the inbox can name them. */
  lookUpTeammate(userId: string): void;
  applyBoard(queues: QueueStateDTO[]): void;
  refreshWaiting(): Promise<void>;
  /**
   * Assigns a waiting conversation from the board. An agent at capacity comes back as `over-capacity` for a
   * supervisor to confirm (with their load loaded to show); confirmed, it is sent again over capacity.
   */
  reassign(
    conversationId: string,
    userId: string,
    overCapacity?: boolean,
  ): Promise<'done' | 'failed' | 'over-capacity'>;
  loadDeadLetters(): Promise<void>;
  replay(messageId: string): Promise<void>;
};

export const createBoardSlice: Slice<BoardSlice> = (set, get) => ({
  queues: [],
  boardHistory: [],
  agents: [],
  waiting: [],
  deadLetters: [],
  transferTargets: { queues: [], agents: [] },
  teammatesLookedUp: [],

  async loadBoard() {
    try {
      const [queues, boardHistory, agents] = await Promise.all([
        boardService.queues(),
        boardService.history(),
        boardService.agents(),
      ]);
      set({ queues, boardHistory, agents });
      await get().refreshWaiting();
    } catch (error) {
      get().reportError(error);
    }
  },

  async loadTransferTargets() {
    try {
      set({ transferTargets: await boardService.transferTargets() });
    } catch (error) {
      get().reportError(error);
    }
  },

  lookUpTeammate(userId) {
    if (get().teammatesLookedUp.includes(userId)) return;
    set({ teammatesLookedUp: [...get().teammatesLookedUp, userId] });
    // A name is a nicety: offline, the header says "a teammate" rather than raising an error.
    boardService.transferTargets().then(
      (transferTargets) => set({ transferTargets }),
      () => undefined,
    );
  },

  applyBoard: (queues) => set({ queues }),

  async refreshWaiting() {
    const all = await conversationService.list({ view: 'all', sort: 'waiting' }).catch(() => null);
    if (all) set({ waiting: all.filter((c) => c.status === 'open' && c.routingState === 'waiting') });
  },

  async reassign(conversationId, userId, overCapacity = false) {
    const action = { type: 'assign' as const, userId, ...(overCapacity ? { overCapacity } : {}) };
    const outcome = await get().handOver(action, conversationId);
    if (outcome === 'done') void get().loadBoard();
    if (outcome === 'over-capacity') void get().loadTransferTargets();
    return outcome;
  },

  async loadDeadLetters() {
    try {
      set({ deadLetters: await boardService.deadLetters() });
    } catch (error) {
      get().reportError(error);
    }
  },

  async replay(messageId) {
    try {
      await boardService.replay(messageId);
      get().pushToast({ tone: 'info', title: i18n.t('toasts:replayed.title'), body: i18n.t('toasts:replayed.body') });
      await get().loadDeadLetters();
    } catch (error) {
      get().reportError(error);
    }
  },
});
