/**
 * @module schemas
 * Request and response shapes, defined once with TypeBox: fastify validates requests with them,
 * serialises responses with them, and @fastify/swagger publishes them in the OpenAPI document.
 */
import { Type, type Static } from 'typebox';
import { MAX_NAME_WORDS, SCHEMATA, type SchemaName as CoreSchemaName } from '@embargo/core';
import { BIRTH_DATE_FORMAT, PARTY_NAME_FORMAT } from './request-checks.js';

/** The outcome of a publisher's last check for an update (see list-checks' ListCheckOutcome); null when not checked yet. */
export const ListCheckOutcome = Type.Union(
  [
    Type.Literal('unchanged'),
    Type.Literal('loaded'),
    Type.Literal('refused'),
    Type.Literal('unreachable'),
    Type.Literal('failed'),
    Type.Null(),
  ],
  { description: "The last check's outcome: unchanged, loaded, refused, unreachable or failed; null: not checked yet" },
);

const SCHEMA_NAMES = Object.keys(SCHEMATA) as CoreSchemaName[];

export const SchemaName = Type.Union(
  SCHEMA_NAMES.map((s) => Type.Literal(s)),
  { description: 'FollowTheMoney schema: Person, Organization, Company, Vessel, Airplane, LegalEntity' },
);

/** A name to screen: at least one letter or digit, at most 100 words, no control characters (core's `nameProblem`). */
export const PartyName = Type.String({
  minLength: 1,
  maxLength: 500,
  format: PARTY_NAME_FORMAT,
  description: `The name in any script: at least one letter or digit, at most ${MAX_NAME_WORDS} words`,
});

/** A real calendar date as an ISO prefix; unpadded dates (1969-7-16) are refused (core's `birthDateProblem`). */
export const BirthDate = Type.String({
  format: BIRTH_DATE_FORMAT,
  maxLength: 10,
  description: 'YYYY, YYYY-MM or YYYY-MM-DD, a date that exists, months and days with two digits',
});

export const Identifier = Type.Object(
  {
    type: Type.Optional(Type.String({ maxLength: 50, description: 'passportNumber, idNumber, imoNumber, swiftBic, registrationNumber…' })),
    value: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const Party = Type.Object(
  {
    name: PartyName,
    schema: Type.Optional(SchemaName),
    birthDate: Type.Optional(BirthDate),
    country: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'ISO 3166-1 alpha-2 code or a country name' })),
    identifiers: Type.Optional(Type.Array(Identifier, { maxItems: 20 })),
    customerKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your own id for the party' })),
  },
  { additionalProperties: false },
);
export type PartyBody = Static<typeof Party>;

export const Explanation = Type.Object(
  {},
  { additionalProperties: true, description: 'Aligned names, tokens, scorer contributions and a summary' },
);

export const Match = Type.Object({
  id: Type.String(),
  caption: Type.String(),
  schema: Type.String(),
  source: Type.String(),
  score: Type.Number(),
  alert: Type.Boolean(),
  suppressed: Type.Optional(Type.Boolean()),
  explanation: Explanation,
  linkedIds: Type.Optional(
    Type.Array(Type.String(), { description: 'Records other lists keep for the same party (cross-list links): one party, one row' }),
  ),
  kind: Type.Optional(
    Type.Literal('ownership', { description: 'A party of your ownership files blocked by ownership or control, not a listed record' }),
  ),
  ownership: Type.Optional(
    Type.Array(
      Type.Object({
        regime: Type.String(),
        status: Type.String(),
        aggregate: Type.Object({ min: Type.Number(), max: Type.Number() }),
        proof: Type.Array(Type.String()),
      }),
      { description: 'Its statuses per regime, each with its proof' },
    ),
  ),
});

/** One reason of a shipment's decision (`POST /v1/trade/screen`; kept among a trade screening's `results`). */
export const TradeReason = Type.Object({
  kind: Type.Union([Type.Literal('goods'), Type.Literal('party'), Type.Literal('vessel'), Type.Literal('country')]),
  rule: Type.String({
    description: 'The resolution and paragraph (UNSCR 2371 (2017) para 8), or for a listed party or vessel its list and programme',
  }),
  id: Type.String({ description: 'The measure or country rule (unscr-2371-8), or the listed record (ofac:22603)' }),
  detail: Type.String(),
  effect: Type.Union([Type.Literal('prohibited'), Type.Literal('review')]),
  good: Type.Optional(Type.Integer({ description: 'For goods reasons: which goods line (from 0)' })),
  caption: Type.Optional(Type.String({ description: 'For party and vessel reasons: the listed record’s name' })),
  score: Type.Optional(Type.Number()),
});

export const PublicationRef = Type.Object({
  id: Type.Number(),
  source: Type.String(),
  published: Type.Union([Type.String(), Type.Null()]),
});

export const Publication = Type.Object({
  id: Type.Number(),
  source: Type.String(),
  published: Type.Union([Type.String(), Type.Null()]),
  loadedAt: Type.String(),
  records: Type.Number(),
  schemata: Type.Record(Type.String(), Type.Number()),
  issues: Type.Number(),
  current: Type.Boolean(),
  files: Type.Array(Type.Object({ path: Type.String(), sha256: Type.String(), bytes: Type.Number(), format: Type.String() })),
  missingFiles: Type.Array(Type.String(), {
    description:
      'Companion files a publication kept as history lacks (e.g. ["add.csv","alt.csv"]): its aliases and addresses are not comparable',
  }),
});

export const ErrorResponse = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  file: Type.Optional(Type.String()),
  line: Type.Optional(Type.Number()),
  problems: Type.Optional(
    Type.Array(Type.Object({ line: Type.Integer(), field: Type.String(), message: Type.String() }), {
      description: 'Every bad line of an uploaded file (the first 100), when the refusal lists them',
    }),
  ),
});

/** The error responses every authenticated route can give. */
export const AUTH_ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 503: ErrorResponse } as const;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
