/**
 * @module routes/entities
 * Browsing the lists: `GET /v1/entities/:id` (the whole record, who it is related to, the same party on
 * other lists, the publications that listed it) and `GET /v1/search?q=` (names ranked by the engine).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse, IdParams, PartyName, SchemaName } from '../schemas.js';

const EntityRef = Type.Object({
  id: Type.String(),
  caption: Type.Union([Type.String(), Type.Null()]),
  schema: Type.Union([Type.String(), Type.Null()]),
});

export function entityRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyRole = app.requireRole('client', 'analyst', 'admin');
    const ref = (id: string) => {
      const e = deps.screening.entity(id);
      return { id, caption: e?.caption ?? null, schema: e?.schema ?? null };
    };

    app.get(
      '/v1/entities/:id',
      {
        preHandler: anyRole,
        schema: {
          tags: ['lists'],
          summary: 'A listed record with its relationships, cross-list links and publications',
          params: IdParams,
          response: {
            200: Type.Object({
              entity: Type.Object({}, { additionalProperties: true }),
              relationships: Type.Array(Type.Object({ from: EntityRef, to: EntityRef, kind: Type.String(), sourceText: Type.String() })),
              links: Type.Array(Type.Object({ other: EntityRef, reason: Type.String(), value: Type.String() })),
              publications: Type.Array(
                Type.Object({
                  id: Type.Number(),
                  source: Type.String(),
                  published: Type.Union([Type.String(), Type.Null()]),
                  current: Type.Boolean(),
                }),
              ),
              listedSince: Type.Union(
                [
                  Type.Object({ id: Type.Number(), source: Type.String(), published: Type.Union([Type.String(), Type.Null()]) }),
                  Type.Null(),
                ],
                { description: 'The first stored publication (by published date, history included) that lists the record' },
              ),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const entity = deps.screening.entity(id);
        if (!entity) throw new EmbargoError('NOT_FOUND', `No record ${id} is on the lists in force.`);
        const lists = deps.screening.lists;
        const publications = await deps.store.publicationsContaining(id);
        // "Listed since": the first stored publication, history included, that lists it.
        const listedSince = (await deps.store.firstSeen([id])).get(id);
        return {
          entity: entity as unknown as Record<string, unknown>,
          relationships: (lists.relationships.get(id) ?? []).map((r) => ({
            from: ref(r.from),
            to: ref(r.to),
            kind: r.kind,
            sourceText: r.sourceText,
          })),
          links: (lists.links.get(id) ?? []).map((l) => ({ other: ref(l.a === id ? l.b : l.a), reason: l.reason, value: l.value })),
          publications: publications.map((p) => ({ id: p.id, source: p.source, published: p.published, current: p.current })),
          listedSince: listedSince ? { id: listedSince.publicationId, source: listedSince.source, published: listedSince.published } : null,
        };
      },
    );

    app.get(
      '/v1/search',
      {
        preHandler: anyRole,
        schema: {
          tags: ['lists'],
          summary: 'Find listed records by name (any script)',
          querystring: Type.Object({
            // Screened by the engine like any name: the same checks as /v1/screen's.
            q: PartyName,
            schema: Type.Optional(SchemaName),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          }),
          response: {
            200: Type.Object({
              results: Type.Array(
                Type.Object({
                  id: Type.String(),
                  caption: Type.String(),
                  schema: Type.String(),
                  source: Type.String(),
                  score: Type.Number(),
                  alert: Type.Boolean(),
                }),
              ),
            }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { q, schema, limit } = request.query;
        // Browsing shows weaker candidates than screening would report.
        const found = await deps.screening.screen({ name: q, schema }, { limit: limit ?? 20, minScore: 0.3 });
        return {
          results: found.map((m) => ({
            id: m.id,
            caption: m.entity.caption,
            schema: m.entity.schema,
            source: m.entity.source,
            score: m.score,
            alert: m.alert,
          })),
        };
      },
    );
  };
}
