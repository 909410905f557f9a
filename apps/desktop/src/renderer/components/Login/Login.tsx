import { useState, type FormEvent } from 'react';
import { useStore } from '../../store';
import './Login.css';

const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';

export function Login() {
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
      <form className="login-card" onSubmit={submit} aria-label="Sign in">
        <div className="login-brand">
          <span className="logo-mark" aria-hidden>
            S
          </span>
          <div>
            <h1>Switchboard</h1>
            <p className="muted">Sign in to your WhatsApp inbox</p>
          </div>
        </div>
        <label>
          Server
          <input className="input" name="server" value={server} onChange={(e) => setServer(e.target.value)} required />
        </label>
        <label>
          Email
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
          Password
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
        {error && (
          <div className="login-error" role="alert">
            {error}
          </div>
        )}
        <button className="btn primary login-submit" type="submit" disabled={loggingIn}>
          {loggingIn ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="login-footnote muted">
          Replies you write offline are kept on this device and sent when you reconnect.
        </p>
      </form>
    </div>
  );
}
