import type { Failure } from '../../i18n/errors';
import type { ConversationStatus, SearchHit, SearchResult } from '@switchboard/shared';
import { conversationService } from '../../services/conversation.service';
import { describeError, type Slice } from '../types';

export type SearchFilters = {
  status?: ConversationStatus;
  queueId?: string;
  /** A teammate's id, or `none` for conversations nobody holds. */
  assigneeId?: string;
  label?: string;
  from?: string;
  to?: string;
};

export type SearchSlice = {
  searchText: string;
  searchFilters: SearchFilters;
  searchResult: SearchResult | null;
  searchError: Failure | null;
  searching: boolean;
  /** The message a search result opened: the thread scrolls to it and marks it until another is opened. */
  foundMessageId: string | null;
  runSearch(text: string, filters: SearchFilters): Promise<void>;
  loadMoreResults(): Promise<void>;
  openHit(hit: SearchHit): void;
};

let searchRequest = 0;

export const createSearchSlice: Slice<SearchSlice> = (set, get) => ({
  searchText: '',
  searchFilters: {},
  searchResult: null,
  searchError: null,
  searching: false,
  foundMessageId: null,

  async runSearch(text, filters) {
    const mine = ++searchRequest;
    set({ searchText: text, searchFilters: filters });
    if (text.trim().length < 2) {
      set({ searchResult: null, searchError: null, searching: false });
      return;
    }
    set({ searching: true });
    try {
      const result = await conversationService.search({ q: text, ...filters });
      // An answer to an older query (typed over since) must not replace a newer one.
      if (mine === searchRequest) set({ searchResult: result, searchError: null, searching: false });
    } catch (error) {
      if (mine === searchRequest) set({ searchError: describeError(error), searching: false });
    }
  },

  async loadMoreResults() {
    const { searchResult, searchText, searchFilters } = get();
    if (!searchResult?.nextCursor) return;
    const mine = searchRequest;
    try {
      const more = await conversationService.search({
        q: searchText,
        ...searchFilters,
        cursor: searchResult.nextCursor,
      });
      if (mine === searchRequest) set({ searchResult: { ...more, hits: [...searchResult.hits, ...more.hits] } });
    } catch (error) {
      set({ searchError: describeError(error) });
    }
  },

  openHit(hit) {
    set({ foundMessageId: hit.messageId });
    // The list beside the thread shows the conversation too: 'All' when the current view does not hold it.
    if (!get().items.some((item) => item.id === hit.conversationId)) get().setView('all');
    get().select(hit.conversationId);
    set({ screen: 'inbox' });
  },
});
