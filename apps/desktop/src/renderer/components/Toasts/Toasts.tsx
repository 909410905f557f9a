import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import './Toasts.css';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  const select = useStore((s) => s.select);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.tone}`} role="status">
          <div className="toast-body" onClick={() => toast.conversationId && select(toast.conversationId)}>
            <div className="toast-title">{toast.title}</div>
            <div>{toast.body}</div>
          </div>
          {toast.action && (
            <button
              className="btn small toast-action"
              onClick={() => {
                toast.action!.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button className="toast-close" aria-label={t('dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
