import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Role, type ErrorIssue } from '@switchboard/shared';
import { fieldOf, SettingsError } from '../../services/settings.service';

/** What the server last said about a save: nothing yet, done, or refused with the fields at fault. */
export type SaveOutcome =
  { kind: 'idle' } | { kind: 'saved'; message: string } | { kind: 'refused'; message: string; issues: ErrorIssue[] };

const refusal = (error: unknown): SaveOutcome => ({
  kind: 'refused',
  message: error instanceof Error ? error.message : String(error),
  issues: error instanceof SettingsError ? error.issues : [],
});

/** Runs a change and keeps its outcome (what it did, or the refusal); `after` runs on success (a reload). */
export function useSaver(after: () => void = () => undefined) {
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });
  const save = async (work: () => Promise<string>) => {
    try {
      setOutcome({ kind: 'saved', message: await work() });
      after();
    } catch (error) {
      setOutcome(refusal(error));
    }
  };
  return { outcome, save };
}

/** Loads a list on mount and on `reload()`; a failure is shown where the list would be. */
export function useLoaded<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(
      (v) => {
        setValue(v);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    // The loader is a module-level call; reloading on its identity would loop.
  }, []);
  useEffect(reload, [reload]);
  return { value, error, reload };
}

/** The outcome of a save, naming each field the server refused. */
export function Outcome({ outcome }: { outcome: SaveOutcome }) {
  if (outcome.kind === 'idle') return null;
  if (outcome.kind === 'saved')
    return (
      <p className="settings-saved" role="status">
        {outcome.message}
      </p>
    );
  return (
    <div className="settings-refused" role="alert">
      <strong>{outcome.message}</strong>
      {outcome.issues.length > 0 && (
        <ul>
          {outcome.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{fieldOf(issue)}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SectionHeader({ title, hint }: { title: string; hint: string }) {
  return (
    <header className="settings-header">
      <h3>{title}</h3>
      <span className="muted">{hint}</span>
    </header>
  );
}

/** A form's role field (`name="role"`), every role named in the agent's language. */
export function RoleSelect({ defaultValue }: { defaultValue: Role }) {
  const { t } = useTranslation('settings');
  return (
    <label>
      {t('users.role')}
      <select name="role" defaultValue={defaultValue}>
        {Role.options.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An editor's closing row: save (the form's submit) and close without saving. */
export function SaveOrClose({ save, onClose }: { save: string; onClose: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-row-actions">
      <button className="btn primary" type="submit">
        {save}
      </button>
      <button className="btn ghost" type="button" onClick={onClose}>
        {t('users.close')}
      </button>
    </div>
  );
}
