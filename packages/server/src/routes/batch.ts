/**
 * @module routes/batch
 * Batch screening: `POST /v1/screen/batch` takes up to 100,000 parties (JSON, or CSV with a header row)
 * and answers 202 with a job id at once; `GET /v1/jobs/:id` reports progress; `GET /v1/jobs/:id/results`
 * streams one JSON line per party, in submission order, read from the store page by page so that a
 * whole job's results are never in memory at once. A job is visible to the key that created it and to
 * analysts and admins; to other clients it does not exist.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import type { JobRecord, Store } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf, type Actor } from '../auth.js';
import { readTenant, writeTenant } from '../tenancy.js';
import type { AppDeps } from '../deps.js';
import { BatchResultLine } from '../jobs/batch-result.js';
import { BatchTooLarge, MAX_BATCH_PARTIES, partiesFromCsv, partiesFromJson } from '../jobs/batch-parties.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { invalid } from '../http-errors.js';
import { decodeUtf8Body } from '../request-checks.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';

const CSV_TYPES = ['text/csv', 'application/csv'];
const isCsv = (contentType: string | undefined) => CSV_TYPES.includes((contentType ?? '').split(';')[0].trim().toLowerCase());

/** Result lines read from the store at a time while streaming. */
const RESULTS_PAGE = 1000;

const JobStatus = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]);

export const JobView = Type.Object({
  id: Type.String(),
  status: JobStatus,
  total: Type.Integer({ description: 'Parties submitted' }),
  completed: Type.Integer({ description: 'Parties whose results are stored (readable now)' }),
  alerted: Type.Integer({ description: 'Alerts opened so far' }),
  createdAt: Type.String({ description: 'Submitted (ISO-8601 UTC)' }),
  updatedAt: Type.String({ description: 'Last progress or status change' }),
  finishedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the job ended (done or failed)' }),
  elapsedMs: Type.Integer({ description: 'From submission to the end, or to now while it runs' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why a failed job stopped' }),
});

export function jobView(job: JobRecord, now: Date) {
  const finished = job.status === 'done' || job.status === 'failed';
  const finishedAt = finished ? job.updatedAt : null;
  const end = finishedAt ? Date.parse(finishedAt) : now.getTime();
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    completed: job.completed,
    alerted: job.alerted,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt,
    elapsedMs: Math.max(0, end - Date.parse(job.createdAt)),
    error: job.error,
  };
}

/** The results acknowledged when the stream starts, one line each, a page at a time from the store. */
async function* resultLines(store: Store, job: JobRecord): AsyncGenerator<string> {
  for (let from = 0; from < job.completed; from += RESULTS_PAGE) {
    const page = await store.jobResults(job.id, from, Math.min(RESULTS_PAGE, job.completed - from));
    yield page.map((r) => JSON.stringify(r) + '\n').join('');
  }
}

export function batchRoutes(deps: AppDeps, runner: JobRunner): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyRole = app.requireRole('client', 'analyst', 'admin');
    // Scoped to this plugin: only the batch upload accepts CSV.
    // Read as bytes and decoded strictly: bytes that are not UTF-8 are refused, not screened as U+FFFD.
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: deps.config.batchBodyLimitBytes }, (_request, body, done) => {
      try {
        done(null, { csv: decodeUtf8Body(body as Buffer, 'csv') });
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    async function visibleJob(id: string, actor: Actor): Promise<JobRecord> {
      const job = await deps.store.getJob(id, readTenant(actor));
      if (!job || (actor.role === 'client' && job.actor !== actor.keyId)) throw new EmbargoError('NOT_FOUND', `There is no job ${id}.`);
      return job;
    }

    app.post(
      '/v1/screen/batch',
      {
        preHandler: anyRole,
        bodyLimit: deps.config.batchBodyLimitBytes,
        schema: {
          tags: ['screening'],
          summary: `Screen up to ${MAX_BATCH_PARTIES.toLocaleString('en')} parties as a background job`,
          description:
            'JSON `{ "parties": [{ "name", "schema"?, "birthDate"?, "country"?, "identifiers"?, "customerKey"? }] }`, or ' +
            '`Content-Type: text/csv` with a header row (name, type/schema, dob/birthDate, country, customer/id, passport number). ' +
            'Answers at once with the job id; poll `GET /v1/jobs/{id}` and read `GET /v1/jobs/{id}/results`.',
          // Parties are checked one by one (batch-parties.ts) so that an error names the row.
          body: Type.Union([
            Type.Object({ parties: Type.Array(Type.Unknown(), { description: 'Parties as for POST /v1/screen' }) }),
            Type.Object({ csv: Type.String() }, { description: 'A text/csv body arrives here' }),
          ]),
          response: {
            202: Type.Object({ jobId: Type.String(), total: Type.Integer() }),
            413: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        let parties;
        try {
          const body = request.body;
          // Only a text/csv body is read as CSV: a JSON body of `{ "csv": … }` is not a batch.
          if (isCsv(request.headers['content-type']) && 'csv' in body) parties = partiesFromCsv(body.csv);
          else if ('parties' in body) parties = partiesFromJson(body.parties);
          else throw invalid('body/parties is required', 'body/parties');
        } catch (error) {
          if (error instanceof BatchTooLarge) return reply.status(413).send({ error: 'PAYLOAD_TOO_LARGE', message: error.message });
          throw error;
        }
        const now = deps.clock().toISOString();
        const jobId = deps.newId();
        const actor = actorOf(request);
        const job: JobRecord = {
          id: jobId,
          tenant: writeTenant(actor),
          createdAt: now,
          updatedAt: now,
          actor: actor.keyId,
          status: 'queued',
          total: parties.length,
          completed: 0,
          alerted: 0,
          error: null,
        };
        await deps.store.createJob(job, parties);
        request.log.info({ jobId, total: parties.length }, 'batch job queued');
        runner.enqueue(jobId);
        return reply.status(202).send({ jobId, total: parties.length });
      },
    );

    app.get(
      '/v1/jobs/:id',
      {
        preHandler: anyRole,
        schema: {
          tags: ['screening'],
          summary: 'Progress of a batch job',
          params: IdParams,
          response: { 200: JobView, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => jobView(await visibleJob(request.params.id, actorOf(request)), deps.clock()),
    );

    app.get(
      '/v1/jobs/:id/results',
      {
        preHandler: anyRole,
        schema: {
          tags: ['screening'],
          summary: 'Results of a batch job so far, as NDJSON: one line per party, in submission order',
          params: IdParams,
          response: {
            200: {
              description: 'One JSON line per party whose result is stored',
              content: { 'application/x-ndjson': { schema: BatchResultLine } },
            },
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const job = await visibleJob(request.params.id, actorOf(request));
        // A stream, not a JSON body: fastify passes it through without serialising it (hence the cast past
        // the typed reply, which expects the line schema).
        return reply.type('application/x-ndjson').send(Readable.from(resultLines(deps.store, job)) as never);
      },
    );
  };
}
