/**
 * @module routes/health
 * `GET /healthz`: public liveness and readiness: the lists in force, whether the database answers, and per
 * publisher when it was last checked for an update and with what outcome (issue 18, point 6). `status` is
 * `degraded` (still 200: the server screens, against what is in force) when a publisher's last check failed
 * or a list was not successfully checked for longer than EMBARGO_LIST_MAX_AGE. The reasons are not given
 * here, to anyone who asks: admins see them on the dashboard, examiners in the audit trail.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { listCheckStatus } from '../list-checks.js';
import { ListCheckOutcome } from '../schemas.js';

const ListHealth = Type.Object({
  source: Type.String(),
  lastCheckedAt: Type.Union([Type.String(), Type.Null()], {
    description: 'When the publisher was last checked for an update (null: not yet)',
  }),
  lastSuccessAt: Type.Union([Type.String(), Type.Null()], {
    description: 'The last check that found the list unchanged or loaded it, or else the load of the publication in force',
  }),
  outcome: ListCheckOutcome,
  attention: Type.Boolean({ description: 'The last check failed, or the last success is older than EMBARGO_LIST_MAX_AGE' }),
});

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
              status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
              publications: Type.Number(),
              records: Type.Number(),
              listsGeneration: Type.Integer({ description: 'The lists generation in force here; every screening names the one it used' }),
              listUpdateEverySeconds: Type.Integer({
                description: 'How often this server checks the publishers (EMBARGO_UPDATE_EVERY); 0: never',
              }),
              lists: Type.Array(ListHealth, { description: 'Per publisher and list in force' }),
            }),
          },
        },
      },
      async () => {
        // Reading the publications checks the database; STORE_UNAVAILABLE becomes a 503.
        const checks = await listCheckStatus(deps);
        const lists = deps.screening.lists;
        return {
          status: checks.some((c) => c.attention) ? ('degraded' as const) : ('ok' as const),
          publications: lists.publications.length,
          records: lists.entities.size,
          listsGeneration: lists.listsGeneration,
          listUpdateEverySeconds: Math.round(deps.config.listUpdateEveryMs / 1000),
          lists: checks.map(({ source, lastCheckedAt, lastSuccessAt, outcome, attention }) => ({
            source,
            lastCheckedAt,
            lastSuccessAt,
            outcome,
            attention,
          })),
        };
      },
    );
  };
}
