/**
 * @module routes/payments
 * `POST /v1/payments/screen` takes a raw payment message (`text/plain` for SWIFT MT, `application/xml` for
 * ISO 20022, or JSON `{ "message": "…" }`), screens and stores each message in it, and answers one
 * decision per message; `GET /v1/payments/:id` gives a stored one back with the message as received and
 * the parties read from it; `GET /v1/payments` lists the tenant's, newest first.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError, type Payment } from '@embargo/core';
import type { PaymentRecord } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { decodeUtf8Body } from '../request-checks.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';
import { readTenant, writeTenant } from '../tenancy.js';
import { decisionJson, screenPaymentMessages } from '../payment-screening.js';

const RAW_TYPES = ['text/plain', 'application/xml', 'text/xml'];
/** A payment message is a few kilobytes; an RJE batch of hundreds, a few hundred. */
const PAYMENT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const Hit = Type.Object({
  field: Type.String({ description: 'The MT field (50K, B/59F, 70 line 2) or ISO 20022 path the hit is in' }),
  text: Type.String({ description: 'What the screening saw there' }),
  id: Type.Union([Type.String(), Type.Null()], { description: 'The listed record, for name, BIC and IMO hits' }),
  caption: Type.Union([Type.String(), Type.Null()]),
  jurisdiction: Type.Union([Type.String(), Type.Null()], { description: 'The embargoed jurisdiction, for country and place hits' }),
  score: Type.Number(),
  rule: Type.String({ description: 'party-name, bic, bic-country, country, place, text-name or imo' }),
  action: Type.Union([Type.Literal('hold'), Type.Literal('block')]),
  reason: Type.String(),
});

const Decision = Type.Object({
  paymentId: Type.String({ description: 'The stored payment: GET /v1/payments/{paymentId}' }),
  messageId: Type.String({ description: 'The UETR, else the sender BIC and reference' }),
  tenant: Type.String(),
  format: Type.String(),
  decision: Type.Union([Type.Literal('pass'), Type.Literal('hold'), Type.Literal('block')]),
  screenedAt: Type.String(),
  listsGeneration: Type.Union([Type.Integer(), Type.Null()]),
  hits: Type.Array(Hit),
});

const Outcome = Type.Union([
  Type.Object({
    ...Decision.properties,
    message: Type.Integer({ description: 'Which message of the body (from 1)' }),
    stored: Type.Boolean({ description: 'false: decided before (the same message id); this is the stored decision' }),
    alertsOpened: Type.Integer(),
  }),
  Type.Object({
    message: Type.Integer({ description: 'Which message of the body (from 1)' }),
    error: Type.Object({
      code: Type.Literal('PAYMENT_PARSE'),
      field: Type.Optional(Type.String()),
      line: Type.Optional(Type.Integer()),
      reason: Type.String(),
    }),
  }),
]);

function storedPaymentJson(record: PaymentRecord) {
  return { ...decisionJson(record), raw: record.raw, payment: record.payment as Payment, actor: record.actor };
}

export function paymentRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: PAYMENT_BODY_LIMIT_BYTES }, (_request, body, done) => {
      try {
        done(null, { message: decodeUtf8Body(body as Buffer, 'message') });
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    app.post(
      '/v1/payments/screen',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        bodyLimit: PAYMENT_BODY_LIMIT_BYTES,
        schema: {
          tags: ['payments'],
          summary: 'Screen a payment message: SWIFT MT (text/plain) or ISO 20022 (application/xml)',
          description:
            'Every message in the body (an RJE batch holds several) is parsed, screened and stored: one decision per message, `pass`, ' +
            '`hold` or `block`, with its hits. A held or blocked payment opens one alert per hit in your queue. A message already decided ' +
            '(same message id) is answered with the stored decision and `stored: false`. The status is 200 when every message was read, ' +
            '422 when one could not be (the others are still screened and stored; each unreadable one names its field or line).',
          body: Type.Object(
            { message: Type.String({ minLength: 1, description: 'A JSON body: the raw message as a string' }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ outcomes: Type.Array(Outcome) }),
            422: Type.Object({ error: Type.Literal('PAYMENT_PARSE'), message: Type.String(), outcomes: Type.Array(Outcome) }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const outcomes = await screenPaymentMessages(deps, request.body.message, { tenant: writeTenant(actor), actor: actor.keyId });
        const answered = outcomes.map((o) =>
          'error' in o
            ? { message: o.message, error: { code: 'PAYMENT_PARSE' as const, ...o.error, message: undefined } }
            : { ...decisionJson(o.record), message: o.message, stored: o.stored, alertsOpened: o.alertsOpened },
        );
        const unreadable = outcomes.filter((o) => 'error' in o).length;
        if (unreadable === 0) return { outcomes: answered };
        return reply.code(422).send({
          error: 'PAYMENT_PARSE' as const,
          message: `${unreadable} of ${outcomes.length} message(s) could not be read; nothing was decided for them`,
          outcomes: answered,
        });
      },
    );

    app.get(
      '/v1/payments/:id',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        schema: {
          tags: ['payments'],
          summary: 'A screened payment: its decision, hits, the message as received and the parties read from it',
          params: IdParams,
          response: {
            200: Type.Object({
              ...Decision.properties,
              raw: Type.String({ description: 'The message as received' }),
              payment: Type.Object({}, { additionalProperties: true, description: 'The normalised payment: parties, texts, countries' }),
              actor: Type.Union([Type.String(), Type.Null()]),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const record = await deps.store.getPayment(request.params.id, readTenant(actor));
        // A client sees only the payments its key screened; to it, others' do not exist.
        if (!record || (actor.role === 'client' && record.actor !== actor.keyId))
          throw new EmbargoError('NOT_FOUND', `There is no payment ${request.params.id}.`);
        return storedPaymentJson(record);
      },
    );

    app.get(
      '/v1/payments',
      {
        preHandler: app.requireRole('analyst', 'admin'),
        schema: {
          tags: ['payments'],
          summary: 'Screened payments, newest first',
          querystring: Type.Object(
            {
              decision: Type.Optional(Type.Union([Type.Literal('pass'), Type.Literal('hold'), Type.Literal('block')])),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
              offset: Type.Optional(Type.Integer({ minimum: 0 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ total: Type.Integer(), payments: Type.Array(Decision) }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const tenant = readTenant(actorOf(request)) ?? undefined;
        const { decision, limit = 50, offset = 0 } = request.query;
        const [payments, total] = await Promise.all([
          deps.store.listPayments({ tenant, decision, limit, offset }),
          deps.store.countPayments({ tenant, decision }),
        ]);
        return { total, payments: payments.map(decisionJson) };
      },
    );
  };
}
