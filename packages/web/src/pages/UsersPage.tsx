/**
 * @module pages/UsersPage
 * `/users` (admins): the people who can sign in (`GET /v1/users`) and a form to add an analyst or an
 * admin (`POST /v1/users`); the server's refusal (the name exists, the password is too short) is shown
 * as it words it.
 */
import { useState, type FormEvent } from 'react';
import { createUser, listUsers } from '../api/embargo';
import type { SessionUser, User } from '../api/types';
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
  return <UserAdministration />;
}

function UserAdministration() {
  const { data, error, loading, reload } = useResource((signal) => listUsers(signal), []);
  return (
    <>
      <h1>Users</h1>
      <div className="two-columns">
        <section aria-labelledby="user-list-title">
          <h2 id="user-list-title">Accounts</h2>
          <ErrorNotice error={error} />
          {loading && !data && <p role="status">Loading users…</p>}
          {data && <UserTable users={data.users} />}
        </section>
        <CreateUser onCreated={reload} />
      </div>
    </>
  );
}

function UserTable({ users }: { users: User[] }) {
  if (users.length === 0) return <p className="muted">No accounts yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Role</th>
          <th scope="col">Tenant</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.username}>
            <td>{u.username}</td>
            <td>
              <span className={`badge ${u.role === 'admin' ? 'badge--accent' : 'badge--neutral'}`}>{u.role}</span>
            </td>
            <td>{u.tenant ?? <span className="muted">all tenants</span>}</td>
            <td>{formatDateTime(u.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
