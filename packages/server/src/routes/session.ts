/**
 * @module routes/session
 * Signing in to the web app: `POST /v1/session` (username and password → a session cookie), `GET
 * /v1/session` (who is signed in) and `DELETE /v1/session` (sign out). Sign-in attempts are limited per
 * address, on top of argon2's own cost, so passwords cannot be guessed at speed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { EmbargoError } from '@embargo/core';
import { Type } from 'typebox';
import { ErrorResponse } from '../schemas.js';
import { SESSION_COOKIE, USER_ROLES, type UserSessions } from '../user-sessions.js';

const SignedInUser = Type.Object({
  user: Type.Object({
    username: Type.String(),
    role: Type.Enum([...USER_ROLES]),
    tenant: Type.Union([Type.String(), Type.Null()], { description: 'The one tenant the user works in; null: across tenants' }),
    person: Type.String({ description: 'The person decisions are recorded for (the username); compare with a decision’s person' }),
  }),
  expiresAt: Type.String({ description: 'When the session ends; sign in again after' }),
});

/** Sign-in attempts admitted per address and minute. */
const SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

const sessionToken = (request: FastifyRequest): string | undefined => request.cookies[SESSION_COOKIE];

export function sessionRoutes(sessions: UserSessions): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/session',
      {
        config: {
          rateLimit: { max: SIGN_IN_ATTEMPTS_PER_MINUTE, timeWindow: 60_000, keyGenerator: (r: FastifyRequest) => `signin:${r.ip}` },
        },
        schema: {
          tags: ['web app'],
          summary: 'Sign in to the web app: sets an HttpOnly session cookie',
          security: [],
          body: Type.Object(
            { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
            { additionalProperties: false },
          ),
          response: { 200: SignedInUser, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request, reply) => {
        const signedIn = await sessions.signIn(request.body.username, request.body.password);
        void reply.setCookie(SESSION_COOKIE, signedIn.token, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: request.protocol === 'https',
          expires: new Date(signedIn.expiresAt),
        });
        return { user: { ...signedIn.user, person: signedIn.user.username }, expiresAt: signedIn.expiresAt };
      },
    );

    app.get(
      '/v1/session',
      {
        schema: {
          tags: ['web app'],
          summary: 'Who is signed in (401 when no one)',
          security: [],
          response: { 200: SignedInUser, 401: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request) => {
        const token = sessionToken(request);
        if (!token) throw new EmbargoError('UNAUTHENTICATED', 'Not signed in.');
        const { user, expiresAt } = await sessions.verify(token);
        return { user: { ...user, person: user.username }, expiresAt };
      },
    );

    app.delete(
      '/v1/session',
      { schema: { tags: ['web app'], summary: 'Sign out', security: [], response: { 204: Type.Null(), 503: ErrorResponse } } },
      async (request, reply) => {
        const token = sessionToken(request);
        if (token) await sessions.signOut(token);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  };
}
