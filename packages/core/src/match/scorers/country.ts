/**
 * @module match/scorers/country
 * The query's country against every country the list links to the entity (nationality, citizenship,
 * addresses, registration, flag).
 */
import { countryName } from '../../model/countries.js';
import type { Entity } from '../../model/entity.js';
import type { MatchContext, ScorerOutcome } from './context.js';

const COUNTRY_LINKS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'flag', 'registrationCountry'] as const;

export function entityCountries(entity: Entity): Set<string> {
  const codes = new Set<string>();
  for (const p of COUNTRY_LINKS) for (const s of entity.properties[p] ?? []) codes.add(s.value.toUpperCase());
  for (const p of ['address', 'passportNumber', 'idNumber', 'birthPlace'] as const)
    for (const s of entity.properties[p] ?? []) if (s.country) codes.add(s.country.toUpperCase());
  return codes;
}

/** The query's country is one the list links to the entity. */
export function scoreCountryAgreement(ctx: MatchContext): ScorerOutcome | null {
  const code = ctx.query.countryCode;
  if (!code || !entityCountries(ctx.entity).has(code)) return null;
  return { value: 1, detail: `${countryName(code)} is linked to the listed record` };
}

/** The list links the entity to countries and the query's is none of them. */
export function scoreCountryConflict(ctx: MatchContext): ScorerOutcome | null {
  const code = ctx.query.countryCode;
  if (!code) return null;
  const listed = entityCountries(ctx.entity);
  if (listed.size === 0 || listed.has(code)) return null;
  return { value: 1, detail: `${countryName(code)}; listed ${[...listed].map(countryName).join(', ')}` };
}
