/**
 * @module pages/UsersPage
 * `/users` (admins): the people who can sign in (`GET /v1/users`) and a form to add an analyst or an
 * admin (`POST /v1/users`); the server's refusal (the name exists, the password is too short) is shown
 * as it words it. Each account can be disabled (its sessions end at once) or enabled again, and its
 * password reset: to one the admin types, or to one the server generates and shows here once. An admin
 * does not disable their own account. Every change is in the audit trail.
 */
import { useState, type FormEvent } from 'react';
import { createUser, listUsers, resetUserPassword, setUserDisabled } from '../api/embargo';
import type { PasswordReset, SessionUser, User } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../page-title';
import { formatDateTime } from '../text/format';
import { useResource } from '../use-resource';

/** The server refuses shorter passwords (400); checked here too so the form says so before sending. */
export const MIN_PASSWORD_LENGTH = 10;

export function UsersPage({ user }: { user: SessionUser }) {
  usePageTitle('Users');
  if (user.role !== 'admin')
    return (
      <>
        <h1>Users</h1>
        <p className="notice notice--info">Only administrators manage users. Ask an administrator to add or change an account.</p>
      </>
    );
  return <UserAdministration me={user.username} />;
}

function UserAdministration({ me }: { me: string }) {
  const { data, error, loading, reload } = useResource((signal) => listUsers(signal), []);
  return (
    <>
      <h1>Users</h1>
      <div className="two-columns">
        <section aria-labelledby="user-list-title">
          <h2 id="user-list-title">Accounts</h2>
          <ErrorNotice error={error} />
          {loading && !data && <p role="status">Loading users…</p>}
          {data && <UserTable users={data.users} me={me} onChanged={reload} />}
        </section>
        <CreateUser onCreated={reload} />
      </div>
    </>
  );
}

function UserTable({ users, me, onChanged }: { users: User[]; me: string; onChanged: () => void }) {
  const [resetting, setResetting] = useState<string>();
  if (users.length === 0) return <p className="muted">No accounts yet.</p>;
  return (
    <>
      <table className="table table--stacked user-table">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Tenant</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username}>
              <td data-label="Username">{u.username}</td>
              <td data-label="Role">
                <span className={`badge ${u.role === 'admin' ? 'badge--accent' : 'badge--neutral'}`}>{u.role}</span>
              </td>
              <td data-label="Tenant">{u.tenant ?? <span className="muted">all tenants</span>}</td>
              <td data-label="Status">
                {u.disabledAt === null ? (
                  <span className="badge badge--ok">active</span>
                ) : (
                  <span className="badge badge--danger" title={`Disabled ${formatDateTime(u.disabledAt)}`}>
                    disabled
                  </span>
                )}
              </td>
              <td data-label="Created">{formatDateTime(u.createdAt)}</td>
              <td data-label="Actions">
                <UserActions user={u} me={me} onChanged={onChanged} onReset={() => setResetting(u.username)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && <ResetPassword key={resetting} username={resetting} onClose={() => setResetting(undefined)} />}
    </>
  );
}

function UserActions({ user, me, onChanged, onReset }: { user: User; me: string; onChanged: () => void; onReset: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const disabled = user.disabledAt !== null;
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await setUserDisabled(user.username, !disabled);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="user-actions">
      {/* Nobody disables themselves: another admin can. */}
      {user.username !== me && (
        <button
          type="button"
          className={`button button--small ${disabled ? 'button--secondary' : 'button--danger'}`}
          onClick={toggle}
          disabled={busy}
          aria-label={`${disabled ? 'Enable' : 'Disable'} ${user.username}`}
        >
          {disabled ? 'Enable' : 'Disable'}
        </button>
      )}
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={onReset}
        aria-label={`Reset the password of ${user.username}`}
      >
        Reset password
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}

/** Resetting one user's password: typed by the admin, or generated by the server and shown once. */
function ResetPassword({ username, onClose }: { username: string; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<PasswordReset>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setDone(await resetUserPassword(username, password === '' ? undefined : password));
      setPassword('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="reset-password-title">
      <h3 id="reset-password-title">Reset the password of {username}</h3>
      {done ? (
        <>
          <p className="notice notice--ok" role="status">
            {done.password === undefined ? (
              <>The password of {username} is the one you typed. Their open sessions have ended.</>
            ) : (
              <>
                New password for {username}: <code className="one-time-password">{done.password}</code>. Hand it over now: it is not shown
                again. Their open sessions have ended.
              </>
            )}
          </p>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Done
          </button>
        </>
      ) : (
        <form className="form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="reset-password">New password</label>
            <input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              aria-describedby="reset-password-hint"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p className="hint" id="reset-password-hint">
              At least {MIN_PASSWORD_LENGTH} characters, or leave it empty and a password is generated for you.
            </p>
          </div>
          <ErrorNotice error={error} title="The password was not reset:" />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {password === '' ? 'Generate a password' : 'Set this password'}
            </button>
            <button type="button" className="button button--link" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function CreateUser({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'analyst' | 'admin'>('analyst');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<User>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setCreated(undefined);
    try {
      const user = await createUser(username.trim(), password, role);
      setCreated(user);
      setUsername('');
      setPassword('');
      onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-user-title" className="panel">
      <h2 id="create-user-title">Add a user</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="user-username">Username</label>
          <input
            id="user-username"
            autoComplete="off"
            required
            maxLength={100}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="user-password">Password</label>
          <input
            id="user-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            aria-describedby="user-password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="hint" id="user-password-hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
        </div>
        <div className="field">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as 'analyst' | 'admin')}>
            <option value="analyst">Analyst: screens and decides alerts</option>
            <option value="admin">Admin: also manages users and lists</option>
          </select>
        </div>
        <ErrorNotice error={error} title="Could not create the user:" />
        {created && (
          <p className="notice notice--ok" role="status">
            Created {created.role} <strong>{created.username}</strong>.
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          Create user
        </button>
      </form>
    </section>
  );
}
