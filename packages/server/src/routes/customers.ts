/**
 * @module routes/customers
 * Monitored customers: registering screens them at once (and opens alerts like /v1/screen); from then
 * on every list load re-screens them against what changed (see monitoring/delta-rescreen).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse, Party } from '../schemas.js';
import { screenAndRecord } from '../screening-flow.js';

const Customer = Type.Intersect([
  Type.Omit(Party, ['customerKey']),
  Type.Object({ customerKey: Type.String({ minLength: 1, maxLength: 200 }) }),
]);
const MAX_CUSTOMERS_PER_REQUEST = 100_000;

export function customerRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/customers',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        bodyLimit: deps.config.batchBodyLimitBytes,
        schema: {
          tags: ['monitoring'],
          summary: 'Register customers for continuous monitoring (one, or { customers: [...] }); each is screened at once',
          body: Type.Union([
            Customer,
            Type.Object({ customers: Type.Array(Customer, { minItems: 1, maxItems: MAX_CUSTOMERS_PER_REQUEST }) }),
          ]),
          response: {
            200: Type.Object({ registered: Type.Number(), alerted: Type.Number(), alertsOpened: Type.Number() }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request).keyId;
        const body = request.body;
        const customers = 'customers' in body ? body.customers : [body];
        const now = deps.clock().toISOString();
        await deps.store.upsertCustomers(
          customers.map(({ customerKey, ...party }) => ({ customerKey, party, createdAt: now, updatedAt: now })),
          actor,
        );
        let alerted = 0;
        let alertsOpened = 0;
        for (const customer of customers) {
          const done = await screenAndRecord(deps, customer, actor);
          if (done.alerts.length > 0) alerted++;
          alertsOpened += done.alerts.length;
        }
        return { registered: customers.length, alerted, alertsOpened };
      },
    );

    const analysts = app.requireRole('analyst', 'admin');

    app.get(
      '/v1/customers/:key',
      {
        preHandler: analysts,
        schema: {
          tags: ['monitoring'],
          summary: 'One monitored customer',
          params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: { 200: Type.Object({}, { additionalProperties: true }), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const customer = await deps.store.getCustomer(request.params.key);
        if (!customer) throw new EmbargoError('NOT_FOUND', `There is no monitored customer ${request.params.key}.`);
        return customer as unknown as Record<string, unknown>;
      },
    );

    app.get(
      '/v1/customers',
      {
        preHandler: analysts,
        schema: {
          tags: ['monitoring'],
          summary: 'Monitored customers, by key; page with `after`',
          querystring: Type.Object({
            after: Type.Optional(Type.String()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          }),
          response: {
            200: Type.Object({ customers: Type.Array(Type.Object({}, { additionalProperties: true })), total: Type.Number() }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => ({
        customers: (await deps.store.listCustomers(request.query)) as unknown as Record<string, unknown>[],
        total: await deps.store.countCustomers(),
      }),
    );
  };
}
