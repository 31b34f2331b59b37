/**
 * @module components/ListDiff
 * What changed between two publications of one list, from the `GET /v1/lists/diff` answer alone: the
 * counts, a notice when one side lacks companion files (its aliases and addresses are not comparable), a
 * table by sanctions programme, and the records (filtered by the server, sorted by name) with their change,
 * kind, programmes and the first publication each was seen in, each linking to its profile. Pure: no
 * fetching; a long table shows its first rows with a button for the rest.
 * @example <ListDiff diff={await diffPublications(3, 7, { programme: 'DPRK3' })} />
 */
import { useEffect, useState } from 'react';
import type { ChangeCounts, DiffRow, ListDiffResponse, Publication } from '../api/types';
import { EntityLink } from './EntityLink';
import { count } from '../text/format';

/** Rows shown before "Show all": enough to scan, few enough to render at once. */
export const LIST_PREVIEW = 100;

export interface ListDiffProps {
  diff: ListDiffResponse;
  /** Level of the section headings (default 2). */
  headingLevel?: 2 | 3;
  /** Filters and the export, rendered between the counts and the records (the page's <DiffFilters>). */
  filters?: React.ReactNode;
  /** Whether the rows are narrowed by filters (the counts then describe the rows shown). */
  filtered?: boolean;
}

/** Programmes with the most changes first, then by name. */
export function programmeRows(byProgram: Record<string, ChangeCounts>): [string, ChangeCounts][] {
  const total = (c: ChangeCounts) => c.added + c.removed + c.changed;
  return Object.entries(byProgram).sort(([a, x], [b, y]) => total(y) - total(x) || a.localeCompare(b));
}

function publicationName(p: Pick<Publication, 'source' | 'published' | 'id'>): string {
  return `${p.source} ${p.published ?? 'undated'} (#${p.id})`;
}

/** "alias/address files", from the missing file names (`alt.csv` holds aliases, `add.csv` addresses). */
export function missingFilesWords(files: readonly string[]): string {
  const kinds = files.map((f) => (/alt\.csv$/i.test(f) ? 'alias' : /add\.csv$/i.test(f) ? 'address' : f));
  const order = (k: string) => ['alias', 'address'].indexOf(k) >>> 0;
  return `${[...new Set(kinds)].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).join('/')} files`;
}

const CHANGE_LABEL = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

export function ListDiff({ diff, headingLevel = 2, filters, filtered = false }: ListDiffProps) {
  const H = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const programmes = programmeRows(diff.byProgram);
  const nothingChanged = Object.keys(diff.bySource).length === 0 && !diff.incomparable?.records;
  return (
    <section className="list-diff" aria-labelledby="list-diff-title">
      <H id="list-diff-title">
        Changes from {publicationName(diff.from)} to {publicationName(diff.to)}
      </H>
      {diff.incomparable && <IncomparableNotice incomparable={diff.incomparable} from={diff.from} />}
      {nothingChanged ? (
        <p>The two publications list the same records with the same content.</p>
      ) : (
        <>
          <Sub>By programme</Sub>
          <div className="table-scroll">
            <table className="table" aria-label="Changes by programme">
              <thead>
                <tr>
                  <th scope="col">Programme</th>
                  <th scope="col" className="num">
                    Added
                  </th>
                  <th scope="col" className="num">
                    Removed
                  </th>
                  <th scope="col" className="num">
                    Changed
                  </th>
                </tr>
              </thead>
              <tbody>
                {programmes.map(([programme, c]) => (
                  <tr key={programme}>
                    <th scope="row">{programme}</th>
                    <td className="num">{count(c.added)}</td>
                    <td className="num">{count(c.removed)}</td>
                    <td className="num">{count(c.changed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Sub>Records</Sub>
          {filters}
          <dl className="stats" aria-label={filtered ? 'Records shown' : 'Records'}>
            <div className="stat stat--added">
              <dt>Added</dt>
              <dd>{count(diff.added.length)}</dd>
            </div>
            <div className="stat stat--removed">
              <dt>Removed</dt>
              <dd>{count(diff.removed.length)}</dd>
            </div>
            <div className="stat stat--changed">
              <dt>Changed</dt>
              <dd>{count(diff.changed.length)}</dd>
            </div>
          </dl>
          <DiffRows rows={diff.rows} />
        </>
      )}
    </section>
  );
}

function IncomparableNotice({ incomparable, from }: { incomparable: NonNullable<ListDiffResponse['incomparable']>; from: Publication }) {
  return (
    <div className="notice notice--warning" role="note" aria-label="Not comparable">
      {incomparable.publications.map((p) => (
        <p key={p.id}>
          <strong>
            {from.source} {p.published ?? 'undated'} (#{p.id})
          </strong>{' '}
          has no {missingFilesWords(p.missingFiles)} ({p.missingFiles.join(', ')}): changes in aliases and addresses are not comparable.
        </p>
      ))}
      <p>
        {count(incomparable.records)} records that differ only in {incomparable.fields.join(', ')} are not counted as changed.
      </p>
    </div>
  );
}

function DiffRows({ rows }: { rows: DiffRow[] }) {
  const [all, setAll] = useState(false);
  // New rows (another filter, another pair) start cut again: "Show all" was asked of the rows before.
  useEffect(() => setAll(false), [rows]);
  if (rows.length === 0) return <p className="muted">No record matches these filters.</p>;
  const shown = all ? rows : rows.slice(0, LIST_PREVIEW);
  return (
    <>
      <div className="table-scroll">
        <table className="table diff-rows" aria-label="Changed records">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Change</th>
              <th scope="col">Kind</th>
              <th scope="col">Programmes</th>
              <th scope="col">First seen</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className={`diff-row diff-row--${r.change}`}>
                <td className="name">
                  <EntityLink id={r.id} caption={r.name} /> <span className="muted id">{r.id}</span>
                  {r.fields && <div className="diff-list__fields">Changed fields: {r.fields.join(', ')}</div>}
                </td>
                <td>{CHANGE_LABEL[r.change]}</td>
                <td>{r.schema}</td>
                <td>{r.programmes.join(', ')}</td>
                <td>{r.firstSeen ? (r.firstSeen.published ?? `#${r.firstSeen.publicationId}`) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && rows.length > LIST_PREVIEW && (
        <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
          Show all {count(rows.length)} records
        </button>
      )}
    </>
  );
}
