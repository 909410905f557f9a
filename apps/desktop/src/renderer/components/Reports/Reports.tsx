import { useTranslation } from 'react-i18next';
import type { ReportDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import { ExportButton } from './ExportButton';
import { ReportCharts } from './ReportCharts';
import { ReportFilters } from './ReportFilters';
import { ReportTables } from './ReportTables';
import { percent, score, seconds } from './report-format';
import './Reports.css';

/** How the team did over a range of days: supervisors' and admins' reports, from the server's rollups. */
export function Reports() {
  const report = useStore((s) => s.report);
  const loading = useStore((s) => s.reportLoading);
  const error = useStore((s) => s.reportProblem);
  const { t } = useTranslation('reports');
  return (
    <main className="reports" aria-label={t('title')} aria-busy={loading}>
      <header className="board-header reports-header">
        <h2>{t('title')}</h2>
        <ReportFilters />
      </header>
      <div className="reports-body">
        {error && (
          <div className="report-error" role="alert">
            {error}
          </div>
        )}
        {!report && !error && <div className="empty-state">{t('loading')}</div>}
        {report && (
          <>
            <Summary report={report} />
            <ReportCharts report={report} />
            <ReportTables report={report} />
            <p className="muted report-note">{t('timezone', { timezone: report.range.timezone })}</p>
          </>
        )}
      </div>
    </main>
  );
}

function Figure(props: { id: string; label: string; value: string; detail?: string }) {
  return (
    <div className="stat report-figure" data-figure={props.id}>
      <div className="stat-value">{props.value}</div>
      <div className="stat-label">{props.label}</div>
      {props.detail && <div className="figure-detail">{props.detail}</div>}
    </div>
  );
}

function Summary({ report }: { report: ReportDTO }) {
  const f = useFormat();
  const { t } = useTranslation('reports', { keyPrefix: 'summary' });
  const { totals, firstResponse, resolution, csat, delivery, handoffs } = report;
  return (
    <section className="panel report-summary" aria-label={t('title')}>
      <header>
        <h3>{t('title')}</h3>
        <ExportButton table="summary" />
      </header>
      <div className="report-figures">
        <Figure
          id="opened"
          label={t('opened')}
          value={f.number(totals.opened)}
          detail={t('messagesIn', { count: totals.messagesIn })}
        />
        <Figure
          id="resolved"
          label={t('resolved')}
          value={f.number(totals.resolved)}
          detail={t('messagesOut', { count: totals.messagesOut })}
        />
        <Figure
          id="firstResponse"
          label={t('firstResponse')}
          value={seconds(f, firstResponse.median)}
          detail={t('p90', { value: seconds(f, firstResponse.p90) })}
        />
        <Figure
          id="resolution"
          label={t('resolution')}
          value={seconds(f, resolution.median)}
          detail={t('p90', { value: seconds(f, resolution.p90) })}
        />
        <Figure
          id="reopenRate"
          label={t('reopenRate')}
          value={percent(f, totals.reopenRate)}
          detail={t('reopened', { count: totals.reopened })}
        />
        <Figure id="handoffs" label={t('handoffs')} value={f.number(handoffs.total)} />
        <Figure
          id="delivered"
          label={t('delivered')}
          value={percent(f, delivery.deliveredRatio)}
          detail={t('read', { percent: percent(f, delivery.readRatio) })}
        />
        <Figure
          id="csat"
          label={t('csat')}
          value={score(f, csat.average)}
          detail={t('csatDetail', {
            responses: f.number(csat.responses),
            asked: f.number(csat.asked),
            percent: percent(f, csat.satisfiedRatio),
          })}
        />
      </div>
    </section>
  );
}
