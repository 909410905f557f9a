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
  return (
    <main className="reports" aria-label="Reports" aria-busy={loading}>
      <header className="board-header reports-header">
        <h2>Reports</h2>
        <ReportFilters />
      </header>
      <div className="reports-body">
        {error && (
          <div className="report-error" role="alert">
            {error}
          </div>
        )}
        {!report && !error && <div className="empty-state">Loading the report…</div>}
        {report && (
          <>
            <Summary report={report} />
            <ReportCharts report={report} />
            <ReportTables report={report} />
            <p className="muted report-note">Days are counted in {report.range.timezone}.</p>
          </>
        )}
      </div>
    </main>
  );
}

function Figure(props: { label: string; value: string; detail?: string }) {
  return (
    <div className="stat report-figure" data-figure={props.label}>
      <div className="stat-value">{props.value}</div>
      <div className="stat-label">{props.label}</div>
      {props.detail && <div className="figure-detail">{props.detail}</div>}
    </div>
  );
}

function Summary({ report }: { report: ReportDTO }) {
  const f = useFormat();
  const { totals, firstResponse, resolution, csat, delivery, handoffs } = report;
  return (
    <section className="panel report-summary" aria-label="Summary">
      <header>
        <h3>Summary</h3>
        <ExportButton table="summary" />
      </header>
      <div className="report-figures">
        <Figure label="Opened" value={String(totals.opened)} detail={`${totals.messagesIn} messages in`} />
        <Figure label="Resolved" value={String(totals.resolved)} detail={`${totals.messagesOut} messages out`} />
        <Figure
          label="First response (median)"
          value={seconds(f, firstResponse.median)}
          detail={`p90 ${seconds(f, firstResponse.p90)}`}
        />
        <Figure
          label="Resolution (median)"
          value={seconds(f, resolution.median)}
          detail={`p90 ${seconds(f, resolution.p90)}`}
        />
        <Figure label="Reopen rate" value={percent(f, totals.reopenRate)} detail={`${totals.reopened} reopened`} />
        <Figure label="Bot handoffs" value={String(handoffs.total)} />
        <Figure
          label="Delivered"
          value={percent(f, delivery.deliveredRatio)}
          detail={`read ${percent(f, delivery.readRatio)}`}
        />
        <Figure
          label="CSAT"
          value={score(csat.average)}
          detail={`${csat.responses} of ${csat.asked} answered · ${percent(f, csat.satisfiedRatio)} top score`}
        />
      </div>
    </section>
  );
}
