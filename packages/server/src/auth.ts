/**
 * @module auth
 * Every API route but `/healthz` needs an API key (`Authorization: Bearer <key>` or `X-API-Key`) or, for
 * the web app, a signed-in session cookie. Open without credentials, besides `/healthz`: signing in
 * (`/v1/session`), the web app's static files, and the API's own documentation (`/openapi.json`, `/docs`),
 * which describes the endpoints and holds no data; each route names the roles it admits with `app.requireRole(...)`,
 * checked as the request arrives (401 without valid credentials, 403 with another role). The key's id
 * (never its secret), or `user:<username>`, is logged with the request and recorded as the actor of what
 * it does, with the person behind the credential (the key's person, the session's username), which four
 * eyes compares. A key wins over a cookie when a request carries both.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { EmbargoError } from '@embargo/core';
import type { Role } from '@embargo/store';
import type { ApiKeyVerifier } from './api-keys.js';
import { SESSION_COOKIE, userActor, type UserSessions } from './user-sessions.js';

export interface Actor {
  /** The API key's id, or `user:<username>` for a signed-in person. */
  keyId: string;
  role: Role;
  /**
   * The tenant whose customers, screenings, alerts and jobs this credential reads and writes; null for an
   * analyst or admin across tenants (see tenancy.ts).
   */
  tenant: string | null;
  /** The person the credential belongs to: the username of a session, the `person` of a key. Four eyes compares these. */
  person: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    requireRole: (...roles: Role[]) => preHandlerAsyncHookHandler;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

/** The roles each `requireRole` pre-handler admits, so the route can check them before reading the body. */
const ROUTE_ROLES = new WeakMap<object, readonly Role[]>();
/** The on-request checks added for those routes. */
const CHECKS = new WeakSet<object>();

/** Methods a cross-site page could use to change something on a signed-in analyst's behalf. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The cookie is SameSite=Strict, so browsers do not send it from other sites; as a second line, a
 * state-changing request that states another origin is refused.
 */
function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!UNSAFE.has(request.method) || origin === undefined) return;
  // Through URL both sides drop a default port (`:80` for http), as browsers do in Origin. An origin that
  // is no URL (`null`, which sandboxed frames and file pages send) is another origin, not an error.
  const originHost = URL.canParse(origin) ? new URL(origin).host : undefined;
  if (!originHost || originHost !== new URL(`${request.protocol}://${request.headers.host}`).host)
    throw new EmbargoError('FORBIDDEN', `A signed-in request from ${origin} is refused: the web app is served from this server.`);
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { verifier: ApiKeyVerifier; sessions: UserSessions }) => {
  app.decorateRequest('actor', undefined);

  /** Verifies the key and the role; binds the key id to the request's logger. */
  const authorize = async (request: FastifyRequest, reply: FastifyReply, roles: readonly Role[]): Promise<void> => {
    const key = presentedKey(request);
    const session = key === undefined ? request.cookies[SESSION_COOKIE] : undefined;
    if (!request.actor && session) {
      checkSameOrigin(request);
      const { user } = await opts.sessions.verify(session);
      request.actor = { keyId: userActor(user.username), role: user.role, person: user.username, tenant: user.tenant };
      request.log = reply.log = request.log.child({ user: user.username });
    }
    if (!request.actor) {
      // Failed verifications are counted per source address (see ApiKeyVerifier), never against the key
      // id a request names: anyone can name another's id.
      const record = await opts.verifier.verify(key, request.ip);
      // A client key is always in a tenant: its own (its id) unless it was created into one.
      request.actor = {
        keyId: record.id,
        role: record.role,
        person: record.person,
        tenant: record.tenant ?? (record.role === 'client' ? record.id : null),
      };
      // Every later line of this request, including fastify's "request completed", names the key.
      request.log = reply.log = request.log.child({ keyId: record.id });
    }
    const { role } = request.actor;
    if (!roles.includes(role)) throw new EmbargoError('FORBIDDEN', `This needs the ${roles.join(' or ')} role; the key has ${role}.`);
  };

  app.decorate('requireRole', (...roles: Role[]): preHandlerAsyncHookHandler => {
    const handler: preHandlerAsyncHookHandler = async (request, reply) => authorize(request, reply, roles);
    ROUTE_ROLES.set(handler, roles);
    return handler;
  });

  // A route that requires a role checks the key when the request arrives, before its body is read and
  // validated: a caller without a valid key gets 401 (not a 400 that describes the schema), and a large
  // body from an unknown caller is never parsed. The pre-handler then finds the actor already set.
  app.addHook('onRoute', (route) => {
    const gate = [route.preHandler ?? []].flat().find((h) => ROUTE_ROLES.has(h));
    if (!gate) return;
    const admitted = ROUTE_ROLES.get(gate)!;
    // fastify derives a HEAD route from each GET route's options, so this runs twice for them: add once.
    const onRequest = [route.onRequest ?? []].flat();
    if (onRequest.some((h) => CHECKS.has(h))) return;
    const check: onRequestAsyncHookHandler = async (request, reply) => authorize(request, reply, admitted);
    CHECKS.add(check);
    route.onRequest = [...onRequest, check];
    // The OpenAPI document says who may call it (`x-roles`, and in words on the docs page).
    if (route.schema && !('x-roles' in route.schema)) {
      const schema = route.schema as { description?: string; 'x-roles'?: readonly Role[] };
      schema['x-roles'] = admitted;
      schema.description = [schema.description, `Roles: ${admitted.join(', ')}.`].filter(Boolean).join('\n\n');
    }
  });
});

/** The authenticated actor of a route that required a role. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route has no requireRole pre-handler');
  return request.actor;
}
