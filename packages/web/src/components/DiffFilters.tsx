/**
 * @module components/DiffFilters
 * The filters of a list comparison: programme, country and kind (chosen from what the comparison holds)
 * and free text over the records' names, with the CSV export of the same rows. A choice applies at once;
 * the text applies on Enter or "Filter". Pure: it reports the filter, the page fetches.
 * @example <DiffFilters facets={diff.facets} value={filter} onChange={setFilter} csvUrl={diffCsvUrl(3, 7, filter)} />
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { DiffFilter, ListDiffResponse } from '../api/types';

export interface DiffFiltersProps {
  facets: ListDiffResponse['facets'];
  value: DiffFilter;
  onChange: (filter: DiffFilter) => void;
  /** Where the filtered rows download as CSV. */
  csvUrl: string;
}

/** The filter without its empty fields, so `{ programme: '' }` asks for no programme. */
export function cleanFilter(filter: DiffFilter): DiffFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v.trim() !== '')) as DiffFilter;
}

export function DiffFilters({ facets, value, onChange, csvUrl }: DiffFiltersProps) {
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const choose = (field: keyof DiffFilter, chosen: string) => onChange(cleanFilter({ ...value, [field]: chosen, q: text }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(cleanFilter({ ...value, q: text }));
  };
  const any = Object.keys(cleanFilter(value)).length > 0;
  return (
    <form className="form panel diff-filters" role="search" aria-label="Filter the changes" onSubmit={submit}>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="diff-programme">Programme</label>
          <select id="diff-programme" value={value.programme ?? ''} onChange={(e) => choose('programme', e.target.value)}>
            <option value="">All programmes</option>
            {facets.programmes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-country">Country</label>
          <select id="diff-country" value={value.country ?? ''} onChange={(e) => choose('country', e.target.value)}>
            <option value="">All countries</option>
            {facets.countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-schema">Kind</label>
          <select id="diff-schema" value={value.schema ?? ''} onChange={(e) => choose('schema', e.target.value)}>
            <option value="">All kinds</option>
            {facets.schemata.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-text">Name or id</label>
          <input id="diff-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. Dandong" />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Filter
        </button>
        {any && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setText('');
              onChange({});
            }}
          >
            Clear filters
          </button>
        )}
        <a className="button button--secondary" href={csvUrl} download>
          Download CSV
        </a>
      </div>
    </form>
  );
}
