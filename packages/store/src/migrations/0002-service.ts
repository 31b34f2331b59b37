/**
 * @module migrations/0002-service
 * What the screening service keeps: screenings, alerts, decisions, remembered false positives, monitored
 * customers, API keys, batch jobs (their parties and acknowledged results) and the hash-chained audit trail
 * with its head row. Payloads are JSON text, as in 0001.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('customer_key', 'text')
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('publication_ids', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('alerted', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('screening_id', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text')
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_version', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // Not `real`: that is a 4-byte float in PostgreSQL (8 bytes in SQLite), so a score of 0.912345678
    // would read back as 0.91234565 there, and scores a hair apart would compare equal to `minScore`.
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('match', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_status_created').on('alerts').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('alerts_created').on('alerts').columns(['created_at']).execute();
  await db.schema.createIndex('alerts_customer').on('alerts').columns(['customer_key', 'entity_id']).execute();
  await db.schema.createIndex('alerts_screening').on('alerts').columns(['screening_id']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_alert').on('decisions').columns(['alert_id', 'decided_at']).execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_version', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppressions_pk', ['customer_key', 'entity_id'])
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('customer_key', 'text', (c) => c.primaryKey())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('alerted', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('jobs_status').on('jobs').columns(['status', 'created_at']).execute();
  for (const table of ['job_parties', 'job_results']) {
    await db.schema
      .createTable(table)
      .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['job_id', 'position'])
      .execute();
  }

  // The trail itself, and its head: the last row's seq and hash, updated in the same transaction as each
  // append, so that deleting the newest rows (which no later row links to) is detected too.
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // The primary key serves walking the chain in seq order, the index listing one kind of event. Listing
  // by subject scans: every index here is written by every screening, and nothing reads by subject yet.
  await db.schema.createIndex('audit_events_kind').on('audit_events').columns(['kind', 'seq']).execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '' }).execute();
}
