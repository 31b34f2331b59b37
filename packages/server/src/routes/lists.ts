/**
 * @module routes/lists
 * The publications loaded (`GET /v1/lists`), what changed between two of them (`GET /v1/lists/diff`),
 * and loading a folder of list files as the lists in force (`POST /v1/lists/update`, admin), optionally
 * downloading the publishers' current files into the data folder first.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import { Type, type Static } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { invalid } from '../http-errors.js';
import { diffCsv, csvFileName, firstSeenOf } from '../list-diff-csv.js';
import { publisherSources, recordCheck, succeededCheck } from '../list-checks.js';
import { filterListDiff, ListDiffs } from '../list-diffs.js';
import { loadListFolder } from '../list-loading.js';
import { updateFromPublishers } from '../publisher-updates.js';
import { AUTH_ERRORS, ErrorResponse, Publication, SchemaName } from '../schemas.js';
import { requireAcrossTenants } from '../tenancy.js';

const Counts = Type.Object({ added: Type.Number(), removed: Type.Number(), changed: Type.Number() });

/** The two publications and the filters, shared by the JSON and the CSV answers. */
const DiffQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1, description: 'The older publication' }),
    to: Type.Integer({ minimum: 1, description: 'The newer publication, of the same list; not `from` itself' }),
    programme: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        pattern: '^\\S(.*\\S)?$',
        description: 'Only records under this programme tag, as the list writes it (DPRK3); "(none)" for records without one',
      }),
    ),
    country: Type.Optional(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'Only records tied to this country (ISO 3166-1 alpha-2, upper case)' }),
    ),
    schema: Type.Optional(SchemaName),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '\\S',
        description: 'Only records whose names or id hold every word (case and accents ignored)',
      }),
    ),
  },
  { additionalProperties: false },
);

const FirstSeen = Type.Union(
  [Type.Object({ publicationId: Type.Integer(), published: Type.Union([Type.String(), Type.Null()]) }), Type.Null()],
  {
    description: 'The first stored publication (history included) that lists the record',
  },
);

const DiffRowSchema = Type.Object({
  id: Type.String(),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  name: Type.String(),
  schema: Type.String(),
  programmes: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  fields: Type.Optional(Type.Array(Type.String())),
  firstSeen: FirstSeen,
});

export function listRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const anyRole = app.requireRole('client', 'analyst', 'admin');
    const diffs = new ListDiffs(deps.store);

    app.get(
      '/v1/lists',
      {
        preHandler: anyRole,
        schema: {
          tags: ['lists'],
          summary: 'Every publication loaded, newest first; `current` marks those in force',
          response: { 200: Type.Object({ publications: Type.Array(Publication) }), ...AUTH_ERRORS },
        },
      },
      async () => ({ publications: await deps.store.listPublications() }),
    );

    app.get(
      '/v1/lists/diff',
      {
        preHandler: anyRole,
        schema: {
          tags: ['lists'],
          summary: 'Records added, removed and changed between two publications of one source, with counts by programme',
          description:
            'Filters (programme, country, schema, q) narrow `rows` and the id lists; `bySource`, `byProgram` and `facets` describe ' +
            'the whole comparison. Rows are sorted by name. When either publication lacks companion files (`incomparable`), the ' +
            'fields they hold are not compared.',
          querystring: DiffQuery,
          response: {
            200: Type.Object({
              from: Publication,
              to: Publication,
              rows: Type.Array(DiffRowSchema),
              facets: Type.Object({
                programmes: Type.Array(Type.String()),
                countries: Type.Array(Type.String()),
                schemata: Type.Array(Type.String()),
              }),
              incomparable: Type.Union([
                Type.Object({
                  publications: Type.Array(
                    Type.Object({
                      id: Type.Integer(),
                      published: Type.Union([Type.String(), Type.Null()]),
                      missingFiles: Type.Array(Type.String()),
                    }),
                  ),
                  fields: Type.Array(Type.String()),
                  records: Type.Integer({ description: 'Records that differ only in those fields, not counted as changed' }),
                }),
                Type.Null(),
              ]),
              added: Type.Array(Type.String()),
              removed: Type.Array(Type.String()),
              changed: Type.Array(Type.Object({ id: Type.String(), fields: Type.Array(Type.String()) })),
              // As `embargo lists diff --json` prints it (counts per source, each with its programmes)…
              bySource: Type.Record(
                Type.String(),
                Type.Intersect([Counts, Type.Object({ byProgram: Type.Record(Type.String(), Counts) })]),
              ),
              // …and the one source's programmes directly.
              byProgram: Type.Record(Type.String(), Counts),
              captions: Type.Record(Type.String(), Type.String()),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { a, b, answer } = await filteredDiff(request.query);
        const firstSeen = await deps.store.firstSeen(answer.rows.map((r) => r.id));
        const { namesOf: _, ...rest } = answer;
        return {
          from: a,
          to: b,
          ...rest,
          rows: answer.rows.map((r) => ({ ...r, firstSeen: firstSeenOf(firstSeen.get(r.id)) })),
        };
      },
    );

    app.get(
      '/v1/lists/diff.csv',
      {
        preHandler: anyRole,
        schema: {
          tags: ['lists'],
          summary: 'The rows of `GET /v1/lists/diff` (same filters) as CSV, one record a line, with a header row',
          querystring: DiffQuery,
          produces: ['text/csv'],
          response: { 200: Type.String({ description: 'text/csv; charset=utf-8' }), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const { a, b, answer } = await filteredDiff(request.query);
        const firstSeen = await deps.store.firstSeen(answer.rows.map((r) => r.id));
        void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${csvFileName(a, b)}"`);
        return diffCsv(answer.rows, (id) => firstSeenOf(firstSeen.get(id)));
      },
    );

    /** The two publications asked for, checked, and their comparison narrowed by the filters. */
    async function filteredDiff(query: Static<typeof DiffQuery>) {
      const { from, to, programme, country, schema, q } = query;
      if (from === to)
        throw invalid(
          `A publication compared with itself has no changes: choose two publications (from = to = ${from}).`,
          'querystring/to',
        );
      const [a, b] = [await deps.store.getPublication(from), await deps.store.getPublication(to)];
      if (!a) throw new EmbargoError('NOT_FOUND', `There is no publication ${from}.`, { field: 'querystring/from' });
      if (!b) throw new EmbargoError('NOT_FOUND', `There is no publication ${to}.`, { field: 'querystring/to' });
      if (a.source !== b.source)
        throw invalid(`Publications ${from} (${a.source}) and ${to} (${b.source}) are of different lists.`, 'querystring/to');
      // Off the screening path: cached per pair, one comparison at a time, in steps (see list-diffs.ts).
      const answer = filterListDiff(await diffs.diff(a, b), { programme, country, schema, text: q });
      return { a, b, answer };
    }

    app.post(
      '/v1/lists/update',
      {
        preHandler: app.requireRole('admin'),
        schema: {
          tags: ['lists'],
          summary: 'Load a folder of official list files (default: the configured data folder) as the lists in force',
          body: Type.Optional(
            Type.Object(
              {
                dir: Type.Optional(
                  Type.String({ minLength: 1, maxLength: 1000, description: 'A folder on the server (default: its data folder)' }),
                ),
                download: Type.Optional(
                  Type.Boolean({
                    description:
                      "First download the publishers' current files into the data folder (verified before they replace anything)",
                  }),
                ),
                allowShrink: Type.Optional(
                  Type.Object(
                    {
                      reason: Type.String({
                        minLength: 1,
                        maxLength: 1000,
                        pattern: '\\S',
                        description: 'Why the list really shrank; audited',
                      }),
                    },
                    {
                      additionalProperties: false,
                      description: 'Put in force a publication that lost more records or aliases than the allowed share (default 5 %)',
                    },
                  ),
                ),
                allowOlder: Type.Optional(
                  Type.Boolean({ description: 'Put in force a publication older (by its published date) than the one in force' }),
                ),
              },
              { additionalProperties: false },
            ),
          ),
          response: {
            200: Type.Object({
              saved: Type.Array(Publication),
              history: Type.Array(Publication, {
                description: 'Earlier publications in the folder stored as history by this load (never in force)',
              }),
              unchanged: Type.Array(Type.String()),
              generation: Type.Integer({ description: 'The lists generation in force after the load' }),
              left: Type.Array(
                Type.Object({
                  source: Type.String(),
                  records: Type.Object({ before: Type.Integer(), after: Type.Integer() }),
                  aliases: Type.Object({ before: Type.Integer(), after: Type.Integer() }),
                  programsLost: Type.Array(Type.Object({ program: Type.String(), before: Type.Integer(), after: Type.Integer() })),
                }),
                { description: 'Per source: what left the list (records and aliases before → after, programmes that lost records)' },
              ),
              rescreening: Type.Array(Type.Object({}, { additionalProperties: true })),
              ownership: Type.Optional(
                Type.Array(
                  Type.Object({
                    tenant: Type.String(),
                    newlyBlocked: Type.Integer(),
                    unblocked: Type.Integer(),
                    alertsOpened: Type.Integer(),
                  }),
                  { description: 'Per tenant with ownership data: statuses the new lists changed, and alerts opened' },
                ),
              ),
            }),
            409: ErrorResponse,
            422: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        // The lists in force are every tenant's: an admin of one tenant may not change what the others screen against.
        requireAcrossTenants(actorOf(request), 'Loading the lists in force');
        const { dir, download, allowShrink, allowOlder } = request.body ?? {};
        const actor = actorOf(request).keyId;
        if (download) {
          // Downloads go into the data folder, which is what a later update without `dir` loads.
          if (dir) throw invalid('Give either "dir" or "download", not both: a download goes into the data folder.', 'body/dir');
          const summary = await updateFromPublishers(deps, actor, { allowShrink, allowOlder });
          // A download of every publisher is a check of each: /healthz and the dashboard see it at once.
          const at = deps.clock();
          for (const source of publisherSources()) await recordCheck(deps, succeededCheck(source, summary, at), actor);
          return summary;
        }
        return loadListFolder(deps, dir ?? deps.config.dataDir, actor, { allowShrink, allowOlder, maxShrink: deps.config.maxListShrink });
      },
    );
  };
}
