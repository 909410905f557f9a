import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../contract/inbox-api';
import { contactName, formatPhone } from '../../lib/format';
import { countdown, useNow } from '../../lib/time';
import { useFormat } from '../../i18n/format';
import { useStore } from '../../store';
import { Icon } from '../common/Icon';

export const ROW_HEIGHT = 86;
const SLA_SOON_MS = 10 * 60_000;
const WINDOW_SOON_MS = 2 * 3600_000;
/** Labels a row has room for; the rest are counted ("+2") and named in the tooltip. */
const LABELS_SHOWN = 2;

/** Memoised on (item, selected, top): scrolling re-renders only the rows that come into view. */
export const ConversationRow = memo(function ConversationRow({
  item,
  selected,
  top,
}: {
  item: InboxItem;
  selected: boolean;
  top: number;
}) {
  const { t } = useTranslation(['list', 'common', 'contact']);
  const format = useFormat();
  const select = useStore((s) => s.select);
  const now = useNow();
  const name = contactName(item.contact);
  const sla = item.sla && item.status === 'open' ? countdown(item.sla.dueAt, now, SLA_SOON_MS) : null;
  const window = item.windowExpiresAt ? countdown(item.windowExpiresAt, now, WINDOW_SOON_MS) : null;

  return (
    <button
      className={`row ${selected ? 'selected' : ''} ${item.unreadCount > 0 ? 'unread' : ''}`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => select(item.id)}
      data-conversation-id={item.id}
      aria-current={selected}
    >
      <span className={`priority-bar ${item.priority}`} aria-hidden />
      <div className="row-top">
        <span className="row-name" title={formatPhone(item.contact.waId) ?? undefined}>
          {name}
        </span>
        {item.contact.tier === 'vip' && <span className="badge vip">{t('contact:vip')}</span>}
        {item.pendingReplies > 0 && (
          <span className="pending-marker" title={t('row.pending', { count: item.pendingReplies })}>
            <Icon name="hourglass" size={11} /> {format.number(item.pendingReplies)}
          </span>
        )}
        <span className="row-time" title={item.lastMessageAt ? format.fullDate(item.lastMessageAt) : undefined}>
          {item.lastMessageAt ? format.shortDate(item.lastMessageAt) : ''}
        </span>
      </div>
      <div className="row-middle">
        <span className="row-preview">{item.lastMessagePreview ?? t('row.noMessages')}</span>
        {item.unreadCount > 0 && <span className="unread-count">{format.number(item.unreadCount)}</span>}
      </div>
      <div className="row-bottom">
        <span className={`badge ${item.priority}`}>{t(`common:priority.${item.priority}`)}</span>
        {sla && (
          <span className={`meta tone-${sla.tone}`} title={t('row.slaHint')}>
            <Icon name="clock" size={12} />{' '}
            {sla.tone === 'late' ? t('row.overdue', { duration: format.duration(sla.ms) }) : format.duration(sla.ms)}
          </span>
        )}
        {window && (
          <span className={`meta tone-${window.tone === 'late' ? 'muted' : window.tone}`} title={t('row.windowHint')}>
            <Icon name={window.tone === 'late' ? 'lock' : 'chat'} size={12} />{' '}
            {window.tone === 'late' ? t('row.windowClosed') : format.duration(window.ms)}
          </span>
        )}
        {item.labels.slice(0, LABELS_SHOWN).map((label) => (
          <span key={label} className="badge label">
            {label}
          </span>
        ))}
        {item.labels.length > LABELS_SHOWN && (
          <span className="badge label more" title={item.labels.slice(LABELS_SHOWN).join(', ')}>
            +{item.labels.length - LABELS_SHOWN}
          </span>
        )}
      </div>
    </button>
  );
});
