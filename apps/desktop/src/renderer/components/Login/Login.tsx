import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText, type Failure } from '../../i18n/errors';
import { useStore } from '../../store';
import './Login.css';

const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';

export function Login() {
  const { t } = useTranslation('login');
  const serverUrl = useStore((s) => s.serverUrl);
  const loggingIn = useStore((s) => s.loggingIn);
  const error = useStore((s) => s.loginError);
  const login = useStore((s) => s.login);
  // Until the agent edits it, the field follows the host's answer (the last server, or the one it was started for).
  const [editedServer, setServer] = useState<string | null>(null);
  const server = editedServer ?? serverUrl ?? DEFAULT_SERVER_URL;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void login(server.trim(), email.trim(), password);
  };

  return (
    <div className="login">
      <form className="login-card" onSubmit={submit} aria-label={t('formLabel')}>
        <div className="login-brand">
          <span className="logo-mark" aria-hidden>
            S
          </span>
          <div>
            <h1>Switchboard</h1>
            <p className="muted">{t('subtitle')}</p>
          </div>
        </div>
        <label>
          {t('server')}
          <input className="input" name="server" value={server} onChange={(e) => setServer(e.target.value)} required />
        </label>
        <label>
          {t('email')}
          <input
            className="input"
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
            required
          />
        </label>
        <label>
          {t('password')}
          <input
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && <LoginError failure={error} />}
        <button className="btn primary login-submit" type="submit" disabled={loggingIn}>
          {loggingIn ? t('signingIn') : t('signIn')}
        </button>
        <p className="login-footnote muted">{t('footnote')}</p>
      </form>
    </div>
  );
}

/** At sign-in, "unauthenticated" means the email or password was wrong, not that a session ran out. */
function LoginError({ failure }: { failure: Failure }) {
  const { t } = useTranslation('login');
  return (
    <div className="login-error" role="alert">
      {failure.code === 'UNAUTHENTICATED' ? t('refused') : failureText(failure)}
      <div className="error-detail">{failure.message}</div>
    </div>
  );
}
