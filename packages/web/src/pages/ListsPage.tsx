/**
 * @module pages/ListsPage
 * `/lists`: every publication loaded (`GET /v1/lists`, newest first; `current` marks those in force), and
 * a comparison of two publications of one list (`GET /v1/lists/diff`), shown by <ListDiff>. The "To"
 * choices follow the "From" list's source, since only publications of one source can be compared.
 */
import { useState, type FormEvent } from 'react';
import { diffPublications, listPublications } from '../api/embargo';
import type { ListDiffResponse, Publication } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListDiff } from '../components/ListDiff';
import { usePageTitle } from '../page-title';
import { formatDateTime } from '../text/format';
import { useResource } from '../use-resource';

function publicationLabel(p: Publication): string {
  return `${p.source} · ${p.published ?? 'undated'} · #${p.id}${p.current ? ' (current)' : ''}`;
}

/** The comparison to offer first: the newest publication in force against the one before it of that list. */
export function defaultComparison(publications: readonly Publication[]): { from?: number; to?: number } {
  const to = publications.find((p) => p.current) ?? publications[0];
  if (!to) return {};
  const older = publications.filter((p) => p.source === to.source && p.id !== to.id && p.loadedAt <= to.loadedAt);
  return { from: (older[0] ?? to).id, to: to.id };
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
                        <td>{p.current ? <span className="badge badge--ok">current</span> : <span className="muted">no</span>}</td>
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

function Compare({ publications }: { publications: Publication[] }) {
  const initial = defaultComparison(publications);
  const [from, setFrom] = useState(initial.from ?? publications[0].id);
  const [to, setTo] = useState(initial.to ?? publications[0].id);
  const [diff, setDiff] = useState<ListDiffResponse>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fromPublication = publications.find((p) => p.id === from);
  const sameSource = publications.filter((p) => p.source === fromPublication?.source);

  const changeFrom = (id: number) => {
    setFrom(id);
    const source = publications.find((p) => p.id === id)?.source;
    // Keep "To" on the same list: the newest publication of the new source.
    if (publications.find((p) => p.id === to)?.source !== source) setTo(publications.find((p) => p.source === source)?.id ?? id);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setDiff(await diffPublications(from, to));
    } catch (e) {
      setDiff(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="compare-title" className="compare">
      <h2 id="compare-title">Compare two publications</h2>
      <form className="form panel" onSubmit={submit} aria-label="Compare two publications">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="diff-from">From</label>
            <select id="diff-from" value={from} onChange={(e) => changeFrom(Number(e.target.value))}>
              {publications.map((p) => (
                <option key={p.id} value={p.id}>
                  {publicationLabel(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">To</label>
            <select id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))} aria-describedby="diff-to-hint">
              {sameSource.map((p) => (
                <option key={p.id} value={p.id}>
                  {publicationLabel(p)}
                </option>
              ))}
            </select>
            <p className="hint" id="diff-to-hint">
              Publications of the same list as “From”.
            </p>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
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
      {diff && <ListDiff diff={diff} headingLevel={3} />}
    </section>
  );
}
