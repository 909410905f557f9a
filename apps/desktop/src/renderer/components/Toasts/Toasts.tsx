import { useStore } from '../../store';
import './Toasts.css';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  const select = useStore((s) => s.select);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} role="status">
          <div className="toast-body" onClick={() => t.conversationId && select(t.conversationId)}>
            <div className="toast-title">{t.title}</div>
            <div>{t.body}</div>
          </div>
          {t.action && (
            <button
              className="btn small toast-action"
              onClick={() => {
                t.action!.run();
                dismiss(t.id);
              }}
            >
              {t.action.label}
            </button>
          )}
          <button className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
