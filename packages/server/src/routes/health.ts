/**
 * @module routes/health
 * `GET /healthz`: public liveness and readiness: the lists in force and whether the database answers.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness and readiness (no key needed)',
          // Public: overrides the document-wide API key requirement.
          security: [],
          response: {
            200: Type.Object({
              status: Type.String(),
              publications: Type.Number(),
              records: Type.Number(),
              listsGeneration: Type.Integer({ description: 'The lists generation in force here; every screening names the one it used' }),
            }),
          },
        },
      },
      async () => {
        // Reading the publications checks the database; STORE_UNAVAILABLE becomes a 503.
        await deps.store.currentPublications();
        const lists = deps.screening.lists;
        return {
          status: 'ok',
          publications: lists.publications.length,
          records: lists.entities.size,
          listsGeneration: lists.listsGeneration,
        };
      },
    );
  };
}
