/**
 * @module pages/AuditPage
 * `/audit`: the audit trail, newest first (`GET /v1/audit`), filtered by kind, by a person's plain name
 * (what they did signed in and with the API keys made for them) and by actor id (all kept in the
 * address), with "Older" loading the page before the last row shown; above it, whether the hash chain
 * verifies (`GET /v1/audit/verify`): green "chain intact, N rows" or red with the server's message.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { queryString } from '../api/client';
import { listAudit, verifyAudit } from '../api/embargo';
import type { AuditRow } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../page-title';
import { Link, navigate, paths, useLocation } from '../router';
import { formatDateTime } from '../text/format';
import { useResource } from '../use-resource';

/** Rows per page. */
export const AUDIT_PAGE_SIZE = 50;

/** Kinds the server writes today (packages/store), offered as suggestions; any kind can be typed. */
const KNOWN_KINDS = [
  'screening',
  'payment.screen',
  'alert.open',
  'decision',
  'customer.register',
  'list.load',
  'list.history',
  'job.create',
  'job.chunk',
  'key.create',
  'key.revoke',
  'user.create',
  'user.signin',
  'user.disable',
  'user.enable',
  'user.password',
];

/** Rows whose subject is an alert id, so the subject links to its review. */
const ALERT_SUBJECT_KINDS = new Set(['alert.open', 'decision']);

interface Trail {
  rows: AuditRow[];
  next: number | null;
  loading: boolean;
  error?: unknown;
}

export function AuditPage() {
  usePageTitle('Audit');
  const { search } = useLocation();
  const kind = search.get('kind') ?? '';
  const actor = search.get('actor') ?? '';
  const user = search.get('user') ?? '';
  const filter = { kind: kind || undefined, actor: actor || undefined, user: user || undefined };
  const [trail, setTrail] = useState<Trail>({ rows: [], next: null, loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setTrail({ rows: [], next: null, loading: true });
    listAudit({ ...filter, limit: AUDIT_PAGE_SIZE }, controller.signal).then(
      (page) => !controller.signal.aborted && setTrail({ rows: page.rows, next: page.next, loading: false }),
      (error: unknown) => !controller.signal.aborted && setTrail({ rows: [], next: null, loading: false, error }),
    );
    return () => controller.abort();
  }, [kind, actor, user]);

  const loadOlder = async () => {
    if (trail.next === null) return;
    setTrail((t) => ({ ...t, loading: true, error: undefined }));
    try {
      const page = await listAudit({ ...filter, limit: AUDIT_PAGE_SIZE, before: trail.next });
      setTrail((t) => ({ rows: [...t.rows, ...page.rows], next: page.next, loading: false }));
    } catch (error) {
      setTrail((t) => ({ ...t, loading: false, error }));
    }
  };

  return (
    <>
      <h1>Audit</h1>
      <Verification />
      <AuditFilter key={`${kind}\n${actor}\n${user}`} kind={kind} actor={actor} user={user} />
      <ErrorNotice error={trail.error} />
      <p role="status" className="muted">
        {trail.loading
          ? 'Loading the trail…'
          : trail.rows.length === 0
            ? 'No audit rows match the filter.'
            : `${trail.rows.length} rows shown, newest first.`}
      </p>
      {trail.rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact audit-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Seq
                </th>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Kind</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
                <th scope="col">Hash</th>
              </tr>
            </thead>
            <tbody>
              {trail.rows.map((r) => (
                <tr key={r.seq}>
                  <td className="num">{r.seq}</td>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.actor || <span className="muted">system</span>}</td>
                  <td>
                    <code>{r.kind}</code>
                  </td>
                  <td className="id">
                    {r.subject === null ? (
                      <span className="muted">—</span>
                    ) : ALERT_SUBJECT_KINDS.has(r.kind) ? (
                      <Link to={paths.alert(r.subject)}>{r.subject}</Link>
                    ) : (
                      r.subject
                    )}
                  </td>
                  <td>
                    <Details details={r.details} />
                  </td>
                  <td>
                    <code className="hash" title={r.hash}>
                      {r.hash.slice(0, 12)}…
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trail.next !== null && (
        <div className="pager">
          <button type="button" className="button button--secondary" onClick={loadOlder} disabled={trail.loading}>
            Older
          </button>
        </div>
      )}
    </>
  );
}

function Verification() {
  const { data, error, loading } = useResource((signal) => verifyAudit(signal), []);
  if (error) return <ErrorNotice error={error} title="Could not verify the audit trail:" />;
  if (loading || !data)
    return (
      <p className="banner banner--neutral" role="status">
        Verifying the audit chain…
      </p>
    );
  return data.ok ? (
    <p className="banner banner--ok" role="status">
      <strong>Chain intact, {data.rows.toLocaleString('en-GB')} rows.</strong> Every row’s hash links to the one before it.
    </p>
  ) : (
    <p className="banner banner--danger" role="alert">
      <strong>Chain broken.</strong> {data.message}
    </p>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="details-list">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function AuditFilter({ kind, actor, user }: { kind: string; actor: string; user: string }) {
  const [k, setK] = useState(kind);
  const [a, setA] = useState(actor);
  const [u, setU] = useState(user);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.audit() + queryString({ kind: k.trim(), user: u.trim(), actor: a.trim() }));
  };
  return (
    <form className="form panel filters audit-filter" onSubmit={submit} aria-label="Filter the audit trail">
      <div className="form-grid">
        <div className="field">
          <label htmlFor="audit-kind">Kind</label>
          <input id="audit-kind" list="audit-kinds" value={k} onChange={(e) => setK(e.target.value)} />
          <datalist id="audit-kinds">
            {KNOWN_KINDS.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="audit-user">User</label>
          <input
            id="audit-user"
            value={u}
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby="audit-user-hint"
            onChange={(e) => setU(e.target.value)}
          />
          <p className="hint" id="audit-user-hint">
            A username (<code>ann</code>): what they did signed in and with their API keys.
          </p>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Actor id</label>
          <input id="audit-actor" value={a} aria-describedby="audit-actor-hint" onChange={(e) => setA(e.target.value)} />
          <p className="hint" id="audit-actor-hint">
            One credential: an API key id, or <code>user:ann</code>.
          </p>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Filter
        </button>
        <Link to={paths.audit()} className="button button--link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
