/**
 * @module routes/users
 * Web-app accounts (admin): `GET /v1/users` and `POST /v1/users` to create an analyst or another admin.
 * Password hashes never leave the server.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas.js';
import { createUser, MIN_PASSWORD_LENGTH, USER_ROLES, USERNAME_PATTERN } from '../user-sessions.js';

const User = Type.Object({ username: Type.String(), role: Type.Enum([...USER_ROLES]), createdAt: Type.String() });

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
      async () => ({
        users: (await deps.store.listUsers()).map((u) => ({
          username: u.username,
          role: u.role as 'admin' | 'analyst',
          createdAt: u.createdAt,
        })),
      }),
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
            },
            { additionalProperties: false },
          ),
          response: { 201: User, 409: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const user = await createUser(deps.store, request.body, deps.clock(), actorOf(request).keyId);
        return reply.status(201).send({ username: user.username, role: user.role as 'admin' | 'analyst', createdAt: user.createdAt });
      },
    );
  };
}
