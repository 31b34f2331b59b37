/**
 * @module routes/screen
 * `POST /v1/screen` screens one party and keeps the screening; `GET /v1/screenings/:id` gives it back,
 * with the publications it was screened against, so it can be reproduced and shown to an examiner.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import { readTenant, writeTenant } from '../tenancy.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse, IdParams, Match, Party, PublicationRef, TradeReason } from '../schemas.js';
import { screenAndRecord } from '../screening-flow.js';
import type { ScreeningRecord } from '@embargo/store';
import { parseBatchScreeningId, type BatchResult } from '../jobs/batch-result.js';

// One object rather than an intersection with Party: Party refuses properties it does not name, which
// inside an `allOf` would refuse `limit` too. The alert threshold is not a request field: it is the
// deployment's (EMBARGO_ALERT_THRESHOLD), and a request that sends one is refused by name.
const ScreenBody = Type.Object(
  {
    ...Party.properties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Most matches returned (default 10)' })),
  },
  { additionalProperties: false },
);

export function screenRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/screen',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        schema: {
          tags: ['screening'],
          summary: 'Screen one party against the lists in force',
          description:
            'With a `customerKey` it is a screening of your customer: each alerting match opens an alert in your tenant (unless you cleared ' +
            'the same customer, screened with the same data, of the same unchanged listed record). Without one it is a look-up: kept as a ' +
            'screening in the audit trail, answered with `alerted`, but no alert is opened.',
          body: ScreenBody,
          response: {
            200: Type.Object({
              screeningId: Type.String(),
              alerted: Type.Boolean({
                description: 'Some match alerts. Only a screening with a customerKey opens alerts for it; a look-up without one opens none',
              }),
              matches: Type.Array(Match),
              publications: Type.Array(PublicationRef),
              listsGeneration: Type.Integer({ description: 'The lists generation screened against, as /healthz says it' }),
            }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { limit, ...party } = request.body;
        const actor = actorOf(request);
        // Without a customerKey this is a look-up: recorded (and audited) as a screening, no alert opened.
        const done = await screenAndRecord(deps, party, actor.keyId, writeTenant(actor), { limit });
        return {
          screeningId: done.screeningId,
          alerted: done.alerted,
          matches: done.matches,
          publications: done.publications.map((p) => ({ id: p.id, source: p.source, published: p.published })),
          listsGeneration: done.listsGeneration,
        };
      },
    );

    app.get(
      '/v1/screenings/:id',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        schema: {
          tags: ['screening'],
          summary: 'A stored screening: its input, the publications used and the results',
          description: 'Also one party of a batch job, by the id its alerts carry (`<jobId>#<index>`).',
          params: IdParams,
          response: {
            200: Type.Object({
              id: Type.String(),
              tenant: Type.String(),
              createdAt: Type.String(),
              actor: Type.Union([Type.String(), Type.Null()]),
              customerKey: Type.Union([Type.String(), Type.Null()]),
              input: Type.Object({}, { additionalProperties: true }),
              publications: Type.Array(PublicationRef),
              listsGeneration: Type.Union([Type.Integer(), Type.Null()], {
                description: 'The lists generation screened against (null: screened before generations were kept)',
              }),
              results: Type.Array(Type.Union([Match, TradeReason]), {
                description: 'The matches; for a trade screening (input.kind "shipment"), the reasons of its decision',
              }),
              alerted: Type.Boolean(),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = readTenant(actor);
        const s = (await deps.store.getScreening(request.params.id, tenant)) ?? (await batchScreening(deps, request.params.id, tenant));
        // A client sees only its own screenings; to it, others' do not exist.
        if (!s || (actor.role === 'client' && s.actor !== actor.keyId))
          throw new EmbargoError('NOT_FOUND', `There is no screening ${request.params.id}.`);
        const publications = [];
        for (const id of s.publicationIds) {
          const p = await deps.store.getPublication(id);
          publications.push({ id, source: p?.source ?? 'unknown', published: p?.published ?? null });
        }
        return {
          id: s.id,
          tenant: s.tenant,
          createdAt: s.createdAt,
          actor: s.actor,
          customerKey: s.customerKey,
          input: s.input as Record<string, unknown>,
          publications,
          listsGeneration: s.listsGeneration ?? null,
          results: s.results as never,
          alerted: s.alerted,
        };
      },
    );
  };
}

/** One party of a batch job as a screening record: its input, the publications used and its result line. */
async function batchScreening(deps: AppDeps, id: string, tenant: string | null): Promise<ScreeningRecord | undefined> {
  const place = parseBatchScreeningId(id);
  if (!place) return undefined;
  const job = await deps.store.getJob(place.jobId, tenant);
  if (!job || place.index >= job.completed) return undefined;
  const [input] = await deps.store.jobParties(job.id, place.index, 1);
  const [line] = (await deps.store.jobResults(job.id, place.index, 1)) as BatchResult[];
  if (!input || !line) return undefined;
  return {
    id,
    tenant: job.tenant,
    createdAt: job.createdAt,
    actor: job.actor,
    customerKey: line.customerKey,
    input,
    publicationIds: line.publicationIds ?? [],
    listsGeneration: line.listsGeneration ?? null,
    results: line.matches,
    alerted: line.alerted,
  };
}
