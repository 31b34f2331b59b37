/**
 * @module components/StatementValue
 * One value of a listed record's property with its qualifiers, as the lists give them: "circa 1962 to
 * 1964", the issuing country, the kind of document, the list's own words where they differ.
 */
import type { Statement } from '../api/types';
import { COUNTRY_PROPERTIES } from '../text/entity-fields';
import { countryName } from '../text/format';
import { isNonLatin, scriptName } from '../text/match-words';

export function StatementValue({ property, statement: s }: { property: string; statement: Statement }) {
  const value = COUNTRY_PROPERTIES.has(property) ? countryName(s.value) : s.value;
  const extras = [
    s.kind,
    s.country && !COUNTRY_PROPERTIES.has(property) ? countryName(s.country) : '',
    s.note,
    s.original && s.original !== s.value ? `list: “${s.original}”` : '',
  ].filter(Boolean);
  return (
    <>
      {s.approximate && 'circa '}
      {value}
      {s.until && ` to ${s.until}`}
      {s.script && isNonLatin(s.script) && <span className="badge badge--script">{scriptName(s.script)}</span>}
      {extras.length > 0 && <span className="muted"> ({extras.join('; ')})</span>}
    </>
  );
}
