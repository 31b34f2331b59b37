/**
 * @module job-records
 * Batch screening jobs: the parties as submitted, and results acknowledged chunk by chunk so that a
 * crashed server resumes from the last acknowledged party and loses nothing already acknowledged.
 */
import { EmbargoError } from '@embargo/core';
import type { Kysely } from 'kysely';
import { insertAlerts } from './alert-records.js';
import { appendAuditRows, auditTime } from './audit-trail.js';
import type { AlertRecord, JobRecord, JobStatus } from './records.js';
import type { StatementsOnConnection } from './reused-statements.js';
import { jsonText, type StoreTables } from './tables.js';
import type { InWriteTransaction } from './write-transaction.js';

type Db = Kysely<StoreTables>;

/**
 * Rows per INSERT: three columns, so 2,000 rows bind 6,000 parameters, far under SQLite's 32,766 and
 * PostgreSQL's 65,535 (a party or result is a small JSON document, so a statement stays under a few MB).
 */
const ROWS_PER_INSERT = 2000;

export function toJob(r: StoreTables['jobs']): JobRecord {
  return {
    id: r.id,
    tenant: r.tenant,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    actor: r.actor,
    status: r.status as JobStatus,
    total: Number(r.total),
    completed: Number(r.completed),
    alerted: Number(r.alerted),
    error: r.error,
  };
}

/** Items stored at positions `from`, `from + 1`, …, in multi-row inserts. */
async function insertPositioned(
  statements: StatementsOnConnection,
  table: 'job_parties' | 'job_results',
  jobId: string,
  from: number,
  items: readonly unknown[],
): Promise<void> {
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) {
    const rows = items
      .slice(start, start + ROWS_PER_INSERT)
      .map((item, k) => ({ job_id: jobId, position: from + start + k, data: jsonText(item) }));
    await statements.insert(table, rows);
  }
}

export async function createJob(write: InWriteTransaction, job: JobRecord, parties: readonly unknown[]): Promise<void> {
  if (job.total !== parties.length) {
    throw new EmbargoError('INVALID_INPUT', `Job ${job.id} says it has ${job.total} parties but ${parties.length} were given.`, {
      jobId: job.id,
    });
  }
  const at = auditTime(job.createdAt, `The createdAt of job ${job.id}`);
  await write(async (conn, statements) => {
    await conn
      .insertInto('jobs')
      .values({
        id: job.id,
        tenant: job.tenant,
        created_at: job.createdAt,
        updated_at: job.updatedAt,
        actor: job.actor,
        status: job.status,
        total: job.total,
        completed: job.completed,
        alerted: job.alerted,
        error: job.error,
      })
      .execute();
    await insertPositioned(statements, 'job_parties', job.id, 0, parties);
    await appendAuditRows(conn, statements, [{ kind: 'job.create', actor: job.actor, subject: job.id, details: { total: job.total } }], at);
  });
}

/** `tenant` null: whichever tenant it belongs to (the job runner, an analyst across tenants). */
export async function getJob(db: Db, id: string, tenant: string | null): Promise<JobRecord | undefined> {
  let query = db.selectFrom('jobs').selectAll().where('id', '=', id);
  if (tenant !== null) query = query.where('tenant', '=', tenant);
  const r = await query.executeTakeFirst();
  return r ? toJob(r) : undefined;
}

async function positioned(db: Db, table: 'job_parties' | 'job_results', jobId: string, from: number, count: number): Promise<unknown[]> {
  const rows = await db
    .selectFrom(table)
    .select('data')
    .where('job_id', '=', jobId)
    .where('position', '>=', from)
    .where('position', '<', from + count)
    .orderBy('position')
    .execute();
  return rows.map((r) => JSON.parse(r.data));
}

export const jobParties = (db: Db, jobId: string, from: number, count: number) => positioned(db, 'job_parties', jobId, from, count);
export const jobResults = (db: Db, jobId: string, from: number, count: number) => positioned(db, 'job_results', jobId, from, count);

export async function saveJobResults(
  write: InWriteTransaction,
  jobId: string,
  from: number,
  results: readonly unknown[],
  alerts: readonly AlertRecord[],
): Promise<void> {
  await write(async (conn, statements) => {
    const job = await conn.selectFrom('jobs').select(['completed', 'total']).where('id', '=', jobId).executeTakeFirst();
    if (!job) throw new EmbargoError('NOT_FOUND', `There is no job ${jobId}.`, { jobId });
    if (Number(job.completed) !== from)
      throw new EmbargoError(
        'STORE_CONFLICT',
        `Job ${jobId} has ${Number(job.completed)} results acknowledged, not ${from}; another runner has it.`,
        { jobId },
      );
    if (from + results.length > Number(job.total))
      throw new EmbargoError(
        'INVALID_INPUT',
        `Job ${jobId} has ${Number(job.total)} parties; results up to ${from + results.length} do not fit.`,
        { jobId },
      );
    await insertPositioned(statements, 'job_results', jobId, from, results);
    const { opened, events: alertEvents } = await insertAlerts(conn, statements, alerts);
    const now = new Date().toISOString();
    await conn
      .updateTable('jobs')
      .set((eb) => ({ completed: from + results.length, alerted: eb('alerted', '+', opened.length), updated_at: now }))
      .where('id', '=', jobId)
      .execute();
    await appendAuditRows(
      conn,
      statements,
      [{ kind: 'job.chunk', actor: null, subject: jobId, details: { from, count: results.length, alerts: opened.length } }, ...alertEvents],
      new Date(now),
    );
  });
}

export async function setJobStatus(db: Db, id: string, status: JobStatus, error: string | null = null): Promise<void> {
  const done = await db
    .updateTable('jobs')
    .set({ status, error, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new EmbargoError('NOT_FOUND', `There is no job ${id}.`, { jobId: id });
}

export async function unfinishedJobs(db: Db): Promise<JobRecord[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toJob);
}
