import type { TimelineItem } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { clockTime } from '../../lib/time';
import { Icon, type IconName } from '../common/Icon';

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
  'intent-corrected': 'chat',
};

const tone = (kind: TimelineItem['kind']) =>
  kind === 'sla-breached' || kind === 'escalated' ? 'late' : kind === 'sla-warning' ? 'soon' : 'ok';

/** Facts worth a glance (matched rules, candidates...), one short line each; raw ids mean nothing to a person. */
function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && typeof v !== 'object' && !/Id$/.test(k))
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`);
}

export function AutomationTimeline() {
  const timeline = useStore((s) => s.timeline);
  if (timeline.length === 0) return <div className="muted">Nothing automated yet.</div>;
  return (
    <ol className="timeline">
      {timeline.map((item) => (
        <li key={item.seq} className={`timeline-item tone-${tone(item.kind)}`}>
          <span className="timeline-icon" aria-hidden>
            <Icon name={ICON[item.kind] ?? 'check'} size={12} />
          </span>
          <div className="timeline-body">
            <div className="timeline-summary">{item.summary}</div>
            {detailLines(item.details).map((line) => (
              <div key={line} className="timeline-detail">
                {line}
              </div>
            ))}
            <div className="timeline-time">{clockTime(item.at)}</div>
          </div>
        </li>
      ))}
    </ol>
  );
}
