import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@switchboard/shared';
import { useStore } from '../../store';
import type { SearchFilters } from '../../store/slices/search';
import { useFormat } from '../../i18n/format';
import { failureText } from '../../i18n/errors';
import './Search.css';

/** Wait this long after the last key before asking, so typing a word is one search, not one per letter. */
const TYPING_PAUSE_MS = 250;

/** Search across history: messages, contacts and labels, with filters; a result opens its thread at the message. */
export function SearchScreen() {
  const { t } = useTranslation('search');
  const result = useStore((s) => s.searchResult);
  const error = useStore((s) => s.searchError);
  const searching = useStore((s) => s.searching);
  const runSearch = useStore((s) => s.runSearch);
  const loadMore = useStore((s) => s.loadMoreResults);
  const [text, setText] = useState(useStore.getState().searchText);
  const [filters, setFilters] = useState<SearchFilters>(useStore.getState().searchFilters);
  const input = useRef<HTMLInputElement>(null);
  // Every queue and teammate by name: the same list the transfer dialog offers, which agents may read too.
  const targets = useStore((s) => s.transferTargets);
  const loadTargets = useStore((s) => s.loadTransferTargets);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => void loadTargets(), [loadTargets]);
  useEffect(() => {
    const timer = setTimeout(() => void runSearch(text, filters), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, runSearch]);

  const setFilter = (patch: Partial<SearchFilters>) =>
    setFilters((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v)) as SearchFilters);

  return (
    <section className="search-screen" aria-label={t('label')}>
      <header className="search-header">
        <input
          ref={input}
          className="search-input"
          type="search"
          placeholder={t('placeholder')}
          aria-label={t('input')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="search-filters">
          <select
            aria-label={t('status')}
            value={filters.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || undefined) as SearchFilters['status'] })}
          >
            <option value="">{t('anyStatus')}</option>
            <option value="open">{t('statusValue.open')}</option>
            <option value="resolved">{t('statusValue.resolved')}</option>
          </select>
          <select
            aria-label={t('queue')}
            value={filters.queueId ?? ''}
            onChange={(e) => setFilter({ queueId: e.target.value || undefined })}
          >
            <option value="">{t('anyQueue')}</option>
            {targets.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
          <select
            aria-label={t('assignee')}
            value={filters.assigneeId ?? ''}
            onChange={(e) => setFilter({ assigneeId: e.target.value || undefined })}
          >
            <option value="">{t('anyAssignee')}</option>
            <option value="none">{t('unassigned')}</option>
            {targets.agents.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </select>
          <input
            aria-label={t('labelFilter')}
            placeholder={t('labelFilter')}
            value={filters.label ?? ''}
            onChange={(e) => setFilter({ label: e.target.value.trim() || undefined })}
          />
          <input
            aria-label={t('from')}
            type="date"
            value={filters.from?.slice(0, 10) ?? ''}
            onChange={(e) => setFilter({ from: e.target.value ? `${e.target.value}T00:00:00Z` : undefined })}
          />
          <input
            aria-label={t('to')}
            type="date"
            value={filters.to?.slice(0, 10) ?? ''}
            onChange={(e) => setFilter({ to: e.target.value ? `${e.target.value}T23:59:59Z` : undefined })}
          />
        </div>
      </header>
      {result?.source === 'device' && (
        <div className="search-offline" role="status">
          {t('offline')}
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
          {t('more')}
        </button>
      )}
    </section>
  );
}

function SearchResults({ hits, searching }: { hits: SearchHit[] | null; searching: boolean }) {
  const { t } = useTranslation('search');
  const format = useFormat();
  const openHit = useStore((s) => s.openHit);
  if (hits === null) return <div className="empty-state">{t('hint')}</div>;
  if (hits.length === 0) return <div className="empty-state">{searching ? t('searching') : t('nothing')}</div>;
  return (
    <ul className="search-results" aria-label={t('results')}>
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.messageId ?? hit.conversationId}:${hit.field}`}>
          <button className="search-hit" onClick={() => openHit(hit)}>
            <div className="search-hit-top">
              <span className={`search-kind kind-${hit.kind}`}>{t(`kind.${hit.kind}`)}</span>
              <span className="search-contact">{hit.contact.name ?? hit.contact.waId ?? t('unknown')}</span>
              <span className="search-status">{t(`statusValue.${hit.conversation.status}`)}</span>
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
