import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/**
 * What a supervisor confirms before giving a teammate more than their capacity: who, and how full they are
 * (from the teammates' loads, loaded again when the server refused). Used by the transfer dialog and the board.
 */
export function OverCapacityNote({ userId }: { userId: string }) {
  const { t } = useTranslation('actions');
  const teammate = useStore((s) => s.transferTargets.agents.find((a) => a.userId === userId));
  if (!teammate) return null;
  return (
    <p className="over-capacity" role="alert">
      {t('transferDialog.overCapacity', { name: teammate.name, load: teammate.load, capacity: teammate.capacity })}
    </p>
  );
}
