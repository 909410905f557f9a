import { useMemo } from 'react';
import { Language, type ReportQuery } from '@switchboard/shared';
import { useStore } from '../../store';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish', pt: 'Portuguese' };

/** The report's date range and filters; every change asks for the report again. */
export function ReportFilters() {
  const query = useStore((s) => s.reportQuery);
  const setQuery = useStore((s) => s.setReportQuery);
  const queues = useStore((s) => s.queues);
  const agents = useStore((s) => s.agents);
  const channels = useStore((s) => s.channels);
  const intents = useMemo(() => [...new Set(queues.flatMap((q) => q.queue.intents))].sort(), [queues]);
  const change = (key: keyof ReportQuery) => (e: { target: { value: string } }) => setQuery({ [key]: e.target.value });

  return (
    <div className="report-filters" role="group" aria-label="Report filters">
      <label>
        From
        <input type="date" name="from" value={query.from} max={query.to} onChange={change('from')} required />
      </label>
      <label>
        To
        <input type="date" name="to" value={query.to} min={query.from} onChange={change('to')} required />
      </label>
      <Select name="queueId" label="Queue" value={query.queueId} onChange={change('queueId')}>
        {queues.map((q) => (
          <option key={q.queue.id} value={q.queue.id}>
            {q.queue.name}
          </option>
        ))}
      </Select>
      <Select name="agentId" label="Agent" value={query.agentId} onChange={change('agentId')}>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </Select>
      <Select name="channelId" label="Channel" value={query.channelId} onChange={change('channelId')}>
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select name="intent" label="Intent" value={query.intent} onChange={change('intent')}>
        {intents.map((intent) => (
          <option key={intent} value={intent}>
            {intent}
          </option>
        ))}
      </Select>
      <Select name="language" label="Language" value={query.language} onChange={change('language')}>
        {Language.options.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </Select>
    </div>
  );
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  onChange: (e: { target: { value: string } }) => void;
  children: React.ReactNode;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value ?? ''} onChange={props.onChange}>
        <option value="">All</option>
        {props.children}
      </select>
    </label>
  );
}
