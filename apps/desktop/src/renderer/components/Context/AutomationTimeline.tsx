import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import { Icon, type IconName } from '../common/Icon';
import { stepLines } from './timeline-details';

const ICON: Partial<Record<TimelineItem['kind'], IconName>> = {
  triaged: 'chat',
  prioritized: 'alert',
  queued: 'queue',
  assigned: 'user',
  waiting: 'hourglass',
  claimed: 'user',
  transferred: 'forward',
  requeued: 'queue',
  unassigned: 'user',
  'sla-warning': 'clock',
  'sla-breached': 'clock',
  escalated: 'alert',
  'bot-handoff': 'bot',
  'bot-step': 'bot',
  'bot-resumed': 'bot',
  resolved: 'check',
  reopened: 'inbox',
  snoozed: 'moon',
  unsnoozed: 'moon',
  woke: 'inbox',
  'labels-changed': 'file',
  'csat-asked': 'chat',
  'csat-skipped': 'moon',
  'csat-rated': 'star',
  'csat-commented': 'chat',
  'intent-corrected': 'chat',
  'out-of-hours-reply': 'moon',
  'out-of-hours-skipped': 'moon',
};

const tone = (kind: TimelineItem['kind']) =>
  kind === 'sla-breached' || kind === 'escalated' ? 'late' : kind === 'sla-warning' ? 'soon' : 'ok';

/**
 * Each step's kind is translated; its sentence follows, said from the phrase the server sent with it (names,
 * reasons and rules as written), unless the step's facts tell it all (see stepLines).
 */
export function AutomationTimeline() {
  const { t } = useTranslation('context');
  const format = useFormat();
  const timeline = useStore((s) => s.timeline);
  if (timeline.length === 0) return <div className="muted">{t('timeline.empty')}</div>;
  return (
    <ol className="timeline">
      {timeline.map((item) => (
        <li key={item.seq} className={`timeline-item tone-${tone(item.kind)}`}>
          <span className="timeline-icon" aria-hidden>
            <Icon name={ICON[item.kind] ?? 'check'} size={12} />
          </span>
          <div className="timeline-body">
            <div className="timeline-summary">{t(`timeline.kind.${item.kind}`)}</div>
            {stepLines(item, t, format).map((line) => (
              <div key={line} className="timeline-detail">
                {line}
              </div>
            ))}
            <div className="timeline-time" title={format.fullDate(item.at)}>
              {format.dateTime(item.at)}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
