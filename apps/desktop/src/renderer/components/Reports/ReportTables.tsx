import { useTranslation } from 'react-i18next';
import type { ReportDTO, ReportTable } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { ExportButton } from './ExportButton';
import { percent, score, seconds } from './report-format';

function TablePanel(props: { title: string; table: ReportTable; head: string[]; children: React.ReactNode }) {
  return (
    <section className="panel report-table" aria-label={props.title} data-table={props.table}>
      <header>
        <h3>{props.title}</h3>
        <ExportButton table={props.table} />
      </header>
      <table>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

const Empty = ({ columns, text }: { columns: number; text: string }) => (
  <tr>
    <td colSpan={columns} className="muted">
      {text}
    </td>
  </tr>
);

export function ReportTables({ report }: { report: ReportDTO }) {
  const f = useFormat();
  const { t } = useTranslation(['reports', 'common']);
  const { delivery, handoffs, csat } = report;
  return (
    <div className="report-tables">
      <TablePanel
        title={t('tables.sla')}
        table="sla"
        head={[t('tables.target'), t('tables.met'), t('tables.breached'), t('tables.metPercent')]}
      >
        {report.sla.map((row) => (
          <tr key={row.kind} data-kind={row.kind}>
            <td>{t(`common:slaKind.${row.kind}`)}</td>
            <td>{f.number(row.met)}</td>
            <td>{f.number(row.breached)}</td>
            <td>{percent(f, row.metRatio)}</td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel
        title={t('tables.delivery')}
        table="delivery"
        head={[t('tables.sent'), t('tables.delivered'), t('tables.read')]}
      >
        <tr>
          <td>{f.number(delivery.outbound)}</td>
          <td>
            {f.number(delivery.delivered)} <span className="muted">({percent(f, delivery.deliveredRatio)})</span>
          </td>
          <td>
            {f.number(delivery.read)} <span className="muted">({percent(f, delivery.readRatio)})</span>
          </td>
        </tr>
      </TablePanel>
      <TablePanel
        title={t('tables.agents')}
        table="agents"
        head={[
          t('tables.agent'),
          t('tables.handled'),
          t('tables.resolved'),
          t('tables.avgHandle'),
          t('tables.firstResponse'),
          t('tables.online'),
          t('tables.csat'),
        ]}
      >
        {report.agents.length === 0 && <Empty columns={7} text={t('tables.noAgents')} />}
        {report.agents.map((a) => (
          <tr key={a.agentId} data-agent={a.name}>
            <td>{a.name}</td>
            <td>{f.number(a.handled)}</td>
            <td>{f.number(a.resolved)}</td>
            <td>{seconds(f, a.averageHandleSeconds)}</td>
            <td>{seconds(f, a.firstResponseMedianSeconds)}</td>
            <td>{seconds(f, a.onlineSeconds)}</td>
            <td>
              {a.csatResponses > 0 ? `${score(f, a.csatAverage)} (${f.number(a.csatResponses)})` : score(f, null)}
            </td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel
        title={t('tables.handoffs', { count: handoffs.total })}
        table="handoffs"
        head={[t('tables.reason'), t('tables.handoffCount')]}
      >
        {handoffs.reasons.length === 0 && <Empty columns={2} text={t('tables.noHandoffs')} />}
        {handoffs.reasons.map((r) => (
          <tr key={r.reason}>
            <td>{r.reason}</td>
            <td>{f.number(r.count)}</td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel
        title={t('tables.comments')}
        table="csat"
        head={[t('tables.when'), t('tables.rating'), t('tables.comment')]}
      >
        {csat.comments.length === 0 && <Empty columns={3} text={t('tables.noComments')} />}
        {csat.comments.map((c) => (
          <tr key={`${c.conversationId}-${c.at}`}>
            <td>{f.shortDate(c.at)}</td>
            <td>{c.score}★</td>
            <td>{c.comment}</td>
          </tr>
        ))}
      </TablePanel>
    </div>
  );
}
