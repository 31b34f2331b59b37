/**
 * @module routes/users
 * Web-app accounts (admin): `GET /v1/users` and `POST /v1/users` to create an analyst or another admin.
 * Password hashes never leave the server.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import { Type } from 'typebox';
import { TENANT_PATTERN } from '../tenancy.js';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas.js';
import { createUser, MIN_PASSWORD_LENGTH, USER_ROLES, USERNAME_PATTERN } from '../user-sessions.js';

const User = Type.Object({
  username: Type.String(),
  role: Type.Enum([...USER_ROLES]),
  tenant: Type.Union([Type.String(), Type.Null()], { description: 'The one tenant the user works in; null: across tenants' }),
  createdAt: Type.String(),
});

export function userRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admins = app.requireRole('admin');

    app.get(
      '/v1/users',
      {
        preHandler: admins,
        schema: {
          tags: ['web app'],
          summary: 'Web-app users',
          response: { 200: Type.Object({ users: Type.Array(User) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        // An admin of one tenant sees that tenant's users only.
        const tenant = actorOf(request).tenant;
        return {
          users: (await deps.store.listUsers())
            .filter((u) => tenant === null || u.tenant === tenant)
            .map((u) => ({ username: u.username, role: u.role as 'admin' | 'analyst', tenant: u.tenant, createdAt: u.createdAt })),
        };
      },
    );

    app.post(
      '/v1/users',
      {
        preHandler: admins,
        schema: {
          tags: ['web app'],
          summary: 'Create a web-app user (analyst or admin)',
          body: Type.Object(
            {
              username: Type.String({ pattern: USERNAME_PATTERN.source }),
              password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 }),
              role: Type.Enum([...USER_ROLES]),
              tenant: Type.Optional(
                Type.String({
                  pattern: TENANT_PATTERN.source,
                  description:
                    'Confine the user to this tenant (an admin of one tenant can only create users in it); across tenants when absent',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: User, 409: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        // An admin of one tenant creates users of that tenant: asking for another, or none, is refused.
        const tenant = request.body.tenant ?? actor.tenant ?? undefined;
        if (actor.tenant !== null && tenant !== actor.tenant)
          throw new EmbargoError(
            'FORBIDDEN',
            `This credential works in tenant ${actor.tenant} only; it cannot create users of tenant ${tenant}.`,
          );
        const user = await createUser(deps.store, { ...request.body, tenant }, deps.clock(), actor.keyId);
        return reply
          .status(201)
          .send({ username: user.username, role: user.role as 'admin' | 'analyst', tenant: user.tenant, createdAt: user.createdAt });
      },
    );
  };
}
