/**
 * @module routes/batch
 * Batch screening: `POST /v1/screen/batch` takes up to 100,000 parties (JSON, or CSV with a header row)
 * and answers 202 with a job id at once; `GET /v1/jobs/:id` reports progress; `GET /v1/jobs/:id/results`
 * streams one JSON line per party, in submission order, read from the store page by page.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parse } from 'csv-parse/sync';
import { EmbargoError } from '@embargo/core';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { actorOf, type Actor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { invalid } from '../http-errors.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { AUTH_ERRORS, ErrorResponse, IdParams, Party, type PartyBody } from '../schemas.js';

export const MAX_BATCH_PARTIES = 100_000;
const RESULTS_PAGE = 1000;
const checkParty = Compile(Party);

/** CSV columns as `embargo screen --input` reads them. */
function partiesFromCsv(text: string): PartyBody[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw invalid(`The CSV cannot be read: ${(error as Error).message}`, 'body');
  }
  return rows.map((r) => {
    const party: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== '' && v !== undefined) party[k] = v;
    if (typeof party.passportNumber === 'string') party.identifiers = [{ type: 'passportNumber', value: party.passportNumber }];
    delete party.passportNumber;
    return party as unknown as PartyBody;
  });
}

function validated(parties: unknown[]): PartyBody[] {
  if (parties.length === 0) throw invalid('The batch holds no parties.', 'body/parties');
  if (parties.length > MAX_BATCH_PARTIES)
    throw invalid(`A batch holds at most ${MAX_BATCH_PARTIES} parties; this one has ${parties.length}.`, 'body/parties');
  for (const [i, p] of parties.entries()) {
    if (!checkParty.Check(p)) {
      const first = [...checkParty.Errors(p)][0];
      const where = `body/parties/${i}${first?.instancePath ?? ''}`;
      throw invalid(`Party ${i + 1}: ${where} ${first?.message ?? 'is not a valid party'}`, where);
    }
  }
  return parties as PartyBody[];
}

export function batchRoutes(deps: AppDeps, runner: JobRunner): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyRole = app.requireRole('client', 'analyst', 'admin');
    app.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: deps.config.batchBodyLimitBytes },
      (_req, body, done) => done(null, { csv: body as string }),
    );

    async function ownedJob(id: string, actor: Actor) {
      const job = await deps.store.getJob(id);
      // A client sees only its own jobs; to it, others' do not exist.
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
          summary: 'Screen up to 100,000 parties as a background job (JSON { parties: [...] } or text/csv)',
          // Parties are checked one by one below so that the error names the row.
          body: Type.Union([Type.Object({ parties: Type.Array(Type.Unknown()) }), Type.Object({ csv: Type.String() })]),
          response: { 202: Type.Object({ jobId: Type.String(), total: Type.Number() }), 413: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const parties = validated('csv' in body ? partiesFromCsv(body.csv) : body.parties);
        const now = deps.clock().toISOString();
        const jobId = deps.newId();
        const actor = actorOf(request).keyId;
        await deps.store.createJob(
          {
            id: jobId,
            createdAt: now,
            updatedAt: now,
            actor,
            status: 'queued',
            total: parties.length,
            completed: 0,
            alerted: 0,
            error: null,
          },
          parties,
        );
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
          response: {
            200: Type.Object({
              id: Type.String(),
              status: Type.String(),
              total: Type.Number(),
              completed: Type.Number(),
              alerted: Type.Number(),
              createdAt: Type.String(),
              updatedAt: Type.String(),
              error: Type.Union([Type.String(), Type.Null()]),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { actor: _owner, ...job } = await ownedJob(request.params.id, actorOf(request));
        void _owner;
        return job;
      },
    );

    app.get(
      '/v1/jobs/:id/results',
      {
        preHandler: anyRole,
        schema: {
          tags: ['screening'],
          summary: 'Results of a batch job so far, as NDJSON: one line per party, in submission order',
          params: IdParams,
          response: { 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const job = await ownedJob(request.params.id, actorOf(request));
        const store = deps.store;
        async function* lines() {
          for (let from = 0; from < job.completed; from += RESULTS_PAGE) {
            const page = await store.jobResults(job.id, from, Math.min(RESULTS_PAGE, job.completed - from));
            yield page.map((r) => JSON.stringify(r) + '\n').join('');
          }
        }
        // A stream, not a JSON body: fastify passes it through unserialised.
        return reply.type('application/x-ndjson').send(Readable.from(lines()) as never);
      },
    );
  };
}
