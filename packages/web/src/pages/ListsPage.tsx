/**
 * @module pages/ListsPage
 * `/lists`: every publication loaded (`GET /v1/lists`; `current` marks those in force, the others are
 * history), a notice for publications that lack companion files, and a comparison of two publications of
 * one list (`GET /v1/lists/diff`), shown by <ListDiff> with <DiffFilters> (programme, country, kind, text;
 * CSV export). "To" offers the other publications of the "From" list only: a publication is never
 * compared with itself.
 */
import { useState, type FormEvent } from 'react';
import { diffCsvUrl, diffPublications, listPublications } from '../api/embargo';
import type { DiffFilter, ListDiffResponse, Publication } from '../api/types';
import { DiffFilters } from '../components/DiffFilters';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListDiff, missingFilesWords } from '../components/ListDiff';
import { usePageTitle } from '../page-title';
import { formatDateTime } from '../text/format';
import { useResource } from '../use-resource';

function publicationLabel(p: Publication): string {
  return `${p.source} · ${p.published ?? 'undated'} · #${p.id}${p.current ? ' (current)' : ' (history)'}`;
}

/** By list, then newest published first (undated last), then newest load: the order the selects offer. */
export function byListNewestFirst(publications: readonly Publication[]): Publication[] {
  return [...publications].sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      (b.published ?? '').localeCompare(a.published ?? '') ||
      b.loadedAt.localeCompare(a.loadedAt) ||
      b.id - a.id,
  );
}

/** The publications "To" may be for this "From": the others of the same list. */
export function comparableWith(publications: readonly Publication[], from: number): Publication[] {
  const source = publications.find((p) => p.id === from)?.source;
  return byListNewestFirst(publications).filter((p) => p.source === source && p.id !== from);
}

/**
 * The comparison to offer first: a publication in force against the one published before it on that list
 * (the first list that has two); none when no list has two publications.
 */
export function defaultComparison(publications: readonly Publication[]): { from?: number; to?: number } {
  const ordered = byListNewestFirst(publications);
  for (const to of ordered.filter((p) => p.current)) {
    const older = ordered.find((p) => p.source === to.source && p.id !== to.id && (p.published ?? '') <= (to.published ?? ''));
    if (older) return { from: older.id, to: to.id };
  }
  const first = ordered.find((p) => comparableWith(ordered, p.id).length > 0);
  return first ? { from: first.id, to: comparableWith(ordered, first.id)[0].id } : {};
}

export function ListsPage() {
  usePageTitle('Lists');
  const { data, error, loading } = useResource((signal) => listPublications(signal), []);
  const publications = data?.publications ?? [];
  return (
    <>
      <h1>Lists</h1>
      <p className="lead">The official list publications Embargo has loaded. Those marked current are the lists screenings run against.</p>
      <ErrorNotice error={error} />
      {loading && !data && <p role="status">Loading publications…</p>}
      {data && (
        <>
          <IncompleteHistoryNotice publications={publications} />
          <section aria-labelledby="publications-title">
            <h2 id="publications-title">Publications</h2>
            {publications.length === 0 ? (
              <p>No publication has been loaded yet.</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Source</th>
                      <th scope="col">Published</th>
                      <th scope="col">Loaded</th>
                      <th scope="col" className="num">
                        Records
                      </th>
                      <th scope="col" className="num">
                        Issues
                      </th>
                      <th scope="col">Current</th>
                      <th scope="col" className="num">
                        Id
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {publications.map((p) => (
                      <tr key={p.id}>
                        <td>{p.source}</td>
                        <td>{p.published ?? <span className="muted">undated</span>}</td>
                        <td>{formatDateTime(p.loadedAt)}</td>
                        <td className="num">{p.records.toLocaleString('en-GB')}</td>
                        <td className="num">{p.issues}</td>
                        <td>
                          {p.current ? <span className="badge badge--ok">current</span> : <span className="muted">history</span>}
                          {p.missingFiles.length > 0 && (
                            <>
                              {' '}
                              <span className="badge badge--warning" title={`Missing ${p.missingFiles.join(', ')}`}>
                                no {missingFilesWords(p.missingFiles)}
                              </span>
                            </>
                          )}
                        </td>
                        <td className="num">{p.id}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {publications.length > 0 && <Compare publications={publications} />}
        </>
      )}
    </>
  );
}

/** Publications kept as history without their companion files, named, with what that means for comparisons. */
function IncompleteHistoryNotice({ publications }: { publications: Publication[] }) {
  const lacking = byListNewestFirst(publications).filter((p) => p.missingFiles.length > 0);
  if (lacking.length === 0) return null;
  return (
    <div className="notice notice--warning" role="note" aria-label="Publications without companion files">
      {lacking.map((p) => (
        <p key={p.id}>
          <strong>
            {p.source} {p.published ?? 'undated'} (#{p.id})
          </strong>{' '}
          has no {missingFilesWords(p.missingFiles)} ({p.missingFiles.join(', ')}): changes in aliases and addresses are not comparable.
        </p>
      ))}
    </div>
  );
}

function Compare({ publications }: { publications: Publication[] }) {
  const ordered = byListNewestFirst(publications);
  const initial = defaultComparison(publications);
  const [from, setFrom] = useState(initial.from ?? ordered[0].id);
  const [to, setTo] = useState<number | undefined>(initial.to);
  const [filter, setFilter] = useState<DiffFilter>({});
  const [diff, setDiff] = useState<ListDiffResponse>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const choices = comparableWith(publications, from);

  const changeFrom = (id: number) => {
    setFrom(id);
    // Keep "To" on the same list and never on "From" itself: the newest other publication of the list.
    const others = comparableWith(publications, id);
    if (!others.some((p) => p.id === to)) setTo(others[0]?.id);
  };

  const compare = async (pair: { from: number; to: number }, withFilter: DiffFilter) => {
    setBusy(true);
    setError(undefined);
    try {
      setDiff(await diffPublications(pair.from, pair.to, withFilter));
    } catch (e) {
      setDiff(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to === undefined) return;
    setFilter({});
    void compare({ from, to }, {});
  };

  const applyFilter = (next: DiffFilter) => {
    setFilter(next);
    if (diff) void compare({ from: diff.from.id, to: diff.to.id }, next);
  };

  return (
    <section aria-labelledby="compare-title" className="compare">
      <h2 id="compare-title">Compare two publications</h2>
      <form className="form panel" onSubmit={submit} aria-label="Compare two publications">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="diff-from">From</label>
            <select id="diff-from" value={from} onChange={(e) => changeFrom(Number(e.target.value))}>
              {ordered.map((p) => (
                <option key={p.id} value={p.id}>
                  {publicationLabel(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">To</label>
            <select
              id="diff-to"
              value={to ?? ''}
              onChange={(e) => setTo(Number(e.target.value))}
              aria-describedby="diff-to-hint"
              disabled={choices.length === 0}
            >
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {publicationLabel(p)}
                </option>
              ))}
            </select>
            <p className="hint" id="diff-to-hint">
              {choices.length === 0 ? 'No other publication of this list is stored.' : 'The other publications of the same list as “From”.'}
            </p>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy || to === undefined}>
            Compare
          </button>
          {busy && (
            <span role="status" className="muted">
              Comparing…
            </span>
          )}
        </div>
      </form>
      <ErrorNotice error={error} title="Could not compare:" />
      {diff && (
        <ListDiff
          diff={diff}
          headingLevel={3}
          filtered={Object.keys(filter).length > 0}
          filters={
            <DiffFilters facets={diff.facets} value={filter} onChange={applyFilter} csvUrl={diffCsvUrl(diff.from.id, diff.to.id, filter)} />
          }
        />
      )}
    </section>
  );
}
