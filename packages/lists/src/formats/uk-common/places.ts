/**
 * @module formats/uk-common/places
 * Places of birth: "Town of Birth" and "Country of Birth" are numbered alike when there are several
 * ("(1) Manzil Tmim (2)-(6) -" with "(1)-(2) Tunisia (3) Libya (4) Algeria …"): a town goes with the country
 * of the same number, and a country without a town is a place of birth by itself unless a town in it is
 * already given.
 */
import { addStatement, type Entity, type RecordIssue, type Statement } from '@embargo/core';
import { countryStatement, type RecordSite } from './countries.js';
import { numberedItems } from './numbered.js';

export function addBirthPlaces(entity: Entity, towns: string, countries: string, site: RecordSite, issues: RecordIssue[]): void {
  const townItems = numberedItems(towns);
  const countryItems = numberedItems(countries);
  const single = countryItems.length === 1 && countryItems[0].index === undefined ? countryItems[0] : undefined;
  const seen = new Set<string>();
  for (const town of townItems) {
    const country = countryItems.find((c) => c.index !== undefined && c.index === town.index) ?? single;
    if (country) seen.add(country.value);
    addStatement(entity, 'birthPlace', place(town.value, country?.value, site, issues));
  }
  for (const country of countryItems) {
    if (seen.has(country.value)) continue;
    seen.add(country.value);
    addStatement(entity, 'birthPlace', place(undefined, country.value, site, issues));
  }
}

function place(town: string | undefined, country: string | undefined, site: RecordSite, issues: RecordIssue[]): Statement {
  const statement: Statement = { value: [town, country].filter(Boolean).join(', ') };
  const code = country ? countryStatement(country, site, 'Country of Birth', issues) : undefined;
  if (code) statement.country = code.value;
  return statement;
}
