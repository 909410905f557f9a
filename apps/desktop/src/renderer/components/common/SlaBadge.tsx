import { useTranslation } from 'react-i18next';
import type { ConversationDTO } from '@switchboard/shared';
import { useFormat } from '../../i18n/format';
import { slaCountdown, useNow } from '../../lib/time';

const TONE_CLASS = { ok: '', soon: 'warn', late: 'danger' } as const;

/**
 * The SLA target running now and the time left on it (or past it), as the server computed them: the same
 * target and due time the list and the context pane show. Nothing while no target runs.
 */
export function SlaBadge({ conversation }: { conversation: Pick<ConversationDTO, 'sla' | 'status'> }) {
  const { t } = useTranslation(['thread', 'common', 'list']);
  const format = useFormat();
  const now = useNow();
  const clock = slaCountdown(conversation, now);
  const { sla } = conversation;
  if (!clock || !sla) return null;
  const duration = format.duration(clock.ms);
  return (
    <span className={`badge sla ${TONE_CLASS[clock.tone]}`} title={format.fullDate(sla.dueAt)} data-sla={sla.kind}>
      {t(`common:slaKind.${sla.kind}`)} · {clock.tone === 'late' ? t('list:row.overdue', { duration }) : duration}
    </span>
  );
}
