/**
 * @module routes/customers
 * Monitored customers: `POST /v1/customers` registers one or many (up to 100,000; JSON, or a CSV file
 * with a header row) and screens each at once, opening alerts like `/v1/screen` (a remembered false
 * positive still holds); from then on every list load re-screens them against what changed (see
 * monitoring/delta-rescreen). `GET /v1/customers/:key` and `GET /v1/customers?q=&after=&limit=` read them
 * back, each with its newest screening and the number of its alerts waiting for a decision.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import type { CustomerActivity, CustomerRecord, Store } from '@embargo/store';
import { Type, type Static } from 'typebox';
import { actorOf } from '../auth.js';
import { readTenant, TENANT_PATTERN, writeTenant } from '../tenancy.js';
import type { AppDeps } from '../deps.js';
import { invalid } from '../http-errors.js';
import { customersFromCsv } from '../monitoring/customers-csv.js';
import { decodeUtf8Body } from '../request-checks.js';
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

/** A `text/csv` body, as the content-type parser below hands it on. */
const CsvBody = Type.Object({ csv: Type.String() }, { additionalProperties: false });

const CSV_TYPES = ['text/csv', 'application/csv'];
const isCsv = (contentType: string | undefined) => CSV_TYPES.includes((contentType ?? '').split(';')[0].trim().toLowerCase());

/**
 * One customer, or `{ customers: [...] }`, or a CSV file. Written as if/then/else rather than anyOf so that
 * a bad field is reported where it is (`body/customers/3/customerKey`), not as "matches no alternative".
 */
const RegisterBody = Type.Unsafe<CustomerBody | Static<typeof Bulk> | Static<typeof CsvBody>>({
  description:
    'One customer, or { "customers": [ … ] } with up to 100,000, or `Content-Type: text/csv` with a header row ' +
    '(customer, name, type, dob, country, passport, national id; customer and name required on every line)',
  if: { type: 'object', required: ['customers'] },
  then: Bulk,
  else: { if: { type: 'object', required: ['csv'] }, then: CsvBody, else: Customer },
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
  lastScreening: Type.Union(
    [
      Type.Object({
        id: Type.String(),
        at: Type.String({ description: 'When (ISO-8601 UTC)' }),
        alerted: Type.Boolean({ description: 'Whether any match alerted' }),
      }),
      Type.Null(),
    ],
    { description: 'The newest screening recorded with this customer key (registration, a list load, /v1/screen)' },
  ),
  openAlerts: Type.Integer({ description: 'Alerts of this customer waiting for a decision: open, escalated, pending approval' }),
});

function customerView(c: CustomerRecord, activity: CustomerActivity | undefined): Static<typeof CustomerView> {
  return {
    ...c,
    party: c.party as Record<string, unknown>,
    lastScreening: activity?.lastScreening ?? null,
    openAlerts: activity?.openAlerts ?? 0,
  };
}

/** The customers with their activity, looked up per tenant (a page across tenants may hold several). */
async function withActivity(store: Store, customers: readonly CustomerRecord[]): Promise<Static<typeof CustomerView>[]> {
  const keysByTenant = new Map<string, string[]>();
  for (const c of customers) keysByTenant.set(c.tenant, [...(keysByTenant.get(c.tenant) ?? []), c.customerKey]);
  const activity = new Map<string, CustomerActivity>();
  for (const [tenant, keys] of keysByTenant)
    for (const a of await store.customerActivity(tenant, keys)) activity.set(`${tenant}\u0000${a.customerKey}`, a);
  return customers.map((c) => customerView(c, activity.get(`${c.tenant}\u0000${c.customerKey}`)));
}

/** The customers of a request's body: one, a list, or a CSV file (only as `text/csv`). */
function customersOf(body: CustomerBody | Static<typeof Bulk> | Static<typeof CsvBody>, contentType: string | undefined): CustomerBody[] {
  if ('csv' in body) {
    // A JSON body of `{ "csv": … }` is not a file.
    if (!isCsv(contentType)) throw invalid('body/csv is not a field this endpoint accepts (send a CSV file as text/csv)', 'body/csv');
    return customersFromCsv(body.csv, MAX_CUSTOMERS_PER_REQUEST);
  }
  return 'customers' in body ? body.customers : [body];
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
    // Scoped to this plugin, as the batch upload's: bytes that are not UTF-8 are refused, not registered as U+FFFD.
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: deps.config.batchBodyLimitBytes }, (_request, body, done) => {
      try {
        done(null, { csv: decodeUtf8Body(body as Buffer, 'csv') });
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    app.post(
      '/v1/customers',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        bodyLimit: deps.config.batchBodyLimitBytes,
        schema: {
          tags: ['monitoring'],
          summary: 'Register customers for continuous monitoring (one, { customers: [...] }, or a CSV file); each is screened at once',
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
        const customers = customersOf(request.body, request.headers['content-type']);
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
        const [activity] = await deps.store.customerActivity(tenant, [customer.customerKey]);
        return customerView(customer, activity);
      },
    );

    app.get(
      '/v1/customers',
      {
        preHandler: analysts,
        schema: {
          tags: ['monitoring'],
          summary:
            'Monitored customers by tenant, then key, with their newest screening and open alerts; `q` finds a part of the key or name; ' +
            'the next page starts `after` the last key (and `afterTenant` its tenant)',
          description:
            'A credential of one tenant lists that tenant only. Across tenants, `?tenant=` narrows the list to one; without it every ' +
            'tenant is listed and a page that continues `after` a key must say its tenant with `afterTenant`.',
          querystring: Type.Object(
            {
              tenant: Type.Optional(Tenant),
              q: Type.Optional(
                Type.String({ minLength: 1, maxLength: 200, description: 'Customers whose key or name contains this, case ignored' }),
              ),
              after: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              afterTenant: Type.Optional(Tenant),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              customers: Type.Array(CustomerView),
              total: Type.Integer({ description: 'All monitored customers of the tenants listed (that match `q`, when given)' }),
            }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { after, afterTenant, limit, q } = request.query;
        const tenant = readTenant(actorOf(request), request.query.tenant);
        if (afterTenant !== undefined && after === undefined)
          throw invalid('querystring/afterTenant needs querystring/after', 'querystring/afterTenant');
        if (tenant !== null && afterTenant !== undefined && afterTenant !== tenant)
          throw invalid(`querystring/afterTenant (${afterTenant}) is not the tenant listed (${tenant})`, 'querystring/afterTenant');
        const cursorTenant = tenant ?? afterTenant;
        if (after !== undefined && cursorTenant === undefined)
          throw invalid('querystring/afterTenant is required with querystring/after when listing every tenant', 'querystring/afterTenant');
        const cursor = after !== undefined && cursorTenant !== undefined ? { tenant: cursorTenant, customerKey: after } : undefined;
        const customers = await deps.store.listCustomers(tenant, { after: cursor, limit, matching: q });
        return { customers: await withActivity(deps.store, customers), total: await deps.store.countCustomers(tenant, q) };
      },
    );
  };
}
