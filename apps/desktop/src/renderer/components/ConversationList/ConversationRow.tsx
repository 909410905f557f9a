import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../contract/inbox-api';
import { contactName, formatPhone } from '../../lib/format';
import { countdown, slaCountdown, useNow } from '../../lib/time';
import { useFormat } from '../../i18n/format';
import { useStore } from '../../store';
import { Icon } from '../common/Icon';
import { labelsThatFit } from './row-labels';

export const ROW_HEIGHT = 86;
const WINDOW_SOON_MS = 2 * 3600_000;

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
  const sla = slaCountdown(item, now);
  const window = item.windowExpiresAt ? countdown(item.windowExpiresAt, now, WINDOW_SOON_MS) : null;
  // The labels that fit are shown whole; the rest are counted ("+2") and named in the tooltip.
  const shown = labelsThatFit(item.labels, [sla, window].filter(Boolean).length);

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
        {item.labels.slice(0, shown).map((label) => (
          <span key={label} className="badge label" title={label}>
            {label}
          </span>
        ))}
        {item.labels.length > shown && (
          <span className="badge label more" title={item.labels.slice(shown).join(', ')}>
            +{item.labels.length - shown}
          </span>
        )}
      </div>
    </button>
  );
});
