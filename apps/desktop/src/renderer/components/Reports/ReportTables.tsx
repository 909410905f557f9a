import type { ReportDTO, ReportTable } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { ExportButton } from './ExportButton';
import { percent, score, seconds } from './report-format';

const SLA_NAMES = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' };

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
  const { delivery, handoffs, csat } = report;
  return (
    <div className="report-tables">
      <TablePanel title="SLA met" table="sla" head={['Target', 'Met', 'Breached', 'Met %']}>
        {report.sla.map((row) => (
          <tr key={row.kind} data-kind={row.kind}>
            <td>{SLA_NAMES[row.kind]}</td>
            <td>{row.met}</td>
            <td>{row.breached}</td>
            <td>{percent(f, row.metRatio)}</td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel title="Delivery of outbound messages" table="delivery" head={['Sent', 'Delivered', 'Read']}>
        <tr>
          <td>{delivery.outbound}</td>
          <td>
            {delivery.delivered} <span className="muted">({percent(f, delivery.deliveredRatio)})</span>
          </td>
          <td>
            {delivery.read} <span className="muted">({percent(f, delivery.readRatio)})</span>
          </td>
        </tr>
      </TablePanel>
      <TablePanel
        title="Agents"
        table="agents"
        head={['Agent', 'Handled', 'Resolved', 'Avg handle', 'First response (median)', 'Online', 'CSAT']}
      >
        {report.agents.length === 0 && <Empty columns={7} text="No agent handled a conversation in this range." />}
        {report.agents.map((a) => (
          <tr key={a.agentId} data-agent={a.name}>
            <td>{a.name}</td>
            <td>{a.handled}</td>
            <td>{a.resolved}</td>
            <td>{seconds(f, a.averageHandleSeconds)}</td>
            <td>{seconds(f, a.firstResponseMedianSeconds)}</td>
            <td>{seconds(f, a.onlineSeconds)}</td>
            <td>{a.csatResponses > 0 ? `${score(a.csatAverage)} (${a.csatResponses})` : '–'}</td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel title={`Bot handoffs (${handoffs.total})`} table="handoffs" head={['Reason', 'Handoffs']}>
        {handoffs.reasons.length === 0 && <Empty columns={2} text="No bot handed a conversation over." />}
        {handoffs.reasons.map((r) => (
          <tr key={r.reason}>
            <td>{r.reason}</td>
            <td>{r.count}</td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel title="CSAT comments" table="csat" head={['When', 'Rating', 'Comment']}>
        {csat.comments.length === 0 && <Empty columns={3} text="No comments in this range." />}
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
