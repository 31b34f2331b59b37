/**
 * @module pages/AlertsPage
 * `/alerts`: the alert queue as cases, newest first (`GET /v1/cases`, issue 16 point 4): one row per
 * customer and party, however many linked records alerted (one customer, three KOMID records: one row with
 * three matches). Filtered by assignee (mine, unassigned, all), status, minimum score, list, customer key
 * and (for analysts who work across tenants) tenant; every row names its tenant. The filters live in the
 * address (`/alerts?assigned=mine&status=open`), so a filtered queue can be bookmarked, shared and reached
 * from the dashboard; each row opens its case.
 */
import { useState, type FormEvent } from 'react';
import { queryString } from '../api/client';
import { listCases } from '../api/embargo';
import { ALERT_STATUSES, type AlertStatus, type CaseAssignment, type CaseFilter, type CaseSummary } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { ScoreMeter } from '../components/ScoreMeter';
import { StatusBadge } from '../components/StatusBadge';
import { usePageTitle } from '../page-title';
import { useSessionUser } from '../session-context';
import { Link, navigate, paths, useLocation } from '../router';
import { formatDateTime, humanise } from '../text/format';
import { useResource } from '../use-resource';

/** Cases per page. */
export const ALERTS_PAGE_SIZE = 50;

const ASSIGNMENTS: Record<CaseAssignment, string> = { mine: 'Assigned to me', unassigned: 'Unassigned' };

/** The list sources (core model/entity.ts LIST_SOURCES). */
export const LIST_SOURCES = ['ofac-sdn', 'ofac-cons', 'un-sc', 'uk-hmt', 'eu-fsf', 'au-dfat', 'ca-sema'] as const;

/** The filter in the address bar; anything malformed is ignored rather than sent. */
export function alertFilterFrom(search: URLSearchParams): CaseFilter {
  const status = search.get('status');
  const assigned = search.get('assigned');
  const minScore = Number(search.get('minScore'));
  const offset = Number(search.get('offset'));
  return {
    assigned: assigned === 'mine' || assigned === 'unassigned' ? assigned : undefined,
    status: ALERT_STATUSES.includes(status as AlertStatus) ? (status as AlertStatus) : undefined,
    minScore: search.has('minScore') && minScore >= 0 && minScore <= 1 ? minScore : undefined,
    source: search.get('source') || undefined,
    tenant: search.get('tenant') || undefined,
    customerKey: search.get('customerKey') || undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}

export function alertsPath(filter: CaseFilter): string {
  return paths.alerts() + queryString({ ...filter });
}

export function AlertsPage() {
  usePageTitle('Alerts');
  const { search } = useLocation();
  const key = search.toString();
  const filter = alertFilterFrom(search);
  const { data, error, loading } = useResource((signal) => listCases({ ...filter, limit: ALERTS_PAGE_SIZE }, signal), [key]);
  const offset = filter.offset ?? 0;
  const cases = data?.cases ?? [];

  return (
    <>
      <h1>Alerts</h1>
      <FilterForm key={key} filter={filter} />
      <ErrorNotice error={error} />
      <div className="table-toolbar">
        <p role="status" className="muted">
          {loading
            ? 'Loading cases…'
            : cases.length === 0
              ? 'No alerts match the filter.'
              : `Cases ${offset + 1}–${offset + cases.length} matching the filter, newest first: one per customer and party.`}
        </p>
      </div>
      {cases.length > 0 && (
        <div className="table-scroll">
          {/* Stacked on a phone: eight columns do not fit 390 px. Each card opens with the score and the
              status, what an analyst working the queue reads first (issue 16 point 8). */}
          <table className="table table--rows table--stacked alert-queue">
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Listed party</th>
                <th scope="col">Tenant</th>
                <th scope="col">Customer</th>
                <th scope="col">Screened name</th>
                <th scope="col">Lists</th>
                <th scope="col">Score</th>
                <th scope="col">Status</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <CaseRow key={c.id} summary={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Case pages">
        <button
          type="button"
          className="button button--secondary"
          disabled={offset === 0}
          onClick={() => navigate(alertsPath({ ...filter, offset: Math.max(0, offset - ALERTS_PAGE_SIZE) || undefined }))}
        >
          Newer
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={cases.length < ALERTS_PAGE_SIZE}
          onClick={() => navigate(alertsPath({ ...filter, offset: offset + ALERTS_PAGE_SIZE }))}
        >
          Older
        </button>
      </nav>
    </>
  );
}

/** The status a case shows: its most pressing alert's (waiting on someone first, then by severity). */
const STATUS_ORDER: AlertStatus[] = ['pending_approval', 'escalated', 'open', 'true_match', 'false_positive', 'suppressed'];

export function caseStatus(summary: Pick<CaseSummary, 'alerts'>): AlertStatus {
  return STATUS_ORDER.find((s) => summary.alerts.some((a) => a.status === s)) ?? 'open';
}

function CaseRow({ summary }: { summary: CaseSummary }) {
  const top = summary.alerts[0];
  if (!top) return null;
  const caption = String(top.match.caption ?? top.entityId);
  const others = summary.alerts.length - 1;
  const lists = [...new Set(summary.alerts.map((a) => a.source))].join(', ');
  return (
    // The link in the row is the keyboard's way in; a click anywhere on the row is the mouse's.
    <tr onClick={(e) => !(e.target as HTMLElement).closest('a') && navigate(paths.case(summary.id))} className="clickable">
      <td data-label="Raised">{formatDateTime(summary.createdAt)}</td>
      <td data-label="Listed party">
        <div>
          <Link to={paths.case(summary.id)}>{caption}</Link>
          <div className="muted id">{summary.alerts.map((a) => a.entityId).join(', ')}</div>
          {others > 0 && <span className="badge badge--neutral case-count">{summary.alerts.length} matches</span>}
        </div>
      </td>
      <td data-label="Tenant">{summary.tenant}</td>
      <td data-label="Customer">{summary.customerKey ?? <span className="muted">—</span>}</td>
      <td data-label="Screened name">{String(top.party.name ?? '')}</td>
      <td data-label="Lists">{lists}</td>
      <td data-label="Score">
        <ScoreMeter score={top.score} label={`Score of case on ${caption}`} />
      </td>
      <td data-label="Status">
        <StatusBadge status={caseStatus(summary)} />
      </td>
      <td data-label="Assigned to">{summary.assignee ?? <span className="muted">no one</span>}</td>
    </tr>
  );
}

function FilterForm({ filter }: { filter: CaseFilter }) {
  // A user of one tenant sees that tenant's alerts only: no tenant to choose.
  const acrossTenants = useSessionUser()?.tenant == null;
  const [tenant, setTenant] = useState(filter.tenant ?? '');
  const [assigned, setAssigned] = useState(filter.assigned ?? '');
  const [status, setStatus] = useState(filter.status ?? '');
  const [minScore, setMinScore] = useState(filter.minScore === undefined ? '' : String(Math.round(filter.minScore * 100)));
  const [source, setSource] = useState(filter.source ?? '');
  const [customerKey, setCustomerKey] = useState(filter.customerKey ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      alertsPath({
        assigned: (assigned || undefined) as CaseAssignment | undefined,
        status: (status || undefined) as AlertStatus | undefined,
        minScore: minScore === '' ? undefined : Number(minScore) / 100,
        source: source || undefined,
        tenant: (acrossTenants && tenant.trim()) || undefined,
        customerKey: customerKey.trim() || undefined,
      }),
    );
  };

  return (
    <form className="form panel filters" onSubmit={submit} aria-label="Filter alerts">
      <div className="form-grid">
        <div className="field">
          <label htmlFor="alerts-assigned">Assigned</label>
          <select id="alerts-assigned" value={assigned} onChange={(e) => setAssigned(e.target.value)}>
            <option value="">Anyone or no one</option>
            {(Object.keys(ASSIGNMENTS) as CaseAssignment[]).map((a) => (
              <option key={a} value={a}>
                {ASSIGNMENTS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="alerts-status">Status</label>
          <select id="alerts-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanise(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="alerts-min-score">Min score</label>
          <div className="input-suffix">
            <input
              id="alerts-min-score"
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              aria-describedby="alerts-min-score-unit"
              value={minScore}
              onChange={(e) => setMinScore(e.target.value)}
            />
            <span id="alerts-min-score-unit">%</span>
          </div>
        </div>
        <div className="field">
          <label htmlFor="alerts-source">Source</label>
          <select id="alerts-source" value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">Any list</option>
            {LIST_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {acrossTenants && (
          <div className="field">
            <label htmlFor="alerts-tenant">Tenant</label>
            <input id="alerts-tenant" value={tenant} onChange={(e) => setTenant(e.target.value)} placeholder="All tenants" />
          </div>
        )}
        <div className="field">
          <label htmlFor="alerts-customer-key">Customer key</label>
          <input id="alerts-customer-key" value={customerKey} onChange={(e) => setCustomerKey(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Filter
        </button>
        <Link to={paths.alerts()} className="button button--link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
