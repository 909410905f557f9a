import { IntentLabel, type ConversationDTO } from '@switchboard/shared';
import { useStore } from '../../store';
import { clockTime } from '../../lib/time';
import { ENTITY_NAME, entityValue, INTENT_NAME } from '../../lib/triage-format';

/**
 * What triage read in the customer's message: the intent routing uses (an agent fixes it here, and the
 * conversation moves if another queue takes the new one), a second ask, and the facts it found.
 */
export function TriageCard({ conversation }: { conversation: ConversationDTO }) {
  const act = useStore((s) => s.act);
  const { triage } = conversation;
  const intent = (conversation.intent ?? 'unknown') as IntentLabel;
  const correct = (to: IntentLabel) => {
    if (to !== intent) void act({ type: 'intent', intent: to }, conversation.id);
  };

  return (
    <section className="context-section triage" aria-label="Triage">
      <h3 className="section-title">Intent</h3>
      <div className="intent-row">
        <select
          className="intent-select"
          aria-label="Intent"
          value={intent}
          onChange={(event) => correct(event.target.value as IntentLabel)}
        >
          {IntentLabel.options.map((label) => (
            <option key={label} value={label}>
              {INTENT_NAME[label]}
            </option>
          ))}
        </select>
        {triage.confidence !== null && !triage.correction && (
          <span className="muted" title="How sure triage was">
            {Math.round(triage.confidence * 100)}% sure
          </span>
        )}
      </div>
      {triage.correction && (
        <div className="muted correction">
          Corrected by {triage.correction.byName} at {clockTime(triage.correction.at)}
          {triage.correction.from && ` (was ${INTENT_NAME[triage.correction.from]})`}
        </div>
      )}
      {triage.secondaryIntent && triage.secondaryIntent !== intent && (
        <div className="secondary-intent">
          <span>
            Also asks: <strong>{INTENT_NAME[triage.secondaryIntent]}</strong>
          </span>
          <button
            className="btn small"
            onClick={() => correct(triage.secondaryIntent!)}
            title="Make this the intent routing uses"
          >
            Use as intent
          </button>
        </div>
      )}
      {triage.entities.length > 0 && (
        <dl className="fields entities" aria-label="Entities">
          {triage.entities.map((entity, i) => (
            <div key={`${entity.kind}-${i}`}>
              <dt>{ENTITY_NAME[entity.kind]}</dt>
              <dd>{entityValue(entity)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
