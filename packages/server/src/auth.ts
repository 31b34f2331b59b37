/**
 * @module auth
 * Every route but `/healthz` needs an API key (`Authorization: Bearer <key>` or `X-API-Key`); each route
 * names the roles it admits with `app.requireRole(...)`. The key's id (never its secret) is logged with
 * the request and recorded as the actor of what it does.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { EmbargoError } from '@embargo/core';
import type { Role } from '@embargo/store';
import type { ApiKeyVerifier } from './api-keys.js';

export interface Actor {
  keyId: string;
  role: Role;
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

export const authPlugin = fp(async (app: FastifyInstance, opts: { verifier: ApiKeyVerifier }) => {
  app.decorateRequest('actor', undefined);
  app.decorate('requireRole', (...roles: Role[]): preHandlerAsyncHookHandler => {
    return async (request) => {
      const record = await opts.verifier.verify(presentedKey(request));
      request.actor = { keyId: record.id, role: record.role };
      request.log.info({ keyId: record.id }, 'authenticated');
      if (!roles.includes(record.role))
        throw new EmbargoError('FORBIDDEN', `This needs the ${roles.join(' or ')} role; the key has ${record.role}.`);
    };
  });
});

/** The authenticated actor of a route that required a role. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route has no requireRole pre-handler');
  return request.actor;
}
