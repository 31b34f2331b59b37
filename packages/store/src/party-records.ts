/**
 * @module party-records
 * Monitored customers and API keys: small tables written with their audit rows.
 */
import { EmbargoError } from '@embargo/core';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { appendAuditRows, auditTime } from './audit-trail.js';
import { containsPattern, foldCustomerName } from './customer-name.js';
import { WAITING_STATUSES } from './dashboard-reads.js';
import type { ApiKeyRecord, CustomerActivity, CustomerCursor, CustomerRecord, Role } from './records.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;

/** Rows per INSERT: six columns, well under SQLite's 32,766 bound parameters. */
const CUSTOMERS_PER_INSERT = 1000;

/**
 * Inserts new customers and replaces the party of known ones (keeping when they were first registered).
 * A key given twice counts once, the last one given: PostgreSQL refuses an `on conflict do update` that
 * meets the same key twice in one statement, where SQLite would quietly apply both.
 */
export async function upsertCustomers(
  write: InWriteTransaction,
  customers: readonly CustomerRecord[],
  actor: string | null,
): Promise<void> {
  if (customers.length === 0) return;
  const byKey = new Map(customers.map((c) => [`${c.tenant}\u0000${c.customerKey}`, c]));
  const unique = [...byKey.values()];
  const at = auditTime(unique[0].updatedAt, `The updatedAt of customer ${unique[0].customerKey}`);
  await write(async (conn, statements) => {
    for (let start = 0; start < unique.length; start += CUSTOMERS_PER_INSERT) {
      const rows = unique.slice(start, start + CUSTOMERS_PER_INSERT).map((c) => ({
        tenant: c.tenant,
        customer_key: c.customerKey,
        party: jsonText(c.party),
        created_at: c.createdAt,
        updated_at: c.updatedAt,
        name_folded: foldCustomerName(c.party),
      }));
      await conn
        .insertInto('customers')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['tenant', 'customer_key']).doUpdateSet((eb) => ({
            party: eb.ref('excluded.party'),
            updated_at: eb.ref('excluded.updated_at'),
            name_folded: eb.ref('excluded.name_folded'),
          })),
        )
        .execute();
    }
    // One row for the whole request; a single customer is named by its key so that its history can be
    // listed by subject. Keys are the caller's customer numbers, never names.
    const subject = unique.length === 1 ? unique[0].customerKey : `${unique.length} customers`;
    const tenants = [...new Set(unique.map((c) => c.tenant))].sort();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'customer.register', actor, subject, details: { count: unique.length, tenants } }],
      at,
    );
  });
}

function toCustomer(r: StoreTables['customers']): CustomerRecord {
  return { tenant: r.tenant, customerKey: r.customer_key, party: JSON.parse(r.party), createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function getCustomer(db: Db, tenant: string, customerKey: string): Promise<CustomerRecord | undefined> {
  const r = await db
    .selectFrom('customers')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('customer_key', '=', customerKey)
    .executeTakeFirst();
  return r ? toCustomer(r) : undefined;
}

/**
 * Customers whose key or name contains `text`, ignoring case (the name as folded by `foldCustomerName`,
 * the key by the database's `lower`); every customer for an empty or absent text.
 */
function matchingText<O>(query: SelectQueryBuilder<StoreTables, 'customers', O>, text: string | undefined) {
  const folded = text?.trim().toLowerCase();
  if (!folded) return query;
  const pattern = containsPattern(folded);
  // SQLite's LIKE has no escape character unless told; PostgreSQL's is the backslash: say it for both.
  return query.where(sql<boolean>`(name_folded like ${pattern} escape '\\' or lower(customer_key) like ${pattern} escape '\\')`);
}

/**
 * One tenant's customers in key order, or (tenant null) every tenant's, by tenant then key; with
 * `matching`, only those whose key or name contains it (case ignored).
 */
export async function listCustomers(
  db: Db,
  tenant: string | null,
  page: { after?: CustomerCursor; limit?: number; matching?: string } = {},
): Promise<CustomerRecord[]> {
  let query = db.selectFrom('customers').selectAll().orderBy('tenant').orderBy('customer_key');
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  query = matchingText(query, page.matching);
  const after = page.after;
  if (after !== undefined)
    query = query.where((eb) =>
      eb.or([eb('tenant', '>', after.tenant), eb.and([eb('tenant', '=', after.tenant), eb('customer_key', '>', after.customerKey)])]),
    );
  return (await query.limit(Math.min(page.limit ?? 1000, 10_000)).execute()).map(toCustomer);
}

export async function countCustomers(db: Db, tenant: string | null, matching?: string): Promise<number> {
  let query = db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n'));
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  query = matchingText(query, matching);
  const r = await query.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Keys looked up per statement: one bound parameter each, far under either database's bound. */
const ACTIVITY_KEYS_PER_QUERY = 500;

/**
 * For each of these customers of one tenant, in the order given: its newest screening (any screening
 * recorded with its key: on registration, by a list load's re-screening, or through `POST /v1/screen`)
 * and how many of its alerts wait for a decision (open, escalated or pending approval).
 */
export async function customerActivity(db: Db, tenant: string, customerKeys: readonly string[]): Promise<CustomerActivity[]> {
  const last = new Map<string, CustomerActivity['lastScreening']>();
  const waiting = new Map<string, number>();
  for (let start = 0; start < customerKeys.length; start += ACTIVITY_KEYS_PER_QUERY) {
    const keys = customerKeys.slice(start, start + ACTIVITY_KEYS_PER_QUERY);
    // The newest screening per key: the row whose created_at is the key's greatest (the id breaks a tie).
    const newest = db
      .selectFrom('screenings')
      .select(['customer_key', (eb) => eb.fn.max('created_at').as('at')])
      .where('tenant', '=', tenant)
      .where('customer_key', 'in', keys)
      .groupBy('customer_key')
      .as('newest');
    const screenings = await db
      .selectFrom('screenings as s')
      .innerJoin(newest, (join) => join.onRef('newest.customer_key', '=', 's.customer_key').onRef('newest.at', '=', 's.created_at'))
      .select(['s.id', 's.customer_key', 's.created_at', 's.alerted'])
      .where('s.tenant', '=', tenant)
      .orderBy('s.id')
      .execute();
    for (const r of screenings) last.set(r.customer_key!, { id: r.id, at: r.created_at, alerted: Boolean(Number(r.alerted)) });
    const counts = await db
      .selectFrom('alerts')
      .select(['customer_key', (eb) => eb.fn.countAll().as('n')])
      .where('tenant', '=', tenant)
      .where('customer_key', 'in', keys)
      .where('status', 'in', [...WAITING_STATUSES])
      .groupBy('customer_key')
      .execute();
    for (const r of counts) waiting.set(r.customer_key!, Number(r.n));
  }
  return customerKeys.map((customerKey) => ({
    customerKey,
    lastScreening: last.get(customerKey) ?? null,
    openAlerts: waiting.get(customerKey) ?? 0,
  }));
}

function toKey(r: StoreTables['api_keys']): ApiKeyRecord {
  return {
    id: r.id,
    hash: r.hash,
    role: r.role as Role,
    name: r.name,
    person: r.person,
    tenant: r.tenant,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

export async function saveApiKey(write: InWriteTransaction, key: ApiKeyRecord, actor: string | null): Promise<void> {
  const at = auditTime(key.createdAt, `The createdAt of API key ${key.id}`);
  await write(async (conn, statements) => {
    await conn
      .insertInto('api_keys')
      .values({
        id: key.id,
        hash: key.hash,
        role: key.role,
        name: key.name,
        tenant: key.tenant,
        person: key.person,
        created_at: key.createdAt,
        revoked_at: key.revokedAt,
      })
      .execute();
    // The role and the person are what `verifyAudit` compares the key's row with later.
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'key.create', actor, subject: key.id, details: { role: key.role, person: key.person, tenant: key.tenant } }],
      at,
    );
  });
}

export async function getApiKey(db: Db, id: string): Promise<ApiKeyRecord | undefined> {
  const r = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toKey(r) : undefined;
}

export async function listApiKeys(db: Db): Promise<ApiKeyRecord[]> {
  return (await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute()).map(toKey);
}

export async function revokeApiKey(write: InWriteTransaction, id: string, revokedAt: string, actor: string | null): Promise<void> {
  const at = auditTime(revokedAt, `The revocation time of API key ${id}`);
  await write(async (conn, statements) => {
    const done = await conn
      .updateTable('api_keys')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      const exists = await conn.selectFrom('api_keys').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new EmbargoError('NOT_FOUND', `There is no API key ${id}.`, { keyId: id });
      return; // already revoked: nothing changes, nothing to audit
    }
    await appendAuditRows(conn, statements, [{ kind: 'key.revoke', actor, subject: id, details: {} }], at);
  });
}
