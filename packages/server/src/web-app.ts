/**
 * @module web-app
 * Serves the analyst web app (the static files `vite build` makes in packages/web/dist) at `/`. The app
 * routes in the browser, so a GET for a page path it owns (`/alerts/…`, `/entities/…`) that asks for
 * HTML gets `index.html`; API paths keep their JSON 404. Nothing is loaded from other origins, which the
 * Content-Security-Policy states.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/** Paths that belong to the API or its docs, never to the app. */
const API_PATH = /^\/(v1|v2|match|search|docs|openapi\.json|healthz)(\/|$|\?)/;

function jsonNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({ error: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` });
}

export async function serveWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const built = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('Embargo API. The web app is not built: run `npm run build`. API docs: /docs\n'),
    );
    app.setNotFoundHandler(jsonNotFound);
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    setHeaders: (res) => {
      res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.header('X-Content-Type-Options', 'nosniff');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !API_PATH.test(request.url) && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return jsonNotFound(request, reply);
    void reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
