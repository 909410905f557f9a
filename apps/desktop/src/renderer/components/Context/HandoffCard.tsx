import { useTranslation } from 'react-i18next';
import type { HandoffDTO } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { useTriageFormat } from '../../lib/triage-format';

export function HandoffCard({ handoff }: { handoff: HandoffDTO }) {
  const { t } = useTranslation('context');
  const format = useFormat();
  const { queueIntentName } = useTriageFormat();
  return (
    <section className="context-section handoff">
      <h3 className="section-title">{t('handoff.title', { bot: handoff.botName })}</h3>
      <p className="handoff-reason">{handoff.reason}</p>
      {handoff.summary && <p>{handoff.summary}</p>}
      {handoff.intent && (
        <div className="muted">
          {t('handoff.intent')} <strong>{queueIntentName(handoff.intent)}</strong>
          {handoff.confidence !== undefined && ` (${format.percent(Math.round(handoff.confidence * 100) / 100)})`}
        </div>
      )}
      {handoff.attributes && Object.keys(handoff.attributes).length > 0 && (
        <dl className="fields">
          {Object.entries(handoff.attributes).map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {handoff.steps && handoff.steps.length > 0 && (
        <ol className="bot-steps">
          {handoff.steps.map((step, i) => (
            <li key={i}>
              {step.action}
              {step.detail && <span className="muted"> · {step.detail}</span>}
              {step.at && <span className="muted"> · {format.time(step.at)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
