/**
 * @module app
 * `buildApp(deps)`: the whole HTTP API as a fastify instance, for `embargo serve` to listen with and for
 * tests to `inject` requests into. OpenAPI 3.1 at `/openapi.json` and browsable docs at `/docs` come
 * from the same TypeBox schemas that validate requests.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import { ApiKeyVerifier, type KeyHasher } from './api-keys.js';
import { authPlugin } from './auth.js';
import type { AppDeps } from './deps.js';
import { errorHandler } from './http-errors.js';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner.js';
import { ListChecks } from './list-checks.js';
import { installRequestChecks, strictBodyValidators } from './request-checks.js';
import { alertRoutes } from './routes/alerts.js';
import { caseRoutes } from './routes/cases.js';
import { reasonCodeRoutes } from './routes/reason-codes.js';
import { paymentRoutes } from './routes/payments.js';
import { tradeRoutes } from './routes/trade.js';
import { auditRoutes } from './routes/audit.js';
import { batchRoutes } from './routes/batch.js';
import { compatRoutes } from './routes/compat.js';
import { customerRoutes } from './routes/customers.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { entityRoutes } from './routes/entities.js';
import { rescreenChangedLists } from './monitoring/delta-rescreen.js';
import { healthRoutes } from './routes/health.js';
import { listRoutes } from './routes/lists.js';
import { screenRoutes } from './routes/screen.js';
import { sessionRoutes } from './routes/session.js';
import { userRoutes } from './routes/users.js';
import { UserSessions } from './user-sessions.js';
import { serveWebApp } from './web-app.js';
import { OwnershipService } from './ownership/ownership-service.js';
import { ownershipRoutes } from './routes/ownership.js';
import { networkRoutes } from './routes/network.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
    ownership: OwnershipService;
  }
}

export interface BuildOptions {
  /** Pino logging (default off; `embargo serve` turns it on); `{ stream }` sends the JSON lines elsewhere (tests read them). */
  logger?: boolean | { stream: { write(line: string): void } };
  /** The built web app (`packages/web/dist`), served at `/`; without it `/` says how to build it. */
  webRoot?: string;
  /** How API keys are checked against their stored hash (argon2; tests count the calls). */
  keyHasher?: KeyHasher;
  /** Hands batch jobs to workers instead of screening them here (`serve --nats`, see nats/job-dispatch). */
  dispatchJob?: JobRunnerOptions['dispatch'];
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: deps.config.bodyLimitBytes,
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? { stream: options.logger.stream } : {}),
          // Ids and paths only: query strings and bodies carry names and birth dates. The key id is
          // bound to the request's logger once the key is verified (see auth.ts).
          serializers: {
            req: (req) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    // No coercion in bodies; query strings and paths are coerced per part (see request-checks.ts).
    ajv: { customOptions: { allErrors: false, coerceTypes: false, removeAdditional: false } },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidators() } },
    // A path fastify cannot decode (`%FF`) is answered before routing: in the API's error shape.
    frameworkErrors: (error, request, reply) =>
      errorHandler(
        error.code === 'FST_ERR_BAD_URL'
          ? new EmbargoError('INVALID_INPUT', `The path ${request.url.split('?')[0]} is not valid percent-encoded UTF-8.`, {
              field: 'params',
            })
          : error,
        request,
        reply,
      ),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  installRequestChecks(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Embargo sanctions screening API',
        version: '0.1.0',
        description: 'Screening against the official OFAC, UN and UK lists, with explanations.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'emb_… key from `embargo keys create`' } } },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(cookie);
  const sessions = new UserSessions(deps.store, deps.clock, deps.config.sessionTtlMinutes);
  const verifier = new ApiKeyVerifier(deps.store, deps.clock, options.keyHasher, {
    failedAttemptsPerMinute: deps.config.failedKeyAttemptsPerMinute,
  });
  await app.register(authPlugin, { verifier, sessions });

  // Registered after the auth plugin, so that on each route the limit is counted after the credentials
  // were verified (both add their on-request hooks as routes are declared, in this order): a verified
  // key or session counts against itself, and a request that fails verification never reaches the
  // limiter, so naming someone else's key id cannot use up their allowance. Failed verifications are
  // limited per address by the verifier instead. Public routes count per address.
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.actor ? `credential:${request.actor.keyId}` : `address:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new EmbargoError(
        'RATE_LIMITED',
        `Rate limit of ${context.max} requests a minute exceeded; retry in ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });

  // After the rate limiter, so the public documentation routes are limited per address like every route.
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Checks of the publishers (scheduled or by an admin) are kept here for /healthz and the dashboard.
  deps.listChecks ??= new ListChecks(deps.config.listMaxAgeMs, deps.config.listUpdateEveryMs);
  const runner = new JobRunner(deps, app.log, { dispatch: options.dispatchJob });
  const ownership = new OwnershipService(deps);
  deps.ownership = ownership;
  app.decorate('ownership', ownership);
  app.decorate('jobs', runner);
  app.addHook('onClose', async () => runner.stop());
  // Lists loaded by another process (`embargo lists load`) are put in force here within a poll, and the
  // monitored customers re-screened against what changed, as after a load through this server.
  deps.screening.startPolling(
    deps.config.listsPollSeconds * 1000,
    async (before, after) => {
      await rescreenChangedLists(deps, before, after, deps.rescreen);
      await ownership.afterListsChanged('monitor');
    },
    (error) => app.log.error({ err: error }, 'checking the store for lists loaded elsewhere failed; retrying at the next poll'),
  );
  app.addHook('onClose', async () => deps.screening.stopPolling());

  await app.register(healthRoutes(deps));
  await app.register(screenRoutes(deps));
  await app.register(batchRoutes(deps, runner));
  await app.register(entityRoutes(deps));
  await app.register(listRoutes(deps));
  await app.register(alertRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(reasonCodeRoutes(deps));
  await app.register(dashboardRoutes(deps));
  await app.register(paymentRoutes(deps));
  await app.register(tradeRoutes(deps));
  await app.register(ownershipRoutes(deps, ownership));
  await app.register(networkRoutes(deps));
  await app.register(customerRoutes(deps));
  await app.register(compatRoutes(deps));
  await app.register(sessionRoutes(sessions));
  await app.register(userRoutes(deps));
  await app.register(auditRoutes(deps));
  await serveWebApp(app, options.webRoot);
  return app;
}
