/**
 * @module routes/compat
 * Endpoints shaped like two screening services clients already integrate with, so they can switch to
 * Embargo by changing a base URL:
 * - OpenSanctions yente: `POST /match/{dataset}` with FollowTheMoney query entities, answering
 *   `responses.{key}.results[]` with `score` and `match`.
 * - moov-io/watchman: `GET /v2/search?name=&type=&limit=&minMatch=`, answering `entities[]` (name, entityType,
 *   sourceList, sourceID, match); `GET /search` answers the same plus v1's `SDNs[]` and `altNames[]`.
 * Both screen with Embargo's engine; neither records a screening (clients use /v1/screen for that). Their
 * inputs are held to the same limits as /v1/screen: names with content and at most 100 words, real birth
 * dates, at most 20 values per property and 20 identifiers. yente's `threshold` parameter only decides
 * which results its answer marks `match`; what Embargo alerts on is the deployment's threshold.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  birthDateProblem,
  controlCharacterProblem,
  isSchemaName,
  nameProblem,
  values,
  type Entity,
  type SchemaName,
  type ScreeningMatch,
  type ScreeningQuery,
} from '@embargo/core';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { invalid } from '../http-errors.js';
import { AUTH_ERRORS, BirthDate, PartyName } from '../schemas.js';
import { watchmanEntity } from './watchman-entity.js';

/** The most values one property of a query entity may have, and the most identifiers (as /v1/screen). */
const MAX_PROPERTY_VALUES = 20;
const MAX_QUERY_IDENTIFIERS = 20;

const FtmValue = Type.String({ maxLength: 500 });
const FtmQuery = Type.Object({
  schema: Type.String({ minLength: 1, maxLength: 50 }),
  // yente takes a property's values as a list or, for one value, as a bare string.
  properties: Type.Record(
    Type.String({ maxLength: 100 }),
    Type.Union([FtmValue, Type.Array(FtmValue, { maxItems: MAX_PROPERTY_VALUES })]),
    { maxProperties: 100 },
  ),
});

/** FollowTheMoney properties that carry identifiers a query may give. */
const QUERY_IDENTIFIERS = ['passportNumber', 'idNumber', 'registrationNumber', 'imoNumber', 'swiftBic', 'taxNumber', 'innCode'];

/** A yente query entity as an Embargo screening query; the first name is screened. */
export function queryFromFtm(key: string, q: { schema: string; properties: Record<string, string | string[]> }): ScreeningQuery {
  const p = Object.fromEntries(Object.entries(q.properties).map(([k, v]) => [k, typeof v === 'string' ? [v] : v]));
  const at = `body/queries/${key}/properties`;
  const name = (p.name ?? [])[0];
  if (!name) throw invalid(`queries.${key}.properties.name must hold at least one name`, `${at}/name`);
  // Every value is checked, not only the one screened: the client sent them all as the party's.
  for (const value of p.name ?? []) {
    const why = controlCharacterProblem(value, false) ?? nameProblem(value);
    if (why) throw invalid(`${at}/name ${why}`, `${at}/name`);
  }
  for (const value of p.birthDate ?? []) {
    const why = birthDateProblem(value);
    if (why) throw invalid(`${at}/birthDate ${why}`, `${at}/birthDate`);
  }
  if (!isSchemaName(q.schema))
    throw invalid(`queries.${key}.schema "${q.schema}" is not a schema Embargo screens`, `body/queries/${key}/schema`);
  const identifiers = QUERY_IDENTIFIERS.flatMap((type) => (p[type] ?? []).map((value) => ({ type, value })));
  if (identifiers.length > MAX_QUERY_IDENTIFIERS)
    throw invalid(`queries.${key} has ${identifiers.length} identifiers; at most ${MAX_QUERY_IDENTIFIERS}`, at);
  return {
    name,
    schema: q.schema,
    birthDate: p.birthDate?.[0],
    country: (p.nationality ?? p.country ?? p.citizenship ?? p.jurisdiction)?.[0],
    identifiers,
  };
}

function ftmProperties(entity: Entity): Record<string, string[]> {
  return Object.fromEntries(Object.entries(entity.properties).map(([k, statements]) => [k, (statements ?? []).map((s) => s.value)]));
}

/** A result as yente gives it; `match` is yente's: the score against the request's `threshold`. */
function yenteResult(m: ScreeningMatch, threshold: number) {
  return {
    id: m.id,
    caption: m.entity.caption,
    schema: m.entity.schema,
    properties: ftmProperties(m.entity),
    datasets: [m.entity.source],
    referents: [],
    target: true,
    score: m.score,
    match: m.score >= threshold,
    features: Object.fromEntries(m.explanation.scorers.map((s) => [s.name, s.value])),
    explanation: m.explanation.summary,
  };
}

const WATCHMAN_TYPE: Record<string, string> = { Person: 'individual', Vessel: 'vessel', Airplane: 'aircraft' };

/** watchman v2 `type` values and the schema each screens as (a business may be any organisation). */
const WATCHMAN_SCHEMA: Record<string, SchemaName> = {
  person: 'Person',
  business: 'Organization',
  organization: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

export function compatRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyRole = app.requireRole('client', 'analyst', 'admin');

    app.post(
      '/match/:dataset',
      {
        preHandler: anyRole,
        schema: {
          tags: ['compatibility'],
          summary: 'yente-compatible matching: FollowTheMoney query entities in, scored results out',
          params: Type.Object({ dataset: Type.String({ minLength: 1, maxLength: 100 }) }),
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 5 })),
            threshold: Type.Optional(
              Type.Number({
                minimum: 0,
                maximum: 1,
                description:
                  "yente's: which results the answer marks `match` (default: the deployment's alert threshold). Embargo records nothing here.",
              }),
            ),
            cutoff: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 0.5 })),
          }),
          body: Type.Object({ queries: Type.Record(Type.String({ maxLength: 200 }), FtmQuery) }),
          response: { 200: Type.Object({}, { additionalProperties: true }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const { limit = 5, cutoff = 0.5 } = request.query;
        const threshold = request.query.threshold ?? deps.screening.threshold;
        const entries = Object.entries(request.body.queries);
        if (entries.length > 100) throw invalid('At most 100 queries per request.', 'body/queries');
        const responses: Record<string, unknown> = {};
        for (const [key, q] of entries) {
          const query = queryFromFtm(key, q);
          const found = await deps.screening.screen(query, { limit, minScore: cutoff });
          responses[key] = {
            status: 200,
            results: found.map((m) => yenteResult(m, threshold)),
            total: { value: found.length, relation: 'eq' },
            query: q,
          };
        }
        return {
          responses,
          limit,
          matcher: { name: 'embargo-name-logic-v1', threshold },
        };
      },
    );

    /** watchman v2 search parameters (`/v2/search`); `type` narrows to one kind of record. */
    const WatchmanQuery = Type.Object({
      name: PartyName,
      type: Type.Optional(Type.Union(Object.keys(WATCHMAN_SCHEMA).map((t) => Type.Literal(t)))),
      birthDate: Type.Optional(BirthDate),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
      minMatch: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 0.5 })),
    });
    const watchmanSearch = async (q: { name: string; type?: string; birthDate?: string; limit?: number; minMatch?: number }) => {
      const schema = q.type ? WATCHMAN_SCHEMA[q.type] : undefined;
      const found = await deps.screening.screen(
        { name: q.name, schema, birthDate: q.birthDate },
        { limit: q.limit ?? 10, minScore: q.minMatch ?? 0.5 },
      );
      return {
        // watchman echoes the query as an entity; Embargo echoes what it screened.
        query: { name: q.name, entityType: q.type ?? 'unknown', sourceList: 'api-request', sourceID: '' },
        entities: found.map((m) => watchmanEntity(m.entity, m.score)),
        found,
      };
    };

    app.get(
      '/v2/search',
      {
        preHandler: anyRole,
        schema: {
          tags: ['compatibility'],
          summary: 'moov-io/watchman v2 search: `entities` with name, entityType, sourceList, sourceID and match',
          querystring: WatchmanQuery,
          response: { 200: Type.Object({}, { additionalProperties: true }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const { query, entities } = await watchmanSearch(request.query);
        return { query, entities };
      },
    );

    app.get(
      '/search',
      {
        preHandler: anyRole,
        schema: {
          tags: ['compatibility'],
          summary: 'moov-io/watchman search: the v2 `entities` answer, plus the v1 `SDNs` and `altNames` for older clients',
          querystring: WatchmanQuery,
          response: { 200: Type.Object({}, { additionalProperties: true }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const { query, entities, found } = await watchmanSearch(request.query);
        const primary = found.filter((m) => m.explanation.matched.property === 'name');
        const alternate = found.filter((m) => m.explanation.matched.property !== 'name');
        return {
          query,
          entities,
          SDNs: primary.map((m) => ({
            entityID: m.id,
            sdnName: m.entity.caption,
            sdnType: WATCHMAN_TYPE[m.entity.schema] ?? '',
            programs: values(m.entity, 'program'),
            remarks: values(m.entity, 'notes').join('; '),
            sourceList: m.entity.source,
            match: m.score,
            matchedName: m.explanation.matched.name.toLowerCase(),
          })),
          altNames: alternate.map((m) => ({
            entityID: m.id,
            alternateName: m.explanation.matched.name,
            alternateType: m.explanation.matched.weak ? 'weak aka' : 'aka',
            sdnName: m.entity.caption,
            sourceList: m.entity.source,
            match: m.score,
            matchedName: m.explanation.matched.name.toLowerCase(),
          })),
          addresses: [],
          deniedPersons: [],
          sectoralSanctions: [],
          refreshedAt:
            deps.screening.publications
              .map((p) => p.loadedAt)
              .sort()
              .at(-1) ?? null,
        };
      },
    );
  };
}
