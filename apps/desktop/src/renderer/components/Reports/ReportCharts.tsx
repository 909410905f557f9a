import { useTranslation } from 'react-i18next';
import type { ReportDTO, ReportTable } from '@switchboard/shared';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../i18n/format';
import { ExportButton } from './ExportButton';
import { hourLabel } from './report-format';

/** The app's palette (base.css), so the charts read as part of the inbox. */
const COLOR = { accent: '#4f5bd5', ok: '#1f9d61', warn: '#c77d0a', muted: '#8a92a3', grid: '#e3e6eb' };
const AXIS = { fontSize: 11, fill: COLOR.muted };
const HEIGHT = 220;

function ChartPanel(props: { title: string; table: ReportTable; children: React.ReactElement }) {
  return (
    <section className="panel report-chart" aria-label={props.title}>
      <header>
        <h3>{props.title}</h3>
        <ExportButton table={props.table} />
      </header>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        {props.children}
      </ResponsiveContainer>
    </section>
  );
}

export function ReportCharts({ report }: { report: ReportDTO }) {
  const f = useFormat();
  const { t } = useTranslation('reports', { keyPrefix: 'charts' });
  const byHour = report.volumeByHour.map((h) => ({ ...h, label: hourLabel(h.hour) }));
  const backlog = report.backlog.map((p) => ({
    ...p,
    label: f.dateTime(p.at),
    oldestWaitMinutes: p.oldestWaitSeconds === null ? 0 : Math.round(p.oldestWaitSeconds / 6) / 10,
  }));
  const csat = report.csat.distribution.map((d) => ({ ...d, label: `${d.score}★` }));
  return (
    <div className="report-charts">
      <ChartPanel title={t('volumeByDay')} table="volume">
        <BarChart data={report.volume} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={COLOR.grid} vertical={false} />
          <XAxis dataKey="day" tick={AXIS} tickFormatter={f.dayMonth} />
          <YAxis allowDecimals={false} tick={AXIS} />
          <Tooltip labelFormatter={(day) => f.day(String(day))} />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="opened" name={t('opened')} fill={COLOR.accent} radius={[3, 3, 0, 0]} />
          <Bar dataKey="resolved" name={t('resolved')} fill={COLOR.ok} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartPanel>
      <ChartPanel title={t('volumeByHour')} table="volume-by-hour">
        <BarChart data={byHour} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={COLOR.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS} interval={2} />
          <YAxis allowDecimals={false} tick={AXIS} />
          <Tooltip />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="opened" name={t('conversationsOpened')} fill={COLOR.accent} radius={[3, 3, 0, 0]} />
          <Bar dataKey="messagesIn" name={t('messagesIn')} fill={COLOR.muted} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartPanel>
      <ChartPanel title={t('backlog')} table="backlog">
        <LineChart data={backlog} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={COLOR.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS} minTickGap={24} />
          <YAxis yAxisId="count" allowDecimals={false} tick={AXIS} />
          <YAxis yAxisId="minutes" orientation="right" tick={AXIS} />
          <Tooltip />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="count" dataKey="open" name={t('open')} stroke={COLOR.accent} dot={false} strokeWidth={2} />
          <Line yAxisId="count" dataKey="waiting" name={t('waiting')} stroke={COLOR.warn} dot={false} strokeWidth={2} />
          <Line
            yAxisId="minutes"
            dataKey="oldestWaitMinutes"
            name={t('oldestWait')}
            stroke={COLOR.muted}
            strokeDasharray="4 3"
            dot={false}
          />
        </LineChart>
      </ChartPanel>
      <ChartPanel title={t('csat')} table="csat">
        <BarChart data={csat} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid stroke={COLOR.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS} />
          <YAxis allowDecimals={false} tick={AXIS} />
          <Tooltip />
          <Bar dataKey="count" name={t('responses')} fill={COLOR.ok} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartPanel>
    </div>
  );
}
