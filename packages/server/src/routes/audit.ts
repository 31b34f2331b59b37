/**
 * @module routes/audit
 * The audit trail for analysts and admins: `GET /v1/audit` (newest first, filterable by kind, by actor id,
 * and by a person's plain name: `?user=ann` finds what `user:ann` did signed in and what the API keys made
 * for ann did; paged with `before`) and `GET /v1/audit/verify` (walks the hash chain, as `embargo audit verify` does).
 * The trail covers every tenant, so a credential of one tenant cannot list it (403).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS } from '../schemas.js';
import { requireAcrossTenants } from '../tenancy.js';
import { USERNAME_PATTERN, userActor } from '../user-sessions.js';

const AuditRow = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  kind: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
  hash: Type.String(),
});

/** The actor ids a person acts under: their web-app session and every API key made for them (revoked ones too). */
async function credentialsOf(deps: AppDeps, person: string): Promise<string[]> {
  const keys = (await deps.store.listApiKeys()).filter((k) => k.person === person).map((k) => k.id);
  return [userActor(person), ...keys];
}

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
          querystring: Type.Object(
            {
              kind: Type.Optional(
                Type.String({ maxLength: 50, description: 'screening, decision, list.load, key.create, user.signin, …' }),
              ),
              actor: Type.Optional(Type.String({ maxLength: 100, description: 'An API key id or user:<username>' })),
              user: Type.Optional(
                Type.String({
                  pattern: USERNAME_PATTERN.source,
                  description: 'A person by plain name: their signed-in actions (user:<name>) and those of the API keys made for them',
                }),
              ),
              before: Type.Optional(Type.Integer({ minimum: 1 })),
              limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ rows: Type.Array(AuditRow), next: Type.Union([Type.Integer(), Type.Null()]) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        requireAcrossTenants(actorOf(request), 'The audit trail');
        const { kind, actor, user, before, limit } = request.query;
        // The trail keeps credentials (actor ids), not people: a name stands for the person's session and keys.
        const actors = user === undefined ? undefined : await credentialsOf(deps, user);
        const rows = await deps.store.listAudit({ kind, actor, actors, before, limit, newestFirst: true });
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
