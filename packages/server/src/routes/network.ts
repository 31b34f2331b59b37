/**
 * @module routes/network
 * `POST /v1/network/rank`: a transactions file (CSV `date,payer,payer_country,payee,payee_country,amount,
 * currency,hs,vessel`) in the body, the parties that are not listed ranked by their exposure to designated
 * and ownership-blocked parties out, each with its evidence and the network around it. Ownership-blocked
 * parties are the tenant's own (its ownership files); nothing is stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, type Actor } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { MAX_NETWORK_NAMES, rankNetworkFile } from '../network-ranking.js';
import { decodeUtf8Body } from '../request-checks.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas.js';
import { checkTenantName, readTenant, TENANT_PATTERN, writeTenant } from '../tenancy.js';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];
/** About 200,000 rows; the distinct names are limited apart (MAX_NETWORK_NAMES). */
const NETWORK_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

const Json = Type.Object({}, { additionalProperties: true });
const Designation = Type.Object({
  recordId: Type.String({ description: 'The listed record, or the ownership graph node that is blocked' }),
  caption: Type.String(),
  basis: Type.Union([Type.Literal('listed'), Type.Literal('ownership')]),
  score: Type.Number(),
  reason: Type.String(),
});
const Neighbourhood = Type.Object({
  centre: Type.Integer(),
  nodes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      countries: Type.Array(Type.String()),
      centre: Type.Boolean(),
      designation: Type.Optional(Designation),
      distance: Type.Integer({ description: 'Steps to the nearest designated party (0: designated; 4: none within 3)' }),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      from: Type.Integer({ description: 'The payer' }),
      to: Type.Integer({ description: 'The payee' }),
      value: Type.Number({ description: 'USD' }),
      rows: Type.Integer(),
      designatedVessels: Type.Array(Type.String()),
    }),
  ),
  leftOut: Type.Integer({ description: 'Counterparties not drawn (the smallest; none designated)' }),
});
const RankedParty = Type.Object({
  rank: Type.Integer(),
  name: Type.String(),
  countries: Type.Array(Type.String()),
  score: Type.Number({ description: '0 to 1: the sum of the evidence contributions' }),
  measures: Json,
  evidence: Type.Array(Json, {
    description: 'Per feature: label, value (0–1), weight, contribution, detail, and the transactions, counterparts and path behind it',
  }),
  neighbourhood: Neighbourhood,
});

/** The tenant whose ownership data counts: a credential's own; across tenants, `?tenant=` or `default`. */
function rankingTenant(actor: Actor, asked: string | undefined): string {
  if (asked !== undefined) checkTenantName(asked, 'querystring/tenant');
  return readTenant(actor, asked) ?? writeTenant(actor);
}

export function networkRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: NETWORK_BODY_LIMIT_BYTES }, (_request, body, done) => {
      try {
        done(null, decodeUtf8Body(body as Buffer, 'file'));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    app.post(
      '/v1/network/rank',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        bodyLimit: NETWORK_BODY_LIMIT_BYTES,
        schema: {
          tags: ['network'],
          summary: 'Rank the parties of a transactions file by their exposure to designated parties (facilitator discovery)',
          description:
            'The body is a CSV file (text/csv) with the header date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel. ' +
            'Every distinct party and vessel name is screened against the lists in force; parties your ownership data shows blocked count ' +
            'as designated. Each party not designated itself is scored on six weighted measures (value and share of its trade with ' +
            'designated parties, distinct designated counterparts, banned North Korean goods handled, steps to a designated party, and ' +
            'how much of the designated parties’ trade passes through it); the top parties come with the transactions, counterparts and ' +
            `paths behind each measure and the network around them. A malformed row is refused (422, naming its line, column and field). ` +
            `Up to ${MAX_NETWORK_NAMES.toLocaleString('en-US')} distinct names; rank larger files with the CLI (embargo network rank). Nothing is stored.`,
          querystring: Type.Object(
            {
              top: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Parties returned (default 25)' })),
              counterparties: Type.Optional(
                Type.Integer({
                  minimum: 1,
                  maximum: 50,
                  description: 'Counterparties drawn around each party besides designated ones (default 12)',
                }),
              ),
              name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The file’s name, quoted in errors' })),
              tenant: Type.Optional(
                Type.String({
                  pattern: TENANT_PATTERN.source,
                  description: 'Across tenants: whose ownership data counts (default: default)',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          body: Type.String({ minLength: 1 }),
          response: {
            200: Type.Object({
              tenant: Type.String(),
              rows: Type.Integer(),
              parties: Type.Integer({ description: 'Distinct parties in the file' }),
              designatedParties: Type.Integer({ description: 'Parties matched to listed records or blocked by ownership' }),
              designatedVessels: Type.Integer(),
              listsGeneration: Type.Union([Type.Integer(), Type.Null()]),
              scored: Type.Integer({ description: 'Parties with a score above 0 (ranked or not)' }),
              ranked: Type.Array(RankedParty),
            }),
            422: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const { top = 25, counterparties = 12, name = 'upload.csv', tenant: asked } = request.query;
        const tenant = rankingTenant(actorOf(request), asked);
        return rankNetworkFile(deps, { tenant, file: name, text: request.body, top, counterparties });
      },
    );
  };
}
