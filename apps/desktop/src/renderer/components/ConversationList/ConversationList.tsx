import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { InboxSort } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { OfflineBanner } from '../Shell/OfflineBanner';
import './ConversationList.css';

const SORTS: { sort: InboxSort; label: string }[] = [
  { sort: 'priority', label: 'Priority' },
  { sort: 'sla', label: 'SLA due' },
  { sort: 'window', label: 'Window closing' },
  { sort: 'recent', label: 'Most recent' },
  { sort: 'waiting', label: 'Longest waiting' },
];

const VIEW_TITLE = {
  mine: 'Mine',
  queues: 'Queues',
  all: 'All conversations',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
} as const;

export function ConversationList() {
  const items = useStore((s) => s.items);
  const view = useStore((s) => s.view);
  const sort = useStore((s) => s.sort);
  const setSort = useStore((s) => s.setSort);
  const listLoaded = useStore((s) => s.listLoaded);
  const listError = useStore((s) => s.listError);
  const selectedId = useStore((s) => s.selectedId);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => items[index]!.id,
  });

  // Keep the selected row in sight when j/k moves past the edge.
  useEffect(() => {
    const at = items.findIndex((c) => c.id === selectedId);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [selectedId]);

  return (
    <section className="list-pane" aria-label="Conversations">
      <OfflineBanner />
      <header className="list-header">
        <div className="list-title">
          <h2>{VIEW_TITLE[view]}</h2>
          <span className="count">{items.length.toLocaleString()}</span>
        </div>
        <SearchBox />
        <label className="sort">
          <span className="muted">Sort</span>
          <select
            className="select small"
            aria-label="Sort conversations"
            value={sort}
            onChange={(e) => setSort(e.target.value as InboxSort)}
          >
            {SORTS.map((s) => (
              <option key={s.sort} value={s.sort}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="list-scroll" ref={scrollRef} data-testid="conversation-list">
        {listError && <div className="list-error">{listError}</div>}
        {listLoaded && items.length === 0 && !listError && (
          <div className="empty-state">
            <strong>Nothing here</strong>
            <span>New conversations appear the moment a customer writes.</span>
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <ConversationRow
              key={row.key}
              item={items[row.index]!}
              selected={items[row.index]!.id === selectedId}
              top={row.start}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

/** Typing refreshes the list after a short pause, not on every key. */
function SearchBox() {
  const search = useStore((s) => s.search);
  const setSearch = useStore((s) => s.setSearch);
  const focusRequest = useStore((s) => s.focusRequest);
  const [text, setText] = useState(search);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => setSearch(text), 180);
    return () => clearTimeout(timer);
  }, [text, search, setSearch]);

  useEffect(() => {
    if (focusRequest.target === 'search' && focusRequest.n > 0) input.current?.focus();
  }, [focusRequest]);

  return (
    <input
      ref={input}
      className="input search"
      type="search"
      placeholder="Search name, number, message…   /"
      aria-label="Search conversations"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && (e.currentTarget.blur(), setText(''))}
    />
  );
}
