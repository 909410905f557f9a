import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentLoadDTO, QueueStateDTO } from '@switchboard/shared';
import type { BoardSample } from '../../../contract/inbox-api';
import { useStore } from '../../store';
import { useNow } from '../../lib/time';
import { useFormat, type Formatters } from '../../i18n/format';
import { Reassign } from './Reassign';
import { Sparkline } from './Sparkline';
import './Board.css';

const HISTORY_REFRESH_MS = 60_000;

function samplesOf(history: BoardSample[], queueId: string) {
  const mine = history.filter((s) => s.queueId === queueId).sort((a, b) => a.at.localeCompare(b.at));
  return { waiting: mine.map((s) => s.waiting), breached: mine.map((s) => s.slaBreached + s.slaAtRisk) };
}

/** Every agent once, even when they serve several queues. */
function uniqueAgents(queues: QueueStateDTO[]): AgentLoadDTO[] {
  const byId = new Map<string, AgentLoadDTO>();
  for (const q of queues) for (const a of q.agents) byId.set(a.userId, a);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function Board() {
  const { t } = useTranslation('board');
  const format = useFormat();
  const queues = useStore((s) => s.queues);
  const history = useStore((s) => s.boardHistory);
  const loadBoard = useStore((s) => s.loadBoard);
  const now = useNow();
  const agents = useMemo(() => uniqueAgents(queues), [queues]);

  useEffect(() => {
    const timer = setInterval(() => void loadBoard(), HISTORY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadBoard]);

  const totals = queues.reduce(
    (t, q) => ({ waiting: t.waiting + q.waiting, risk: t.risk + q.slaAtRisk, breached: t.breached + q.slaBreached }),
    { waiting: 0, risk: 0, breached: 0 },
  );

  return (
    <main className="board" aria-label={t('label')}>
      <header className="board-header">
        <h2>{t('title')}</h2>
        <div className="board-totals">
          <Stat format={format} label={t('totals.waiting')} value={totals.waiting} />
          <Stat
            format={format}
            label={t('totals.atRisk')}
            value={totals.risk}
            tone={totals.risk > 0 ? 'warn' : undefined}
          />
          <Stat
            format={format}
            label={t('totals.breached')}
            value={totals.breached}
            tone={totals.breached > 0 ? 'danger' : undefined}
          />
          <Stat format={format} label={t('totals.online')} value={agents.filter((a) => a.status === 'online').length} />
        </div>
      </header>
      <div className="board-body">
        <section className="queues">
          {queues.length === 0 && <div className="empty-state">{t('noQueues')}</div>}
          {queues.map((q) => {
            const samples = samplesOf(history, q.queue.id);
            return (
              <article key={q.queue.id} className="queue-card" data-queue={q.queue.name}>
                <header>
                  <h3>{q.queue.name}</h3>
                  <span className="badge">{q.queue.mode === 'auto' ? t('mode.auto') : t('mode.manual')}</span>
                </header>
                <div className="queue-stats">
                  <div>
                    <div className="big">{format.number(q.waiting)}</div>
                    <div className="muted">{t('queue.waiting')}</div>
                  </div>
                  <div>
                    <div className="big">
                      {q.oldestWaitingSince ? format.duration(now - Date.parse(q.oldestWaitingSince)) : '–'}
                    </div>
                    <div className="muted">{t('queue.oldest')}</div>
                  </div>
                  <div>
                    <div className={`big ${q.slaAtRisk > 0 ? 'tone-soon' : ''}`}>{format.number(q.slaAtRisk)}</div>
                    <div className="muted">{t('queue.atRisk')}</div>
                  </div>
                  <div>
                    <div className={`big ${q.slaBreached > 0 ? 'tone-late' : ''}`}>{format.number(q.slaBreached)}</div>
                    <div className="muted">{t('queue.breached')}</div>
                  </div>
                </div>
                <div className="queue-charts">
                  <div>
                    <div className="muted">{t('chart.waiting')}</div>
                    <Sparkline values={samples.waiting} label={t('chart.waitingLabel', { queue: q.queue.name })} />
                  </div>
                  <div>
                    <div className="muted">{t('chart.trouble')}</div>
                    <Sparkline
                      values={samples.breached}
                      tone="danger"
                      label={t('chart.troubleLabel', { queue: q.queue.name })}
                    />
                  </div>
                </div>
              </article>
            );
          })}
        </section>
        <aside className="board-side">
          <section className="panel">
            <h3 className="section-title">{t('agents.title')}</h3>
            <ul className="agents">
              {agents.map((a) => (
                <li key={a.userId}>
                  <span className={`dot ${a.status}`} />
                  <span className="agent-row-name">{a.name}</span>
                  <span className="load" title={t('agents.loadHint')}>
                    <span className="load-bar">
                      <span style={{ width: `${a.capacity ? Math.min(100, (a.load / a.capacity) * 100) : 0}%` }} />
                    </span>
                    {a.load}/{a.capacity}
                  </span>
                </li>
              ))}
              {agents.length === 0 && <li className="muted">{t('agents.none')}</li>}
            </ul>
          </section>
          <Reassign />
        </aside>
      </div>
    </main>
  );
}

type StatProps = { format: Formatters; label: string; value: number; tone?: 'warn' | 'danger' | undefined };

function Stat({ format, label, value, tone }: StatProps) {
  return (
    <div className={`stat ${tone ?? ''}`}>
      <div className="stat-value">{format.number(value)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
