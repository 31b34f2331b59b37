/**
 * @module pages/SignInPage
 * `/signin`: username and password → `POST /v1/session`, which sets the session cookie. A wrong password
 * shows the server's message; the app then returns to the page the user came from.
 */
import { useState, type FormEvent } from 'react';
import { signIn } from '../api/embargo';
import type { SessionUser } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../page-title';

export function SignInPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  usePageTitle('Sign in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn(username.trim(), password);
      onSignedIn(session.user);
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <div className="signin__card">
        <p className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>{' '}
          Embargo
        </p>
        <h1>Sign in</h1>
        <p className="muted">Sanctions screening for analysts and administrators.</p>
        <form onSubmit={submit} className="form">
          <div className="field">
            <label htmlFor="signin-username">Username</label>
            <input
              id="signin-username"
              name="username"
              autoComplete="username"
              required
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="signin-password">Password</label>
            <input
              id="signin-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <ErrorNotice error={error} title="Could not sign in:" />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
