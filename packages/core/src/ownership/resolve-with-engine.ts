/**
 * @module ownership/resolve-with-engine
 * The party lookup `resolveParties` asks, built over a screening engine: identifiers through an index of
 * the listed records' identifier properties, names through `ScreeningEngine.screen` with the party's
 * schema, birth date and countries. Pure: the engine is in memory.
 *
 * @example
 * const lookup = engineLookup(new ScreeningEngine(publication.entities));
 * lookup.byIdentifier('swiftBic', 'VTBRRUMM') // 'ofac:17013'
 * lookup.byName({ id: 'csv:vtb', name: 'VTB Bank PJSC', countries: ['RU'], source }) // { recordId: 'ofac:17013', score: 0.9…, reason: '…' }
 */
import type { ScreeningEngine, ScreeningMatch } from '../match/engine.js';
import type { Entity } from '../model/entity.js';
import { normaliseIdentifier, type ScreeningQuery } from '../match/query.js';
import { countryCode } from '../model/countries.js';
import { IDENTIFIER_PROPERTIES, isSchemaName, type IdentifierProperty } from '../model/schema.js';
import type { GraphNode } from './graph.js';
import type { MaybePromise, PartyLookup, PartyResolution } from './resolve.js';

/**
 * Numbers shorter than this identify nobody. Here a number settles who a party is without its name, so
 * the bar is above the engine's (4, where a number only brings a record up for its name to be scored):
 * OFAC lists VTB's banking "License 1000", and BICs (8), IMO numbers (7), company numbers (8) and LEIs
 * (20) are all longer.
 */
const SHORTEST_IDENTIFIER = 6;

/**
 * Which listed properties an identifier scheme may be compared with, as the formats name schemes
 * (FollowTheMoney properties, BODS org-id codes such as `GB-COH`, `XI-LEI`, `GBR-PASSPORT`). A vessel,
 * aircraft or bank code is compared only with its own kind; every other scheme (LEI, company register,
 * tax number, national id) with the registration, tax and id numbers, since OFAC files an LEI as a
 * registration number ("Legal Entity Number") and a Russian INN as a tax number.
 */
const SCHEME_PROPERTIES: readonly { scheme: RegExp; properties: readonly IdentifierProperty[] }[] = [
  { scheme: /^(imo|imonumber)$/i, properties: ['imoNumber'] },
  { scheme: /^mmsi$/i, properties: ['mmsi'] },
  { scheme: /^(bic|swift|swiftbic|swift\/bic)$/i, properties: ['swiftBic'] },
  { scheme: /^callsign$/i, properties: ['callSign'] },
  { scheme: /passport/i, properties: ['passportNumber', 'idNumber'] },
];
const REGISTRY_PROPERTIES: readonly IdentifierProperty[] = ['registrationNumber', 'taxNumber', 'idNumber'];

function propertiesOf(scheme: string): readonly IdentifierProperty[] {
  return SCHEME_PROPERTIES.find((s) => s.scheme.test(scheme))?.properties ?? REGISTRY_PROPERTIES;
}

/** The country an org-id scheme names (`GB-COH` → GB); none for `XI-LEI` and other pseudo-codes. */
function schemeCountry(scheme: string): string | undefined {
  const prefix = /^([A-Za-z]{2})-/.exec(scheme)?.[1];
  return prefix ? countryCode(prefix) : undefined;
}

interface HeldIdentifier {
  recordId: string;
  property: IdentifierProperty;
  /** The country the list states for the document or registration, where it does. */
  country?: string;
}

export interface EngineLookupOptions {
  /** The score a name match must reach (default: the engine's alert threshold). */
  threshold?: number;
}

/**
 * A lookup over the engine's listed records. An identifier resolves when exactly one record holds it in
 * a property its scheme may name, with no country that contradicts the scheme's; a name resolves to the
 * best match that alerts, screened once per country of the party (a party of several countries is
 * compared with each, and the best comparison counts).
 */
export function engineLookup(engine: ScreeningEngine, options: EngineLookupOptions = {}): PartyLookup {
  return screeningLookup(engine.index.entities, (query, screenOptions) => engine.screen(query, screenOptions), {
    threshold: options.threshold ?? engine.algorithm.threshold,
  });
}

/** Screens a query as an engine does, here or on another thread (the server's screening service). */
export type ScreenFunction = (query: ScreeningQuery, options: { limit: number; threshold: number }) => MaybePromise<ScreeningMatch[]>;

/** `engineLookup` over listed records and a screening function, for an engine this thread does not hold. */
export function screeningLookup(entities: Iterable<Entity>, screen: ScreenFunction, options: { threshold: number }): PartyLookup {
  const held = identifierIndex(entities);
  const threshold = options.threshold;
  return {
    byIdentifier(scheme, value) {
      const normalised = normaliseIdentifier(value);
      if (normalised.length < SHORTEST_IDENTIFIER) return undefined;
      const properties = propertiesOf(scheme);
      const country = schemeCountry(scheme);
      const holders = new Set(
        (held.get(normalised) ?? [])
          .filter((h) => properties.includes(h.property) && (!country || !h.country || h.country === country))
          .map((h) => h.recordId),
      );
      // Two records holding one number (a company and its branch, a reused passport) identify neither.
      return holders.size === 1 ? [...holders][0] : undefined;
    },
    byName(node) {
      return bestNameMatch(screen, node, threshold);
    },
  };
}

function identifierIndex(entities: Iterable<Entity>): Map<string, HeldIdentifier[]> {
  const index = new Map<string, HeldIdentifier[]>();
  for (const entity of entities)
    for (const property of IDENTIFIER_PROPERTIES)
      for (const s of entity.properties[property] ?? []) {
        const value = normaliseIdentifier(s.value);
        if (value.length < SHORTEST_IDENTIFIER) continue;
        const entry: HeldIdentifier = { recordId: entity.id, property, ...(s.country ? { country: s.country } : {}) };
        const list = index.get(value);
        if (list) list.push(entry);
        else index.set(value, [entry]);
      }
  return index;
}

async function bestNameMatch(screen: ScreenFunction, node: GraphNode, threshold: number): Promise<PartyResolution | undefined> {
  const base: ScreeningQuery = {
    name: node.name,
    ...(node.schema && isSchemaName(node.schema) ? { schema: node.schema } : {}),
    ...(node.birthDate ? { birthDate: node.birthDate } : {}),
  };
  const countries = node.countries?.length ? node.countries : [undefined];
  let best: PartyResolution | undefined;
  for (const country of countries) {
    const [top] = await screen(country ? { ...base, country } : base, { limit: 1, threshold });
    if (top && top.score >= threshold && (!best || top.score > best.score))
      best = { recordId: top.id, score: top.score, reason: top.explanation.summary };
  }
  return best;
}
