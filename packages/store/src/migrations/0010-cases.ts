/**
 * @module migrations/0010-cases
 * Alerts worked as cases (issue 16, point 4):
 * - `cases`: one customer's unresolved alerts on one party (records the lists link to each other), with
 *   the person it is assigned to. Every alert belongs to one case (`alerts.case_id`); alerts stored before
 *   this migration each get a case of their own, named by the alert's id.
 * - `case_comments`: what analysts wrote on a case (or on one alert of it), with author and time.
 * - `reason_codes`: a tenant's list of reasons a decision is taken for; a tenant without a row uses the
 *   defaults (`DEFAULT_REASON_CODES`).
 * - `decisions.reason_code`: the code a decision was taken with; null on decisions taken before codes.
 */
import { sql, type Kysely } from 'kysely';
import type { ColumnTypes } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _columns: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text')
    .addColumn('assignee', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The queue filtered by "mine" / "unassigned" within a tenant.
  await db.schema.createIndex('cases_tenant_assignee').on('cases').columns(['tenant', 'assignee']).execute();

  await db.schema.alterTable('alerts').addColumn('case_id', 'text').execute();
  await sql`insert into cases (id, tenant, customer_key, assignee, created_at, updated_at)
            select id, tenant, customer_key, null, created_at, updated_at from alerts`.execute(db);
  await sql`update alerts set case_id = id`.execute(db);
  await db.schema.createIndex('alerts_case').on('alerts').columns(['case_id']).execute();

  await db.schema
    .createTable('case_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('alert_id', 'text')
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_comments_case').on('case_comments').columns(['case_id', 'written_at']).execute();

  await db.schema
    .createTable('reason_codes')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reason_codes_pk', ['tenant', 'position'])
    .addUniqueConstraint('reason_codes_tenant_code', ['tenant', 'code'])
    .execute();
  await db.schema.alterTable('decisions').addColumn('reason_code', 'text').execute();
}
