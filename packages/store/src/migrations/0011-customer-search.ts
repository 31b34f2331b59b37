/**
 * @module migrations/0011-customer-search
 * The Customers page (issue 16, point 6) lists a tenant's monitored customers with their last screening
 * and open alerts, and finds them by name:
 *
 * - `customers.name_folded`: the party's name in lower case (`foldCustomerName`), copied from the party
 *   JSON when a customer is registered, so a search by name is a LIKE on a column rather than a scan of
 *   every party's JSON text (which would also match field names such as "schema"). Filled here for the
 *   customers registered before.
 * - `screenings_tenant_customer`: the last screening of each customer on a page is found through the
 *   index (tenant, customer_key, created_at) instead of reading every screening of the tenant.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';
import { foldCustomerName } from '../customer-name.js';

/** Customers read and updated at a time while filling the new column. */
const BACKFILL_PAGE = 1000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema.alterTable('customers').addColumn('name_folded', 'text').execute();
  let after: { tenant: string; key: string } | undefined;
  for (;;) {
    let query = db.selectFrom('customers').select(['tenant', 'customer_key', 'party']).orderBy('tenant').orderBy('customer_key');
    if (after) {
      const { tenant, key } = after;
      query = query.where((eb) => eb.or([eb('tenant', '>', tenant), eb.and([eb('tenant', '=', tenant), eb('customer_key', '>', key)])]));
    }
    const page = (await query.limit(BACKFILL_PAGE).execute()) as { tenant: string; customer_key: string; party: string }[];
    for (const r of page)
      await db
        .updateTable('customers')
        .set({ name_folded: foldCustomerName(JSON.parse(r.party)) })
        .where('tenant', '=', r.tenant)
        .where('customer_key', '=', r.customer_key)
        .execute();
    if (page.length < BACKFILL_PAGE) break;
    const last = page[page.length - 1];
    after = { tenant: last.tenant, key: last.customer_key };
  }
  await db.schema.createIndex('screenings_tenant_customer').on('screenings').columns(['tenant', 'customer_key', 'created_at']).execute();
}
