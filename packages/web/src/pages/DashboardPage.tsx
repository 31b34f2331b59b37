/**
 * @module pages/DashboardPage
 * `/`, the landing page after sign-in (issue 16, point 1): what is waiting — open, escalated and
 * pending-approval alerts, all and mine, and how long the oldest open one has waited — the lists in force
 * with their publication dates and when the server last checked each publisher for an update (stale ones,
 * and those whose check failed or is overdue, in red; see text/list-freshness), the last batch jobs, and
 * whether the audit chain is intact. An admin also sees a red notice naming each failed or overdue list
 * update and why (issue 18, point 6). Three requests, each shown as soon as it answers and failing alone:
 * `GET /v1/dashboard` (alerts, jobs and list checks), `GET /v1/lists` and `GET /v1/audit/verify`.
 */
import { ApiError } from '../api/client';
import { getDashboard, listPublications, verifyAudit } from '../api/embargo';
import type { AlertCount, AlertStatus, DashboardFigures, Job, ListCheck, Publication } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { JobTable } from '../components/JobTable';
import { ListUpdateNotice } from '../components/ListUpdateNotice';
import { usePageTitle } from '../page-title';
import { Link, paths } from '../router';
import { useSessionUser } from '../session-context';
import { count, formatDateTime } from '../text/format';
import { ageInWords, listFreshness, STALE_AFTER_DAYS } from '../text/list-freshness';
import { listName } from '../text/list-names';
import { useResource } from '../use-resource';
import { alertsPath } from './AlertsPage';

/** `now`: the time ages are measured to (a test fixes it). */
export function DashboardPage({ now = new Date() }: { now?: Date }) {
  usePageTitle('Dashboard');
  const figures = useResource((signal) => getDashboard(signal), []);
  const lists = useResource((signal) => listPublications(signal), []);
  const audit = useResource((signal) => verifyAudit(signal), []);
  const user = useSessionUser();
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">
        What is waiting for a decision, the lists screenings run against, the last batch jobs and the audit trail.{' '}
        <Link to={paths.search()}>Search a name</Link>.
      </p>
      <ListUpdateNotice checks={figures.data?.listChecks} isAdmin={user?.role === 'admin'} />
      <div className="dashboard">
        <section aria-labelledby="dash-alerts" className="panel dashboard__alerts">
          <h2 id="dash-alerts">Alerts waiting</h2>
          <ErrorNotice error={figures.error} />
          {figures.loading && !figures.data && <p role="status">Counting alerts…</p>}
          {figures.data && <AlertFigures alerts={figures.data.alerts} now={now} />}
        </section>
        <section aria-labelledby="dash-lists" className="panel">
          <h2 id="dash-lists">Lists in force</h2>
          <ErrorNotice error={lists.error} />
          {lists.loading && !lists.data && <p role="status">Loading the lists…</p>}
          {lists.data && (
            <ListsInForce
              publications={lists.data.publications.filter((p) => p.current)}
              checks={figures.data?.listChecks ?? []}
              now={now}
            />
          )}
        </section>
        <section aria-labelledby="dash-jobs" className="panel">
          <h2 id="dash-jobs">Last batch jobs</h2>
          <ErrorNotice error={figures.error} />
          {figures.loading && !figures.data && <p role="status">Loading the jobs…</p>}
          {figures.data && <LastJobs jobs={figures.data.jobs} />}
        </section>
        <section aria-labelledby="dash-audit" className="panel">
          <h2 id="dash-audit">Audit chain</h2>
          {audit.loading && !audit.data && <p role="status">Checking the audit chain…</p>}
          <AuditStatus verification={audit.data} error={audit.error} />
        </section>
      </div>
    </>
  );
}

const WAITING: { key: keyof Omit<DashboardFigures['alerts'], 'oldestOpenAt'>; status: AlertStatus; label: string }[] = [
  { key: 'open', status: 'open', label: 'Open' },
  { key: 'escalated', status: 'escalated', label: 'Escalated' },
  { key: 'pendingApproval', status: 'pending_approval', label: 'Pending approval' },
];

function AlertFigures({ alerts, now }: { alerts: DashboardFigures['alerts']; now: Date }) {
  return (
    <>
      <ul className="tiles">
        {WAITING.map(({ key, status, label }) => (
          <li key={key} className="tile" data-testid={`alerts-${status}`}>
            <Link to={alertsPath({ status })} className="tile__link">
              <span className="tile__figure">{count(alerts[key].all)}</span>
              <span className="tile__label">{label}</span>
            </Link>
            <span className="tile__mine">{mineWords(status, alerts[key])}</span>
          </li>
        ))}
      </ul>
      <p data-testid="oldest-open">
        {alerts.oldestOpenAt ? (
          <>
            Oldest open alert: <strong>{ageInWords(alerts.oldestOpenAt, now)}</strong> old (opened {formatDateTime(alerts.oldestOpenAt)}).
          </>
        ) : (
          'No alert is open.'
        )}
      </p>
    </>
  );
}

/** An open alert has no decision yet and cannot be assigned yet (issue 16, point 4), so it is no one's. */
function mineWords(status: AlertStatus, figure: AlertCount): string {
  if (status === 'open') return 'Mine: none — alerts are not assigned yet';
  const how = status === 'escalated' ? 'escalated by me' : 'proposed by me';
  return `Mine: ${count(figure.mine)} ${how}`;
}

/** The words for a check that needs attention, as its badge says it. */
function attentionWord(check: ListCheck): string {
  return check.outcome === 'unchanged' || check.outcome === 'loaded' || check.outcome === null ? 'overdue' : check.outcome;
}

function ListsInForce({ publications, checks, now }: { publications: Publication[]; checks: readonly ListCheck[]; now: Date }) {
  if (publications.length === 0) return <p className="stale">No list is in force: screenings find nothing until one is loaded.</p>;
  return (
    <>
      <table className="table table--stacked">
        <thead>
          <tr>
            <th scope="col">List</th>
            <th scope="col">Published</th>
            <th scope="col">Last checked</th>
          </tr>
        </thead>
        <tbody>
          {publications.map((p) => {
            const fresh = listFreshness(p, now);
            const check = checks.find((c) => c.source === p.source);
            return (
              <tr key={p.id} className={fresh.stale || check?.attention ? 'stale' : undefined} data-testid={`list-${p.source}`}>
                <td data-label="List">{listName(p.source)}</td>
                <td data-label="Published">
                  {/* One child per cell: a stacked cell on a phone is a grid of its label and its content. */}
                  <span>
                    {p.published ?? 'undated'}
                    {fresh.ageDays !== null && <span className="muted"> ({fresh.ageDays} days ago)</span>}
                    {fresh.stale && (
                      <>
                        {' '}
                        <span className="badge badge--danger" title={fresh.reason}>
                          stale
                        </span>
                        <span className="visually-hidden"> {fresh.reason}</span>
                      </>
                    )}
                  </span>
                </td>
                <td data-label="Last checked">
                  <span>
                    {check?.lastCheckedAt ? formatDateTime(check.lastCheckedAt) : <>{formatDateTime(p.loadedAt)} (loaded)</>}
                    {check?.attention && (
                      <>
                        {' '}
                        <span className="badge badge--danger" title={check.attentionReason ?? undefined}>
                          {attentionWord(check)}
                        </span>
                      </>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Red: published more than {STALE_AFTER_DAYS} days ago, or undated, or the last check for an update failed or is overdue. “Last
        checked”: when the server last asked the publisher for an update (the load, marked so, until it first does).{' '}
        <Link to={paths.lists()}>All publications</Link>.
      </p>
    </>
  );
}

function LastJobs({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return <p>No batch job has been submitted.</p>;
  return <JobTable jobs={jobs} />;
}

function AuditStatus({ verification, error }: { verification?: { ok: boolean; message: string }; error: unknown }) {
  const user = useSessionUser();
  // The trail covers every tenant, so a user of one tenant may not check it (GET /v1/audit/verify: 403).
  if (error instanceof ApiError && error.status === 403)
    return <p className="muted">The audit trail covers every tenant: a user across tenants checks it.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!verification) return null;
  return (
    <>
      <p data-testid="audit-status">
        <span className={`badge badge--${verification.ok ? 'ok' : 'danger'}`}>{verification.ok ? 'intact' : 'broken'}</span>{' '}
        {verification.message}
      </p>
      {user?.tenant === null && <Link to={paths.audit()}>The audit trail</Link>}
    </>
  );
}
