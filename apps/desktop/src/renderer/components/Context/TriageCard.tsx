import { useTranslation } from 'react-i18next';
import { IntentLabel, type ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/format';
import { useTriageFormat } from '../../lib/triage-format';

/**
 * What triage read in the customer's message: the intent routing uses (an agent fixes it here, and the
 * conversation moves if another queue takes the new one), a second ask, and the facts it found.
 */
export function TriageCard({ conversation }: { conversation: ConversationDTO }) {
  const { t } = useTranslation('context');
  const format = useFormat();
  const { intentName, entityName, entityValue } = useTriageFormat();
  const act = useStore((s) => s.act);
  const { triage } = conversation;
  const intent = (conversation.intent ?? 'unknown') as IntentLabel;
  const correct = (to: IntentLabel) => {
    if (to !== intent) void act({ type: 'intent', intent: to }, conversation.id);
  };

  return (
    <section className="context-section triage" aria-label={t('triage.title')}>
      <h3 className="section-title">{t('triage.title')}</h3>
      <div className="intent-row">
        <select
          className="intent-select"
          aria-label={t('triage.title')}
          value={intent}
          onChange={(event) => correct(event.target.value as IntentLabel)}
        >
          {IntentLabel.options.map((label) => (
            <option key={label} value={label}>
              {intentName(label)}
            </option>
          ))}
        </select>
        {triage.confidence !== null && !triage.correction && (
          <span className="muted" title={t('triage.sureHint')}>
            {t('triage.sure', { percent: Math.round(triage.confidence * 100) })}
          </span>
        )}
      </div>
      {triage.correction && (
        <div className="muted correction">
          {t('triage.correctedBy', { name: triage.correction.byName, time: format.time(triage.correction.at) })}
          {triage.correction.from && t('triage.was', { intent: intentName(triage.correction.from) })}
        </div>
      )}
      {triage.secondaryIntent && triage.secondaryIntent !== intent && (
        <div className="secondary-intent">
          <span>
            {t('triage.alsoAsks')} <strong>{intentName(triage.secondaryIntent)}</strong>
          </span>
          <button
            className="btn small"
            onClick={() => correct(triage.secondaryIntent!)}
            title={t('triage.useAsIntentHint')}
          >
            {t('triage.useAsIntent')}
          </button>
        </div>
      )}
      {triage.entities.length > 0 && (
        <dl className="fields entities" aria-label={t('triage.entities')}>
          {triage.entities.map((entity, i) => (
            <div key={`${entity.kind}-${i}`}>
              <dt>{entityName(entity.kind)}</dt>
              <dd>{entityValue(entity)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
