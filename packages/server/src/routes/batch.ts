/**
 * @module routes/batch
 * Batch screening: `POST /v1/screen/batch` takes up to 100,000 parties (JSON, CSV with a header row, or
 * JSON lines) and answers 202 with a job id at once; `GET /v1/jobs/:id` reports progress; `GET /v1/jobs`
 * lists a tenant's newest jobs (analysts and admins); `GET /v1/jobs/:id/results` streams one JSON line
 * per party, in submission order (or, with `?format=csv`, one CSV row per party and match), read from the
 * store page by page so that a whole job's results are never in memory at once. A job is visible to the
 * key that created it and to analysts and admins of its tenant; to other clients it does not exist.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import type { JobRecord, Store } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf, type Actor } from '../auth.js';
import { readTenant, TENANT_PATTERN, writeTenant } from '../tenancy.js';
import type { AppDeps } from '../deps.js';
import { BatchResultLine, type BatchResult } from '../jobs/batch-result.js';
import { BatchTooLarge, MAX_BATCH_PARTIES, partiesFromCsv, partiesFromJson, partiesFromJsonLines } from '../jobs/batch-parties.js';
import { resultCsvHeader, resultCsvLines } from '../jobs/results-csv.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { invalid } from '../http-errors.js';
import { decodeUtf8Body } from '../request-checks.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';

const CSV_TYPES = ['text/csv', 'application/csv'];
/** JSON lines go by several names; all mean one JSON value per line. */
const JSON_LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'];
const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();
const isCsv = (contentType: string | undefined) => CSV_TYPES.includes(mediaType(contentType));
const isJsonLines = (contentType: string | undefined) => JSON_LINES_TYPES.includes(mediaType(contentType));

/** Jobs `GET /v1/jobs` lists at most. */
const MAX_JOBS_LISTED = 100;

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

/** The same results as CSV rows (see jobs/results-csv), with each party's name read from its submission. */
async function* resultCsv(store: Store, job: JobRecord): AsyncGenerator<string> {
  yield resultCsvHeader();
  for (let from = 0; from < job.completed; from += RESULTS_PAGE) {
    const count = Math.min(RESULTS_PAGE, job.completed - from);
    const [results, parties] = await Promise.all([store.jobResults(job.id, from, count), store.jobParties(job.id, from, count)]);
    yield (results as BatchResult[]).map((r, i) => resultCsvLines(r, (parties[i] as { name?: string } | undefined)?.name ?? '')).join('');
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
    app.addContentTypeParser(
      JSON_LINES_TYPES,
      { parseAs: 'buffer', bodyLimit: deps.config.batchBodyLimitBytes },
      (_request, body, done) => {
        try {
          done(null, { jsonl: decodeUtf8Body(body as Buffer, 'jsonl') });
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );

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
            '`Content-Type: text/csv` with a header row (name, type/schema, dob/birthDate, country, customer/id, passport number), or ' +
            '`Content-Type: application/x-ndjson` with one party object per line. ' +
            'Answers at once with the job id; poll `GET /v1/jobs/{id}` and read `GET /v1/jobs/{id}/results`.',
          // Parties are checked one by one (batch-parties.ts) so that an error names the row.
          body: Type.Union([
            Type.Object({ parties: Type.Array(Type.Unknown(), { description: 'Parties as for POST /v1/screen' }) }),
            Type.Object({ csv: Type.String() }, { description: 'A text/csv body arrives here' }),
            Type.Object({ jsonl: Type.String() }, { description: 'An application/x-ndjson body arrives here' }),
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
          else if (isJsonLines(request.headers['content-type']) && 'jsonl' in body) parties = partiesFromJsonLines(body.jsonl);
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
      '/v1/jobs',
      {
        preHandler: app.requireRole('analyst', 'admin'),
        schema: {
          tags: ['screening'],
          summary: 'The newest batch jobs of your tenant (or, across tenants, of the one named with ?tenant=, else of all)',
          querystring: Type.Object(
            {
              tenant: Type.Optional(Type.String({ pattern: TENANT_PATTERN.source })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_JOBS_LISTED, default: 20 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ jobs: Type.Array(Type.Object({ ...JobView.properties, tenant: Type.String() })) }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const tenant = readTenant(actorOf(request), request.query.tenant);
        const now = deps.clock();
        const jobs = await deps.store.recentJobs(tenant, request.query.limit ?? 20);
        return { jobs: jobs.map((job) => ({ ...jobView(job, now), tenant: job.tenant })) };
      },
    );

    app.get(
      '/v1/jobs/:id/results',
      {
        preHandler: anyRole,
        schema: {
          tags: ['screening'],
          summary:
            'Results of a batch job so far, as NDJSON (one line per party) or CSV (one row per party and match), in submission order',
          params: IdParams,
          querystring: Type.Object(
            {
              format: Type.Optional(
                Type.Union([Type.Literal('ndjson'), Type.Literal('csv')], {
                  default: 'ndjson',
                  description: `csv: a header row (${'index, customerKey, name, alerted, matchId, matchCaption, matchSchema, matchSource, score, alert, suppressed'}), then one row per party and match`,
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: 'One JSON line per party whose result is stored, or CSV rows',
              content: { 'application/x-ndjson': { schema: BatchResultLine }, 'text/csv': { schema: Type.String() } },
            },
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const job = await visibleJob(request.params.id, actorOf(request));
        if (request.query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="embargo-job-${job.id}.csv"`)
            .send(Readable.from(resultCsv(deps.store, job)) as never);
        // A stream, not a JSON body: fastify passes it through without serialising it (hence the cast past
        // the typed reply, which expects the line schema).
        return reply.type('application/x-ndjson').send(Readable.from(resultLines(deps.store, job)) as never);
      },
    );
  };
}
