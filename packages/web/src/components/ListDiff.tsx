/**
 * @module components/ListDiff
 * What changed between two publications of one list, from the `GET /v1/lists/diff` answer alone:
 * the counts, a table by sanctions programme, and the records added, removed and changed (named by
 * their captions, each linking to its profile; changed records list the fields that changed). Pure:
 * no fetching; long lists show their first entries with a button for the rest.
 * @example <ListDiff diff={await diffPublications(3, 7)} />
 */
import { useState } from 'react';
import type { ChangeCounts, ListDiffResponse } from '../api/types';
import { EntityLink } from './EntityLink';
import { count } from '../text/format';

/** Entries shown per list before "Show all": enough to scan, few enough to render at once. */
export const LIST_PREVIEW = 100;

export interface ListDiffProps {
  diff: ListDiffResponse;
  /** Level of the section headings (default 2). */
  headingLevel?: 2 | 3;
}

/** Programmes with the most changes first, then by name. */
export function programmeRows(byProgram: Record<string, ChangeCounts>): [string, ChangeCounts][] {
  const total = (c: ChangeCounts) => c.added + c.removed + c.changed;
  return Object.entries(byProgram).sort(([a, x], [b, y]) => total(y) - total(x) || a.localeCompare(b));
}

function publicationName(p: ListDiffResponse['from']): string {
  return `${p.source} ${p.published ?? 'undated'} (#${p.id})`;
}

export function ListDiff({ diff, headingLevel = 2 }: ListDiffProps) {
  const H = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const caption = (id: string) => diff.captions[id] ?? id;
  const rows = programmeRows(diff.byProgram);
  const empty = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section className="list-diff" aria-labelledby="list-diff-title">
      <H id="list-diff-title">
        Changes from {publicationName(diff.from)} to {publicationName(diff.to)}
      </H>
      <dl className="stats">
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
      {empty ? (
        <p>The two publications list the same records with the same content.</p>
      ) : (
        <>
          <Sub>By programme</Sub>
          <div className="table-scroll">
            <table className="table">
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
                {rows.map(([programme, c]) => (
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
          <div className="diff-columns">
            <DiffList title="Added" Heading={Sub} items={diff.added.map((id) => ({ id, caption: caption(id) }))} />
            <DiffList title="Removed" Heading={Sub} items={diff.removed.map((id) => ({ id, caption: caption(id) }))} />
            <DiffList
              title="Changed"
              Heading={Sub}
              items={diff.changed.map((c) => ({ id: c.id, caption: caption(c.id), fields: c.fields }))}
            />
          </div>
        </>
      )}
    </section>
  );
}

interface DiffItem {
  id: string;
  caption: string;
  fields?: string[];
}

function DiffList({ title, Heading, items }: { title: string; Heading: 'h3'; items: DiffItem[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, LIST_PREVIEW);
  return (
    <section className="diff-list" aria-label={`${title} records`}>
      <Heading>
        {title} ({items.length})
      </Heading>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {shown.map((item) => (
            <li key={item.id}>
              <EntityLink id={item.id} caption={item.caption} /> <span className="muted id">{item.id}</span>
              {item.fields && <div className="diff-list__fields">Changed fields: {item.fields.join(', ')}</div>}
            </li>
          ))}
        </ul>
      )}
      {!all && items.length > LIST_PREVIEW && (
        <button type="button" className="button button--secondary" onClick={() => setAll(true)}>
          Show all {count(items.length)} {title.toLowerCase()}
        </button>
      )}
    </section>
  );
}
