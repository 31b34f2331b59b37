/**
 * @module routes/customers
 * Monitored customers: `POST /v1/customers` registers one or many (up to 100,000) and screens each at
 * once, opening alerts like `/v1/screen` (a remembered false positive still holds); from then on every
 * list load re-screens them against what changed (see monitoring/delta-rescreen).
 * `GET /v1/customers/:key` and `GET /v1/customers?after=&limit=` read them back.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import type { CustomerRecord } from '@embargo/store';
import { Type, type Static } from 'typebox';
import { actorOf } from '../auth.js';
import { readTenant, TENANT_PATTERN, writeTenant } from '../tenancy.js';
import type { AppDeps } from '../deps.js';
import { invalid } from '../http-errors.js';
import { AUTH_ERRORS, ErrorResponse, Party } from '../schemas.js';
import { screenAndRecord } from '../screening-flow.js';

const CustomerKey = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'Your own id for the customer, unique within your tenant; registering it again replaces it',
});
const Customer = Type.Object({ ...Party.properties, customerKey: CustomerKey }, { additionalProperties: false });
type CustomerBody = Static<typeof Customer>;

/** Customers per request: a day's onboarding file of a large bank, within the batch body limit. */
const MAX_CUSTOMERS_PER_REQUEST = 100_000;
const Bulk = Type.Object(
  { customers: Type.Array(Customer, { minItems: 1, maxItems: MAX_CUSTOMERS_PER_REQUEST }) },
  { additionalProperties: false },
);

/**
 * One customer, or `{ customers: [...] }`. Written as if/then/else rather than anyOf so that a bad
 * field is reported where it is (`body/customers/3/customerKey`), not as "matches no alternative".
 */
const RegisterBody = Type.Unsafe<CustomerBody | Static<typeof Bulk>>({
  description: 'One customer, or { "customers": [ … ] } with up to 100,000',
  if: { type: 'object', required: ['customers'] },
  then: Bulk,
  else: Customer,
});

const Tenant = Type.String({ pattern: TENANT_PATTERN.source, description: 'A tenant: one client’s data, kept apart from others’' });

const CustomerView = Type.Object({
  tenant: Type.String({ description: 'Whose customer it is' }),
  customerKey: Type.String(),
  party: Type.Object(
    {},
    { additionalProperties: true, description: 'The party as registered: name, schema, birthDate, country, identifiers' },
  ),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

function customerView(c: CustomerRecord): Static<typeof CustomerView> {
  return { ...c, party: c.party as Record<string, unknown> };
}

/** A key given twice in one request would be registered once but screened twice: refuse it. */
function checkUniqueKeys(customers: readonly CustomerBody[]): void {
  const seen = new Map<string, number>();
  customers.forEach((c, i) => {
    const first = seen.get(c.customerKey);
    if (first !== undefined)
      throw invalid(
        `body/customers/${i}/customerKey repeats body/customers/${first}/customerKey ("${c.customerKey}")`,
        `body/customers/${i}/customerKey`,
      );
    seen.set(c.customerKey, i);
  });
}

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
          body: RegisterBody,
          response: {
            200: Type.Object({
              registered: Type.Integer(),
              alerted: Type.Integer({ description: 'Customers with at least one alert opened' }),
              alertsOpened: Type.Integer(),
              suppressed: Type.Integer({
                description: "Alerting matches not opened: the customer's remembered false positive on the same record",
              }),
            }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = writeTenant(actor);
        const body = request.body;
        const customers = 'customers' in body ? body.customers : [body];
        checkUniqueKeys(customers);
        const now = deps.clock().toISOString();
        await deps.store.upsertCustomers(
          customers.map(({ customerKey, ...party }) => ({ tenant, customerKey, party, createdAt: now, updatedAt: now })),
          actor.keyId,
        );
        const counts = { registered: customers.length, alerted: 0, alertsOpened: 0, suppressed: 0 };
        for (const customer of customers) {
          const done = await screenAndRecord(deps, customer, actor.keyId, tenant);
          if (done.alertsOpened > 0) counts.alerted++;
          counts.alertsOpened += done.alertsOpened;
          counts.suppressed += done.matches.filter((m) => m.suppressed).length;
        }
        return counts;
      },
    );

    const analysts = app.requireRole('analyst', 'admin');

    app.get(
      '/v1/customers/:key',
      {
        preHandler: analysts,
        schema: {
          tags: ['monitoring'],
          summary: 'One monitored customer of a tenant: your own, or across tenants the one named with ?tenant=',
          params: Type.Object({ key: CustomerKey }),
          querystring: Type.Object({ tenant: Type.Optional(Tenant) }, { additionalProperties: false }),
          response: { 200: CustomerView, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        // A customer key means something only within a tenant: across tenants, the caller must say which.
        const tenant = readTenant(actorOf(request), request.query.tenant);
        if (tenant === null)
          throw invalid(
            'querystring/tenant is required: customer keys are unique within a tenant only, and this credential works across tenants',
            'querystring/tenant',
          );
        const customer = await deps.store.getCustomer(tenant, request.params.key);
        if (!customer) throw new EmbargoError('NOT_FOUND', `There is no monitored customer ${request.params.key} in tenant ${tenant}.`);
        return customerView(customer);
      },
    );

    app.get(
      '/v1/customers',
      {
        preHandler: analysts,
        schema: {
          tags: ['monitoring'],
          summary: 'Monitored customers by tenant, then key; the next page starts `after` the last key (and `afterTenant` its tenant)',
          description:
            'A credential of one tenant lists that tenant only. Across tenants, `?tenant=` narrows the list to one; without it every ' +
            'tenant is listed and a page that continues `after` a key must say its tenant with `afterTenant`.',
          querystring: Type.Object(
            {
              tenant: Type.Optional(Tenant),
              after: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              afterTenant: Type.Optional(Tenant),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              customers: Type.Array(CustomerView),
              total: Type.Integer({ description: 'All monitored customers of the tenants listed' }),
            }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { after, afterTenant, limit } = request.query;
        const tenant = readTenant(actorOf(request), request.query.tenant);
        if (afterTenant !== undefined && after === undefined)
          throw invalid('querystring/afterTenant needs querystring/after', 'querystring/afterTenant');
        if (tenant !== null && afterTenant !== undefined && afterTenant !== tenant)
          throw invalid(`querystring/afterTenant (${afterTenant}) is not the tenant listed (${tenant})`, 'querystring/afterTenant');
        const cursorTenant = tenant ?? afterTenant;
        if (after !== undefined && cursorTenant === undefined)
          throw invalid('querystring/afterTenant is required with querystring/after when listing every tenant', 'querystring/afterTenant');
        const cursor = after !== undefined && cursorTenant !== undefined ? { tenant: cursorTenant, customerKey: after } : undefined;
        return {
          customers: (await deps.store.listCustomers(tenant, { after: cursor, limit })).map(customerView),
          total: await deps.store.countCustomers(tenant),
        };
      },
    );
  };
}
