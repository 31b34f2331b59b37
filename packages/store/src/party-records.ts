/**
 * @module party-records
 * Monitored customers and API keys: small tables written with their audit rows.
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { appendAuditRows, auditTime } from './audit-trail.js';
import type { ApiKeyRecord, CustomerCursor, CustomerRecord, Role } from './records.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;

/** Rows per INSERT: four columns, well under SQLite's 32,766 bound parameters. */
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
      }));
      await conn
        .insertInto('customers')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['tenant', 'customer_key'])
            .doUpdateSet((eb) => ({ party: eb.ref('excluded.party'), updated_at: eb.ref('excluded.updated_at') })),
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

/** One tenant's customers in key order, or (tenant null) every tenant's, by tenant then key. */
export async function listCustomers(
  db: Db,
  tenant: string | null,
  page: { after?: CustomerCursor; limit?: number } = {},
): Promise<CustomerRecord[]> {
  let query = db.selectFrom('customers').selectAll().orderBy('tenant').orderBy('customer_key');
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const after = page.after;
  if (after !== undefined)
    query = query.where((eb) =>
      eb.or([eb('tenant', '>', after.tenant), eb.and([eb('tenant', '=', after.tenant), eb('customer_key', '>', after.customerKey)])]),
    );
  return (await query.limit(Math.min(page.limit ?? 1000, 10_000)).execute()).map(toCustomer);
}

export async function countCustomers(db: Db, tenant: string | null): Promise<number> {
  let query = db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n'));
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const r = await query.executeTakeFirstOrThrow();
  return Number(r.n);
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
