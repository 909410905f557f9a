import { useStore } from '../../store';
import { selectConnectionLabel, selectPendingCount } from '../../store/selectors';

const TEXT = { online: 'Online', syncing: 'Syncing…', offline: 'Offline' } as const;

export function ConnectionIndicator() {
  const state = useStore(selectConnectionLabel);
  const hostLink = useStore((s) => s.hostLink);
  const hostDown = hostLink !== 'open';
  const pending = useStore(selectPendingCount);
  return (
    <div className={`connection ${state}`} role="status" aria-label="Connection" data-state={state}>
      <span className="connection-dot" />
      <div>
        <div className="connection-state">{TEXT[state]}</div>
        <div className="connection-detail">
          {hostLink === 'refused'
            ? 'Open the address the host printed'
            : hostDown
              ? 'Reconnecting to the inbox engine'
              : pending > 0
                ? `${pending} ${pending === 1 ? 'reply' : 'replies'} waiting to send`
                : state === 'offline'
                  ? 'Working from this device’s copy'
                  : 'All replies sent'}
        </div>
      </div>
    </div>
  );
}
