import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { InboxSort } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { OfflineBanner } from '../Shell/OfflineBanner';
import { useFormat } from '../../i18n/format';
import { failureText } from '../../i18n/errors';
import './ConversationList.css';

const SORTS: InboxSort[] = ['priority', 'sla', 'window', 'recent', 'waiting'];

export function ConversationList() {
  const { t } = useTranslation('list');
  const format = useFormat();
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
    <section className="list-pane" aria-label={t('label')}>
      <OfflineBanner />
      <header className="list-header">
        <div className="list-title">
          <h2>{t(`title.${view}`)}</h2>
          <span className="count">{format.number(items.length)}</span>
        </div>
        <SearchBox />
        <label className="sort">
          <span className="muted">{t('sort')}</span>
          <select
            className="select small"
            aria-label={t('sortLabel')}
            value={sort}
            onChange={(e) => setSort(e.target.value as InboxSort)}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="list-scroll" ref={scrollRef} data-testid="conversation-list">
        {listError && (
          <div className="list-error" role="alert">
            {failureText(listError)}
            <div className="error-detail">{listError.message}</div>
          </div>
        )}
        {listLoaded && items.length === 0 && !listError && (
          <div className="empty-state">
            <strong>{t('empty.title')}</strong>
            <span>{t('empty.body')}</span>
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
  const { t } = useTranslation('list');
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
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && (e.currentTarget.blur(), setText(''))}
    />
  );
}
