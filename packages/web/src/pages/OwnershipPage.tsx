/**
 * @module pages/OwnershipPage
 * `/ownership`: load an ownership file (a plain CSV `owner,owned,share…`, BODS 0.4 JSON or JSON lines,
 * FollowTheMoney entities), chosen or dropped, and see what it changed: the derived statuses per regime,
 * who is newly blocked or no longer blocked, and the file's problems. Below, the files loaded (each can be
 * removed, after a confirmation, and everything is evaluated again: who is no longer blocked is said), and every derived status — blocked or
 * possibly blocked under OFAC, the EU or the UK — filtered by regime and status in the address
 * (`/ownership?regime=uk&status=blocked`), each row opening its proof, each name its own page.
 */
import { Fragment, useState } from 'react';
import { queryString } from '../api/client';
import { deleteOwnershipFile, listOwnershipFiles, listOwnershipStatuses, uploadOwnershipFile } from '../api/embargo';
import {
  OWNERSHIP_REGIMES,
  type DerivedOwnershipStatus,
  type DerivedStatus,
  type OwnershipChange,
  type OwnershipEvaluationSummary,
  type OwnershipFile,
  type OwnershipLoadResult,
  type OwnershipStatusFilter,
  type RegimeId,
} from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileUploadForm } from '../components/FileUploadForm';
import { OwnershipStatusBadge } from '../components/OwnershipStatusBadge';
import { usePageTitle } from '../page-title';
import { Link, navigate, paths, useLocation } from '../router';
import { count, formatDateTime } from '../text/format';
import { aggregateWords, partyPath, REGIME_NAMES, STATUS_WORDS } from '../text/ownership-words';
import { useResource } from '../use-resource';

/** Statuses per page. */
export const STATUSES_PAGE_SIZE = 50;
const DERIVED: DerivedStatus[] = ['blocked', 'possibly_blocked'];
const ACCEPTED = '.csv,.json,.jsonl,.ndjson,.txt,text/csv,application/json,application/x-ndjson,text/plain';

/** The filter in the address bar; anything malformed is ignored rather than sent. */
export function statusFilterFrom(search: URLSearchParams): OwnershipStatusFilter {
  const regime = search.get('regime');
  const status = search.get('status');
  const offset = Number(search.get('offset'));
  return {
    regime: OWNERSHIP_REGIMES.includes(regime as RegimeId) ? (regime as RegimeId) : undefined,
    status: DERIVED.includes(status as DerivedStatus) ? (status as DerivedStatus) : undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}

function ownershipPath(filter: OwnershipStatusFilter): string {
  return paths.ownership() + queryString({ ...filter });
}

export function OwnershipPage() {
  usePageTitle('Ownership');
  const { search } = useLocation();
  const key = search.toString();
  const filter = statusFilterFrom(search);
  const files = useResource(listOwnershipFiles, []);
  const statuses = useResource((signal) => listOwnershipStatuses({ ...filter, limit: STATUSES_PAGE_SIZE }, signal), [key]);
  const [result, setResult] = useState<OwnershipLoadResult>();
  const [removed, setRemoved] = useState<{ fileName: string; evaluation: OwnershipEvaluationSummary }>();
  const changed = () => {
    files.reload();
    statuses.reload();
  };

  return (
    <>
      <h1>Ownership</h1>
      <p className="lead">
        An entity no list names is still blocked when designated persons own or control it: under OFAC&apos;s 50 Percent Rule, the EU&apos;s
        and the UK&apos;s tests. Load who owns what, and every status is worked out again, each with its proof.
      </p>
      <section aria-labelledby="load-title" className="panel">
        <h2 id="load-title">Load an ownership file</h2>
        <UploadForm
          onLoaded={(r) => {
            setResult(r);
            setRemoved(undefined);
            changed();
          }}
        />
        {result && <LoadResult result={result} />}
      </section>

      <section aria-labelledby="files-title" className="panel">
        <h2 id="files-title">Loaded files</h2>
        <ErrorNotice error={files.error} />
        {files.loading && !files.data && <p role="status">Loading the files…</p>}
        {removed && <RemoveResult fileName={removed.fileName} evaluation={removed.evaluation} />}
        {files.data && (
          <FileList
            files={files.data.files}
            onDeleted={(fileName, evaluation) => {
              setRemoved({ fileName, evaluation });
              setResult(undefined);
              changed();
            }}
          />
        )}
      </section>

      <section aria-labelledby="statuses-title">
        <h2 id="statuses-title">Derived statuses</h2>
        <StatusFilters filter={filter} />
        <ErrorNotice error={statuses.error} />
        <p role="status" className="muted">
          {statuses.loading && !statuses.data
            ? 'Loading the statuses…'
            : statuses.data && statuses.data.statuses.length === 0
              ? 'No entity is blocked or possibly blocked by ownership or control with these filters.'
              : statuses.data
                ? `Statuses ${count((filter.offset ?? 0) + 1)}–${count((filter.offset ?? 0) + statuses.data.statuses.length)} of ${count(statuses.data.total)}.`
                : ''}
        </p>
        {statuses.data && statuses.data.statuses.length > 0 && <StatusTable statuses={statuses.data.statuses} />}
        {statuses.data && statuses.data.total > STATUSES_PAGE_SIZE && (
          <Pager filter={filter} total={statuses.data.total} shown={statuses.data.statuses.length} />
        )}
      </section>
    </>
  );
}

// --- Loading a file -----------------------------------------------------------------------------------

function UploadForm({ onLoaded }: { onLoaded: (result: OwnershipLoadResult) => void }) {
  return (
    <FileUploadForm
      inputId="ownership-file"
      label="Ownership file"
      accept={ACCEPTED}
      hint={
        <>
          Choose a file or drop it here: a CSV with the header <code>owner,owned,share[,share_max][,kind][,source][,date]</code>, BODS 0.4
          statements (JSON or JSON lines), or FollowTheMoney entities. Owners may be listed ids (<code>ofac:12345</code>) or names, which
          the screening engine matches to the lists.
        </>
      }
      submitLabel="Load file"
      busyLabel="Loading…"
      failureTitle="The file was not loaded:"
      upload={async (file) => onLoaded(await uploadOwnershipFile(file, file.name))}
    />
  );
}

function LoadResult({ result }: { result: OwnershipLoadResult }) {
  const { file, evaluation } = result;
  const problems = evaluation.problems ?? [];
  return (
    <div className="load-result" role="status" aria-label="Load result">
      <p className={`notice notice--${problems.length ? 'warning' : 'ok'}`}>
        {result.stored ? 'Loaded' : 'Already loaded (the same file, by its SHA-256)'} <strong>{file.fileName}</strong> ({file.format}):{' '}
        {count(file.nodes)} part{file.nodes === 1 ? 'y' : 'ies'}, {count(file.edges)} tie{file.edges === 1 ? '' : 's'};{' '}
        {count(result.resolved)} named {result.resolved === 1 ? 'party' : 'parties'} matched to a listed record by the screening engine
        {result.leftOut ? `; ${count(result.leftOut)} left out (ended or closed)` : ''}.
      </p>
      <table className="table table--compact regime-counts">
        <caption className="visually-hidden">Derived statuses per regime after loading</caption>
        <thead>
          <tr>
            <th scope="col">Regime</th>
            <th scope="col" className="num">
              Blocked
            </th>
            <th scope="col" className="num">
              Possibly blocked
            </th>
          </tr>
        </thead>
        <tbody>
          {OWNERSHIP_REGIMES.map((r) => (
            <tr key={r}>
              <th scope="row">{REGIME_NAMES[r]}</th>
              <td className="num">{count(evaluation.counts[r]?.blocked ?? 0)}</td>
              <td className="num">{count(evaluation.counts[r]?.possibly_blocked ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Changes title="Newly blocked" changes={evaluation.newlyBlocked} none="No entity is newly blocked." />
      {evaluation.unblocked.length > 0 && <Changes title="No longer blocked" changes={evaluation.unblocked} none="" />}
      {problems.length > 0 && (
        <>
          <h3>Problems</h3>
          <ul className="problems">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Changes({ title, changes, none }: { title: string; changes: OwnershipChange[]; none: string }) {
  return (
    <>
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="plain-list" aria-label={title}>
          {changes.map((c) => (
            <li key={`${c.id} ${c.regime}`}>
              <Link to={partyPath(c.id)}>{c.name}</Link> <OwnershipStatusBadge regime={c.regime} status={c.after} />{' '}
              <span className="muted">was {STATUS_WORDS[c.before] ?? c.before}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// --- The files loaded ----------------------------------------------------------------------------------

/** What removing a file changed: who is no longer blocked (and anyone newly blocked, should that happen). */
function RemoveResult({ fileName, evaluation }: { fileName: string; evaluation: OwnershipEvaluationSummary }) {
  return (
    <div className="load-result" role="status" aria-label="Remove result">
      <p className="notice notice--ok">
        Removed <strong>{fileName}</strong>; every status was worked out again without it.
      </p>
      <Changes title="No longer blocked" changes={evaluation.unblocked} none="No entity is unblocked by the removal." />
      {evaluation.newlyBlocked.length > 0 && <Changes title="Newly blocked" changes={evaluation.newlyBlocked} none="" />}
    </div>
  );
}

function FileList({
  files,
  onDeleted,
}: {
  files: OwnershipFile[];
  onDeleted: (fileName: string, evaluation: OwnershipEvaluationSummary) => void;
}) {
  const [confirming, setConfirming] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (files.length === 0) return <p className="muted">No ownership file is loaded: statuses come from the lists&apos; own ties alone.</p>;

  const remove = async (file: OwnershipFile) => {
    setBusy(true);
    setError(undefined);
    try {
      const { evaluation } = await deleteOwnershipFile(file.id);
      setConfirming(undefined);
      onDeleted(file.fileName, evaluation);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorNotice error={error} title="The file was not removed:" />
      <table className="table table--compact table--stacked files-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col" className="num">
              Parties
            </th>
            <th scope="col" className="num">
              Ties
            </th>
            <th scope="col">Loaded</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id}>
              <td data-label="File">
                <span>
                  <strong className="file-name">{f.fileName}</strong>{' '}
                  <span className="muted hash" title={`SHA-256 ${f.sha256}`}>
                    {f.sha256.slice(0, 12)}
                  </span>
                </span>
              </td>
              <td data-label="Format">{f.format}</td>
              <td data-label="Parties" className="num">
                {count(f.nodes)}
              </td>
              <td data-label="Ties" className="num">
                {count(f.edges)}
              </td>
              <td data-label="Loaded">{formatDateTime(f.loadedAt)}</td>
              <td data-label="">
                {confirming === f.id ? (
                  <span className="confirm" role="group" aria-label={`Remove ${f.fileName}?`}>
                    <span>Remove {f.fileName}? Every status is worked out again without it.</span>{' '}
                    <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => remove(f)}>
                      Remove
                    </button>{' '}
                    <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(undefined)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Remove ${f.fileName}`}
                    onClick={() => setConfirming(f.id)}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

// --- The derived statuses --------------------------------------------------------------------------------

function StatusFilters({ filter }: { filter: OwnershipStatusFilter }) {
  const regimes = [undefined, ...OWNERSHIP_REGIMES] as const;
  const kinds = [undefined, ...DERIVED] as const;
  return (
    <div className="filters">
      <nav className="segmented" aria-label="Filter by regime">
        {regimes.map((r) => (
          <Link
            key={r ?? 'all'}
            to={ownershipPath({ regime: r, status: filter.status })}
            className="segmented__item"
            aria-current={r === filter.regime ? 'page' : undefined}
          >
            {r ? REGIME_NAMES[r] : 'All regimes'}
          </Link>
        ))}
      </nav>
      <nav className="segmented" aria-label="Filter by status">
        {kinds.map((k) => (
          <Link
            key={k ?? 'all'}
            to={ownershipPath({ regime: filter.regime, status: k })}
            className={`segmented__item${k ? ` segmented__item--${k === 'blocked' ? 'block' : 'hold'}` : ''}`}
            aria-current={k === filter.status ? 'page' : undefined}
          >
            {k ? STATUS_WORDS[k] : 'Blocked and possibly blocked'}
          </Link>
        ))}
      </nav>
    </div>
  );
}

function StatusTable({ statuses }: { statuses: DerivedOwnershipStatus[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <div className="table-scroll">
      <table className="table table--stacked statuses-table">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">Regime</th>
            <th scope="col">Status</th>
            <th scope="col">Designated persons hold</th>
            <th scope="col">Proof</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => {
            const key = `${s.regime} ${s.id}`;
            const expanded = open.has(key);
            const proofId = `proof-${s.regime}-${s.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
            return (
              <Fragment key={key}>
                <tr>
                  <td data-label="Entity">
                    <span>
                      <Link to={partyPath(s.id)}>{s.name}</Link> <span className="muted id">{s.id}</span>
                    </span>
                  </td>
                  <td data-label="Regime">{REGIME_NAMES[s.regime] ?? s.regime}</td>
                  <td data-label="Status">
                    <span>
                      <OwnershipStatusBadge status={s.status} />
                    </span>
                  </td>
                  <td data-label="Hold">{aggregateWords(s.aggregate)}</td>
                  <td data-label="Proof">
                    <span>
                      <button
                        type="button"
                        className="button button--link button--small"
                        aria-expanded={expanded}
                        aria-controls={proofId}
                        onClick={() => toggle(key)}
                      >
                        {expanded ? 'Hide proof' : `Show proof (${s.proof.length} line${s.proof.length === 1 ? '' : 's'})`}
                      </button>
                    </span>
                  </td>
                </tr>
                {expanded && (
                  <tr className="proof-row">
                    <td colSpan={5} id={proofId}>
                      <ol className="proof" aria-label={`Proof: ${s.name} under ${REGIME_NAMES[s.regime]}`}>
                        {s.proof.map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ol>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ filter, total, shown }: { filter: OwnershipStatusFilter; total: number; shown: number }) {
  const offset = filter.offset ?? 0;
  return (
    <nav className="pager" aria-label="Status pages">
      <button
        type="button"
        className="button button--secondary"
        disabled={offset === 0}
        onClick={() => navigate(ownershipPath({ ...filter, offset: Math.max(0, offset - STATUSES_PAGE_SIZE) || undefined }))}
      >
        Previous
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + shown >= total}
        onClick={() => navigate(ownershipPath({ ...filter, offset: offset + STATUSES_PAGE_SIZE }))}
      >
        Next
      </button>
    </nav>
  );
}
