/**
 * @module routes/ownership
 * Ownership and control, per tenant: `POST /v1/ownership/files` loads an ownership file (BODS 0.4 JSON or
 * JSON lines, FollowTheMoney JSON lines, or the plain CSV), matches its parties to listed records and
 * evaluates the OFAC, EU and UK rules; `GET /v1/ownership/statuses` lists the entities blocked or possibly
 * blocked with their proofs; `GET /v1/ownership/nodes/:id` gives one party's status per regime and the
 * chain to draw; `GET /v1/entities/:id/exposure` the paths from a party to designated persons.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError, formatProof, REGIME_IDS, type OwnershipProof } from '@embargo/core';
import type { StoredOwnershipStatus } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf, type Actor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { OwnershipService } from '../ownership/ownership-service.js';
import { decodeUtf8Body } from '../request-checks.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';
import { checkTenantName, readTenant, TENANT_PATTERN, writeTenant } from '../tenancy.js';

/** The types an ownership file comes as: read as text whatever they say, the format found from the content. */
const FILE_TYPES = ['text/csv', 'text/plain', 'application/json', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream'];
/** A register extract of a few hundred thousand statements. */
const FILE_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

const Tenant = Type.String({
  pattern: TENANT_PATTERN.source,
  description: 'Across tenants: the tenant whose ownership data this is (default: default)',
});
const Regime = Type.Union(REGIME_IDS.map((r) => Type.Literal(r)));
const Aggregate = Type.Object(
  { min: Type.Number(), max: Type.Number() },
  { description: 'Percent held by designated persons, as a range' },
);
const Json = Type.Object({}, { additionalProperties: true });

const StatusView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regime: Type.String(),
  status: Type.Union([Type.Literal('blocked'), Type.Literal('possibly_blocked')]),
  aggregate: Aggregate,
  proof: Type.Array(Type.String(), { description: 'The proof as printed: who is designated, then each step with its arithmetic' }),
  derivedAt: Type.String(),
});

const Change = Type.Object({ id: Type.String(), name: Type.String(), regime: Type.String(), before: Type.String(), after: Type.String() });
const EvaluationSummary = Type.Object({
  alertsOpened: Type.Integer({ description: 'Alerts opened on your monitored customers that resemble a newly blocked party' }),
  counts: Type.Record(Type.String(), Type.Object({ blocked: Type.Integer(), possibly_blocked: Type.Integer() })),
  newlyBlocked: Type.Array(Change),
  unblocked: Type.Array(Change),
  upserted: Type.Integer(),
  removed: Type.Integer(),
  problems: Type.Array(Type.String()),
});
const FileRecord = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  format: Type.String(),
  sha256: Type.String(),
  loadedAt: Type.String(),
  loadedBy: Type.Union([Type.String(), Type.Null()]),
  nodes: Type.Integer(),
  edges: Type.Integer(),
});

export function statusView(s: StoredOwnershipStatus) {
  return {
    id: s.id,
    name: s.name,
    regime: s.regime,
    status: s.status,
    aggregate: s.aggregate,
    proof: formatProof(s.proof as OwnershipProof),
    derivedAt: s.derivedAt,
  };
}

/**
 * The tenant an ownership request works in: a credential's own; across tenants, the one asked for with
 * `?tenant=`, else `default` (ownership data always belongs to one tenant: a graph has no "every tenant").
 */
function ownershipTenant(actor: Actor, asked: string | undefined): string {
  if (asked !== undefined) checkTenantName(asked, 'querystring/tenant');
  return readTenant(actor, asked) ?? writeTenant(actor);
}

export function ownershipRoutes(deps: AppDeps, ownership: OwnershipService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // In this plugin only: a JSON body is a file to read, not a request to parse.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: FILE_BODY_LIMIT_BYTES }, (_request, body, done) => {
      try {
        done(null, decodeUtf8Body(body as Buffer, 'file'));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    const anyRole = app.requireRole('client', 'analyst', 'admin');

    app.post(
      '/v1/ownership/files',
      {
        preHandler: anyRole,
        bodyLimit: FILE_BODY_LIMIT_BYTES,
        schema: {
          tags: ['ownership'],
          summary: 'Load an ownership file (BODS 0.4, FollowTheMoney, or CSV owner,owned,share) and evaluate the 50% rules',
          description:
            'The body is the file as it is. Its parties are matched to listed records (identifiers first, then names with birth date ' +
            'and country), the graph is stored in your tenant, and the OFAC, EU and UK ownership rules are evaluated over it with the ' +
            'lists in force. A file that cannot be read is refused whole (422, naming the line and field). Loading the same file again ' +
            'stores nothing (`stored: false`).',
          querystring: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 255, description: 'The file name, kept with the file' }),
              tenant: Type.Optional(Tenant),
            },
            { additionalProperties: false },
          ),
          body: Type.String({ minLength: 1 }),
          response: {
            200: Type.Object({
              file: FileRecord,
              stored: Type.Boolean(),
              resolved: Type.Integer({ description: 'Parties matched to a listed record' }),
              leftOut: Type.Integer({ description: 'Facts left out as not current (ended interests, closed records)' }),
              evaluation: EvaluationSummary,
            }),
            422: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = ownershipTenant(actor, request.query.tenant);
        return ownership.load(tenant, request.query.name, request.body, actor.keyId);
      },
    );

    app.get(
      '/v1/ownership/files',
      {
        preHandler: anyRole,
        schema: {
          tags: ['ownership'],
          summary: 'The ownership files loaded in your tenant, newest first',
          querystring: Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false }),
          response: { 200: Type.Object({ files: Type.Array(FileRecord) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const tenant = ownershipTenant(actorOf(request), request.query.tenant);
        return { files: await deps.store.listOwnershipFiles(tenant) };
      },
    );

    app.delete(
      '/v1/ownership/files/:id',
      {
        preHandler: app.requireRole('analyst', 'admin', 'client'),
        schema: {
          tags: ['ownership'],
          summary: 'Delete an ownership file; the rules are evaluated again without it',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          querystring: Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false }),
          response: { 200: Type.Object({ evaluation: EvaluationSummary }), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = ownershipTenant(actor, request.query.tenant);
        return { evaluation: await ownership.deleteFile(tenant, request.params.id, actor.keyId) };
      },
    );

    app.get(
      '/v1/ownership/statuses',
      {
        preHandler: anyRole,
        schema: {
          tags: ['ownership'],
          summary: 'Entities blocked or possibly blocked by ownership or control, with their proofs',
          querystring: Type.Object(
            {
              regime: Type.Optional(Regime),
              status: Type.Optional(Type.Union([Type.Literal('blocked'), Type.Literal('possibly_blocked')])),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
              offset: Type.Optional(Type.Integer({ minimum: 0 })),
              tenant: Type.Optional(Tenant),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ total: Type.Integer(), statuses: Type.Array(StatusView) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const { regime, status, limit = 100, offset = 0, tenant: asked } = request.query;
        const tenant = ownershipTenant(actorOf(request), asked);
        const all = await ownership.allStatuses(tenant, { regime, status });
        return { total: all.length, statuses: all.slice(offset, offset + limit).map(statusView) };
      },
    );

    app.get(
      '/v1/ownership/nodes/:id',
      {
        preHandler: anyRole,
        schema: {
          tags: ['ownership'],
          summary: 'A party of the ownership graph (a listed record or one of your files’): its status per regime and its chain',
          params: IdParams,
          querystring: Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              node: Json,
              statuses: Type.Array(Json),
              chain: Type.Object({ nodes: Type.Array(Json), edges: Type.Array(Json) }),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const tenant = ownershipTenant(actorOf(request), request.query.tenant);
        const view = await ownership.node(tenant, request.params.id);
        if (!view)
          throw new EmbargoError(
            'NOT_FOUND',
            `${request.params.id} is neither a listed record nor a party of tenant ${tenant}’s ownership files.`,
          );
        return view;
      },
    );

    app.get(
      '/v1/entities/:id/exposure',
      {
        preHandler: anyRole,
        schema: {
          tags: ['ownership'],
          summary: 'Paths from a party to designated persons over ownership, control, directorships, family and list links',
          params: IdParams,
          querystring: Type.Object(
            { depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })), tenant: Type.Optional(Tenant) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ targets: Type.Array(Json) }), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const tenant = ownershipTenant(actorOf(request), request.query.tenant);
        const targets = await ownership.exposure(tenant, request.params.id, request.query.depth);
        if (!targets)
          throw new EmbargoError(
            'NOT_FOUND',
            `${request.params.id} is neither a listed record nor a party of tenant ${tenant}’s ownership files.`,
          );
        return { targets };
      },
    );
  };
}
