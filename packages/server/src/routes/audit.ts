/**
 * @module routes/audit
 * The audit trail for analysts and admins: `GET /v1/audit` (newest first, filterable by kind and actor,
 * paged with `before`) and `GET /v1/audit/verify` (walks the hash chain, as `embargo audit verify` does).
 * The trail covers every tenant, so a credential of one tenant cannot list it (403).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS } from '../schemas.js';
import { requireAcrossTenants } from '../tenancy.js';

const AuditRow = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  kind: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
  hash: Type.String(),
});

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const reviewers = app.requireRole('analyst', 'admin');

    app.get(
      '/v1/audit',
      {
        preHandler: reviewers,
        schema: {
          tags: ['audit'],
          summary: 'The audit trail, newest first; page back with `before` = the `next` of the previous page',
          querystring: Type.Object({
            kind: Type.Optional(Type.String({ maxLength: 50, description: 'screening, decision, list.load, key.create, user.signin, …' })),
            actor: Type.Optional(Type.String({ maxLength: 100, description: 'An API key id or user:<username>' })),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          }),
          response: { 200: Type.Object({ rows: Type.Array(AuditRow), next: Type.Union([Type.Integer(), Type.Null()]) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        requireAcrossTenants(actorOf(request), 'The audit trail');
        const { kind, actor, before, limit } = request.query;
        const rows = await deps.store.listAudit({ kind, actor, before, limit, newestFirst: true });
        const last = rows.at(-1);
        return {
          rows: rows.map(({ prevHash: _prev, ...row }) => (void _prev, row)),
          next: rows.length === limit && last && last.seq > 1 ? last.seq : null,
        };
      },
    );

    app.get(
      '/v1/audit/verify',
      {
        preHandler: reviewers,
        schema: {
          tags: ['audit'],
          summary: 'Walks the signed hash chain, compares decisions, keys and users with it, and says whether all is intact',
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              rows: Type.Integer(),
              unsignedRows: Type.Optional(Type.Integer({ description: 'Rows written before signing began (migration 0006)' })),
              message: Type.String(),
            }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        // Its verdict names rows and records of every tenant, like the trail itself.
        requireAcrossTenants(actorOf(request), 'The audit trail');
        const verified = await deps.store.verifyAudit();
        const message = verified.firstBad
          ? `Chain broken at row ${verified.firstBad.seq}: ${verified.firstBad.reason}.`
          : verified.mismatch
            ? `A stored record disagrees with the trail: ${verified.mismatch.reason}.`
            : `Chain intact: ${verified.rows} rows.` +
              (verified.unsignedRows ? ` Rows 1–${verified.unsignedRows} predate signing and are covered by the chain only.` : '');
        return { ok: verified.ok, rows: verified.rows, ...(verified.unsignedRows ? { unsignedRows: verified.unsignedRows } : {}), message };
      },
    );
  };
}
