/**
 * @module migrations/0007-payments
 * Screened payment messages (issue 14): one row per message and tenant, holding the decision (pass, hold,
 * block), its hits, the normalised payment and the message as received, so a decision can be shown,
 * re-read and re-screened. The message id (UETR, or the sender's reference) is unique within a tenant: a
 * message delivered twice is screened once, and the redelivery gets the stored decision. Alerts of a held or
 * blocked payment are ordinary alerts whose `screening_id` is the payment's id.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('hits', 'text', (c) => c.notNull())
    .addColumn('payment', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('screened_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('lists_generation', 'integer')
    .addColumn('publication_ids', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_tenant_message', ['tenant', 'message_id'])
    .addCheckConstraint('payments_decision', sql`decision in ('pass', 'hold', 'block')`)
    .execute();
  // A tenant's payments newest first (the list the analysts page through, filtered by decision or not).
  await db.schema.createIndex('payments_tenant_screened').on('payments').columns(['tenant', 'screened_at']).execute();
}
