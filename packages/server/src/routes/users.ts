/**
 * @module routes/users
 * Web-app accounts (admin): `GET /v1/users` and `POST /v1/users` to create an analyst or another admin;
 * `POST /v1/users/:username/disable` (their sessions end at once) and `/enable`; `POST
 * /v1/users/:username/password` to reset a password (the one the admin typed, or a generated one shown
 * once). Each change is in the audit trail. An admin of one tenant manages that tenant's users only, and
 * nobody disables themselves. Password hashes never leave the server.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import type { UserRecord } from '@embargo/store';
import { Type, type Static } from 'typebox';
import { TENANT_PATTERN } from '../tenancy.js';
import { actorOf, type Actor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas.js';
import { createUser, MIN_PASSWORD_LENGTH, resetPassword, USER_ROLES, USERNAME_PATTERN } from '../user-sessions.js';

const User = Type.Object({
  username: Type.String(),
  role: Type.Enum([...USER_ROLES]),
  tenant: Type.Union([Type.String(), Type.Null()], { description: 'The one tenant the user works in; null: across tenants' }),
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()], { description: 'When the user was disabled (cannot sign in); null: enabled' }),
});

const userView = (u: UserRecord): Static<typeof User> => ({
  username: u.username,
  role: u.role as 'admin' | 'analyst',
  tenant: u.tenant,
  createdAt: u.createdAt,
  disabledAt: u.disabledAt,
});

const UsernameParams = Type.Object({ username: Type.String({ pattern: USERNAME_PATTERN.source }) }, { additionalProperties: false });

export function userRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admins = app.requireRole('admin');

    /**
     * The user an admin may manage: one of the admin's tenant (any, for an admin across tenants). A user
     * of another tenant is answered as unknown, as other tenants' records are.
     */
    async function managedUser(actor: Actor, username: string): Promise<UserRecord> {
      const user = await deps.store.getUser(username);
      if (!user || (actor.tenant !== null && user.tenant !== actor.tenant))
        throw new EmbargoError('NOT_FOUND', `There is no user ${username}.`, { field: 'params/username' });
      return user;
    }

    const setDisabled = (disabled: boolean) =>
      app.post(
        `/v1/users/:username/${disabled ? 'disable' : 'enable'}`,
        {
          preHandler: admins,
          schema: {
            tags: ['web app'],
            summary: disabled
              ? 'Disable a user: they cannot sign in, and their open sessions stop working at once'
              : 'Enable a disabled user again (they sign in with their password)',
            params: UsernameParams,
            response: { 200: User, 404: ErrorResponse, ...AUTH_ERRORS },
          },
        },
        async (request) => {
          const actor = actorOf(request);
          const { username } = request.params;
          await managedUser(actor, username);
          // An admin who disabled themselves would be locked out mid-request, perhaps the last admin; with
          // a key made for them (its person) as much as signed in.
          if (disabled && actor.person === username)
            throw new EmbargoError('FORBIDDEN', 'You cannot disable your own account: another admin can.', { field: 'params/username' });
          await deps.store.setUserDisabled(username, disabled, deps.clock().toISOString(), actor.keyId);
          return userView(await managedUser(actor, username));
        },
      );
    setDisabled(true);
    setDisabled(false);

    app.post(
      '/v1/users/:username/password',
      {
        preHandler: admins,
        schema: {
          tags: ['web app'],
          summary: "Reset a user's password: to the one given, or to a generated one answered once; their sessions end",
          params: UsernameParams,
          body: Type.Object(
            {
              password: Type.Optional(
                Type.String({
                  minLength: MIN_PASSWORD_LENGTH,
                  maxLength: 1000,
                  description: 'The new password; when absent, the server generates one and answers it (only this once)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              username: Type.String(),
              password: Type.Optional(
                Type.String({ description: 'The generated password, when none was given: hand it over, it is not shown again' }),
              ),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { username } = request.params;
        await managedUser(actor, username);
        const reset = await resetPassword(deps.store, username, request.body.password, deps.clock(), actor.keyId);
        return { username, ...reset };
      },
    );

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
          users: (await deps.store.listUsers()).filter((u) => tenant === null || u.tenant === tenant).map(userView),
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
        return reply.status(201).send(userView(user));
      },
    );
  };
}
