/**
 * @module routes/reason-codes
 * A tenant's reason codes (issue 16, point 4): the list a decision's code is chosen from.
 * `GET /v1/reason-codes` (analyst, admin) reads it; `PUT /v1/reason-codes` (admin) replaces it, checked by
 * core's `checkReasonCodes` (400 naming the field) and audited. A tenant that never set one has the
 * defaults. An admin across tenants names the tenant with `?tenant=`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError, MAX_REASON_CODES, MAX_REASON_LABEL_LENGTH, REASON_CODE_PATTERN } from '@embargo/core';
import { Type } from 'typebox';
import { actorOf, type Actor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { checkTenantExists, readTenant, TENANT_PATTERN } from '../tenancy.js';
import { AUTH_ERRORS } from '../schemas.js';

export const ReasonCode = Type.Object(
  {
    code: Type.String({ pattern: REASON_CODE_PATTERN.source, description: 'Stable code: lower-case letters, digits and "-"' }),
    label: Type.String({ minLength: 1, maxLength: MAX_REASON_LABEL_LENGTH, description: 'What analysts read' }),
  },
  { additionalProperties: false },
);
export const ReasonCodeList = Type.Array(ReasonCode, { description: "The tenant's reason codes, in the order analysts see them" });

const TenantQuery = Type.Object(
  {
    tenant: Type.Optional(
      Type.String({ pattern: TENANT_PATTERN.source, description: 'The tenant (for a credential across tenants); default: your own' }),
    ),
  },
  { additionalProperties: false },
);

/** The one tenant whose list is read or replaced: a credential across tenants must name it. */
function tenantOf(actor: Actor, asked: string | undefined): string {
  const tenant = readTenant(actor, asked);
  if (tenant === null)
    throw new EmbargoError('INVALID_INPUT', 'query/tenant: you work across tenants; name the tenant whose reason codes these are.', {
      field: 'query/tenant',
    });
  return tenant;
}

export function reasonCodeRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/reason-codes',
      {
        preHandler: app.requireRole('analyst', 'admin'),
        schema: {
          tags: ['cases'],
          summary: "The tenant's reason codes for decisions",
          querystring: TenantQuery,
          response: { 200: Type.Object({ tenant: Type.String(), codes: ReasonCodeList }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const tenant = tenantOf(actorOf(request), request.query.tenant);
        return { tenant, codes: await deps.store.reasonCodes(tenant) };
      },
    );

    app.put(
      '/v1/reason-codes',
      {
        preHandler: app.requireRole('admin'),
        schema: {
          tags: ['cases'],
          summary: "Replace the tenant's reason codes (admin); audited",
          description:
            `1 to ${MAX_REASON_CODES} codes, each unique. Decisions already taken keep their code. ` +
            'A malformed list is refused whole (400 naming the field, e.g. body/codes/2/code).',
          querystring: TenantQuery,
          body: Type.Object(
            { codes: Type.Array(ReasonCode, { minItems: 1, maxItems: MAX_REASON_CODES }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ tenant: Type.String(), codes: ReasonCodeList }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = await checkTenantExists(deps.store, tenantOf(actor, request.query.tenant));
        try {
          const codes = await deps.store.replaceReasonCodes(tenant, request.body.codes, {
            actor: actor.keyId,
            at: deps.clock().toISOString(),
          });
          return { tenant, codes };
        } catch (error) {
          // The store names the field within the list (codes/1/code); the request's is under body/.
          if (error instanceof EmbargoError && error.code === 'INVALID_INPUT' && typeof error.context.field === 'string')
            throw new EmbargoError('INVALID_INPUT', `body/${error.message}`, { field: `body/${error.context.field}` }, { cause: error });
          throw error;
        }
      },
    );
  };
}
