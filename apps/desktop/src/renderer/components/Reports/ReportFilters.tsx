import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, type ReportQuery } from '@switchboard/shared';
import { useStore } from '../../store';
import { useTriageFormat } from '../../lib/triage-format';

/** The report's date range and filters; every change asks for the report again. */
export function ReportFilters() {
  const { t } = useTranslation(['reports', 'common']);
  const { queueIntentName } = useTriageFormat();
  const query = useStore((s) => s.reportQuery);
  const setQuery = useStore((s) => s.setReportQuery);
  const queues = useStore((s) => s.queues);
  const agents = useStore((s) => s.agents);
  const channels = useStore((s) => s.channels);
  const intents = useMemo(() => [...new Set(queues.flatMap((q) => q.queue.intents))].sort(), [queues]);
  const change = (key: keyof ReportQuery) => (e: { target: { value: string } }) => setQuery({ [key]: e.target.value });

  return (
    <div className="report-filters" role="group" aria-label={t('filters.label')}>
      <label>
        {t('filters.from')}
        <input type="date" name="from" value={query.from} max={query.to} onChange={change('from')} required />
      </label>
      <label>
        {t('filters.to')}
        <input type="date" name="to" value={query.to} min={query.from} onChange={change('to')} required />
      </label>
      <Select name="queueId" label={t('filters.queue')} value={query.queueId} onChange={change('queueId')}>
        {queues.map((q) => (
          <option key={q.queue.id} value={q.queue.id}>
            {q.queue.name}
          </option>
        ))}
      </Select>
      <Select name="agentId" label={t('filters.agent')} value={query.agentId} onChange={change('agentId')}>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </Select>
      <Select name="channelId" label={t('filters.channel')} value={query.channelId} onChange={change('channelId')}>
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select name="intent" label={t('filters.intent')} value={query.intent} onChange={change('intent')}>
        {intents.map((intent) => (
          <option key={intent} value={intent}>
            {queueIntentName(intent)}
          </option>
        ))}
      </Select>
      <Select name="language" label={t('filters.language')} value={query.language} onChange={change('language')}>
        {Language.options.map((l) => (
          <option key={l} value={l}>
            {t(`common:languageName.${l}`)}
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
  const { t } = useTranslation(['reports', 'common']);
  return (
    <label>
      {props.label}
      <select name={props.name} value={props.value ?? ''} onChange={props.onChange}>
        <option value="">{t('filters.all')}</option>
        {props.children}
      </select>
    </label>
  );
}
