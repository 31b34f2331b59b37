/**
 * @module migrations/0005-tenants
 * Each client's data is its own: customers, screenings, alerts, remembered false positives and batch jobs
 * get a `tenant`, customer keys become unique within a tenant (primary key (tenant, customer_key)), and a
 * remembered false positive holds the fingerprint of the party's data as screened.
 *
 * Rows stored before: every customer, screening, alert, suppression and job goes to the `default`
 * tenant. Existing client keys go there too: they shared one customer numbering until now, so each
 * keeps seeing the customers, alerts and jobs it saw; a key created from now on is a tenant of its own
 * unless created into one with `--tenant`. Existing analyst and admin keys and users keep working across
 * tenants (tenant null).
 *
 * SQLite cannot change a primary key, so `customers` and `suppressions` are made anew and copied (the same
 * in both databases, for one code path). A suppression's party fingerprint is computed here from the party
 * of the alert it was decided on, with the hash the server uses (sha256 of `screenedPartyKey`); should that
 * function change later, old suppressions stop matching and the customer is alerted again, never the reverse.
 */
import { createHash } from 'node:crypto';
import { screenedPartyKey, type ScreeningQuery } from '@embargo/core';
import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

const DEFAULT_TENANT = 'default';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  for (const table of ['screenings', 'alerts', 'jobs']) {
    await db.schema
      .alterTable(table)
      .addColumn('tenant', 'text', (c) => c.notNull().defaultTo(DEFAULT_TENANT))
      .execute();
  }
  await db.schema.alterTable('api_keys').addColumn('tenant', 'text').execute();
  await db.updateTable('api_keys').set({ tenant: DEFAULT_TENANT }).where('role', '=', 'client').execute();
  await db.schema.alterTable('users').addColumn('tenant', 'text').execute();

  // The queue is listed per tenant, and open alerts are looked up per tenant and customer.
  await db.schema.dropIndex('alerts_customer').execute();
  await db.schema.createIndex('alerts_tenant_customer').on('alerts').columns(['tenant', 'customer_key', 'entity_id']).execute();
  await db.schema.createIndex('alerts_tenant_created').on('alerts').columns(['tenant', 'created_at']).execute();
  await db.schema.createIndex('jobs_tenant').on('jobs').columns(['tenant', 'created_at']).execute();

  await db.schema
    .createTable('customers_by_tenant')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customers_tenant_key_pk', ['tenant', 'customer_key'])
    .execute();
  await db
    .insertInto('customers_by_tenant')
    .columns(['tenant', 'customer_key', 'party', 'created_at', 'updated_at'])
    .expression((eb) =>
      eb.selectFrom('customers').select((s) => [s.val(DEFAULT_TENANT).as('tenant'), 'customer_key', 'party', 'created_at', 'updated_at']),
    )
    .execute();
  await db.schema.dropTable('customers').execute();
  await db.schema.alterTable('customers_by_tenant').renameTo('customers').execute();

  await db.schema
    .createTable('suppressions_by_tenant')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('party_fingerprint', 'text', (c) => c.notNull())
    .addColumn('entity_version', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppressions_tenant_pk', ['tenant', 'customer_key', 'entity_id', 'party_fingerprint'])
    .execute();
  const old = await db
    .selectFrom('suppressions as s')
    .leftJoin('alerts as a', 'a.id', 's.alert_id')
    .select(['s.customer_key', 's.entity_id', 's.entity_version', 's.alert_id', 's.created_at', 'a.party'])
    .execute();
  for (const row of old) {
    // Alerts are never deleted; should one be missing, its suppression keeps a fingerprint that matches no
    // party, so that customer is alerted again rather than cleared on data nobody decided on.
    const fingerprint =
      row.party === null
        ? 'no-alert-party'
        : createHash('sha256')
            .update(screenedPartyKey(JSON.parse(row.party as string) as ScreeningQuery))
            .digest('hex');
    await db
      .insertInto('suppressions_by_tenant')
      .values({
        tenant: DEFAULT_TENANT,
        customer_key: row.customer_key,
        entity_id: row.entity_id,
        party_fingerprint: fingerprint,
        entity_version: row.entity_version,
        alert_id: row.alert_id,
        created_at: row.created_at,
      })
      .execute();
  }
  await db.schema.dropTable('suppressions').execute();
  await db.schema.alterTable('suppressions_by_tenant').renameTo('suppressions').execute();
}
