import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '@switchboard/shared';
import { useStore } from '../../store';
import type { SearchFilters } from '../../store/slices/search';
import { useFormat } from '../../i18n/format';
import { failureText } from '../../i18n/errors';
import './Search.css';

const KIND_LABEL: Record<SearchHit['kind'], string> = { message: 'Message', contact: 'Contact', label: 'Label' };
/** Wait this long after the last key before asking, so typing a word is one search, not one per letter. */
const TYPING_PAUSE_MS = 250;

/** Search across history: messages, contacts and labels, with filters; a result opens its thread at the message. */
export function SearchScreen() {
  const result = useStore((s) => s.searchResult);
  const error = useStore((s) => s.searchError);
  const searching = useStore((s) => s.searching);
  const runSearch = useStore((s) => s.runSearch);
  const loadMore = useStore((s) => s.loadMoreResults);
  const [text, setText] = useState(useStore.getState().searchText);
  const [filters, setFilters] = useState<SearchFilters>(useStore.getState().searchFilters);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const timer = setTimeout(() => void runSearch(text, filters), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, runSearch]);

  const setFilter = (patch: Partial<SearchFilters>) =>
    setFilters((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v)) as SearchFilters);

  return (
    <section className="search-screen" aria-label="Search">
      <header className="search-header">
        <input
          ref={input}
          className="search-input"
          type="search"
          placeholder="Search messages, contacts and labels"
          aria-label="Search all history"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="search-filters">
          <select
            aria-label="Status"
            value={filters.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || undefined) as SearchFilters['status'] })}
          >
            <option value="">Any status</option>
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
          </select>
          <input
            aria-label="Label"
            placeholder="Label"
            value={filters.label ?? ''}
            onChange={(e) => setFilter({ label: e.target.value.trim() || undefined })}
          />
          <input
            aria-label="From"
            type="date"
            value={filters.from?.slice(0, 10) ?? ''}
            onChange={(e) => setFilter({ from: e.target.value ? `${e.target.value}T00:00:00Z` : undefined })}
          />
          <input
            aria-label="To"
            type="date"
            value={filters.to?.slice(0, 10) ?? ''}
            onChange={(e) => setFilter({ to: e.target.value ? `${e.target.value}T23:59:59Z` : undefined })}
          />
        </div>
      </header>
      {result?.source === 'device' && (
        <div className="search-offline" role="status">
          Offline: searching only what this device has stored. Results may be incomplete.
        </div>
      )}
      {error && (
        <div className="search-error" role="alert">
          {failureText(error)}
        </div>
      )}
      <SearchResults hits={result?.hits ?? null} searching={searching} />
      {result?.nextCursor && (
        <button className="btn ghost search-more" onClick={() => void loadMore()}>
          Show older results
        </button>
      )}
    </section>
  );
}

function SearchResults({ hits, searching }: { hits: SearchHit[] | null; searching: boolean }) {
  const format = useFormat();
  const openHit = useStore((s) => s.openHit);
  if (hits === null) return <div className="empty-state">Type at least 2 characters to search all conversations.</div>;
  if (hits.length === 0) return <div className="empty-state">{searching ? 'Searching…' : 'Nothing found.'}</div>;
  return (
    <ul className="search-results" aria-label="Search results">
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.messageId ?? hit.conversationId}:${hit.field}`}>
          <button className="search-hit" onClick={() => openHit(hit)}>
            <div className="search-hit-top">
              <span className={`search-kind kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
              <span className="search-contact">{hit.contact.name ?? hit.contact.waId ?? 'Unknown'}</span>
              <span className="search-status">{hit.conversation.status}</span>
              <time>{format.dateTime(hit.at)}</time>
            </div>
            <div className="search-snippet">
              {hit.snippet.map((part, i) =>
                part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </div>
          </button>
        </li>
      ))}
    </ul>
  );
}
