/**
 * @module routes/trade
 * `POST /v1/trade/screen` takes shipments or letters of credit (a JSON object or array, JSON Lines, or
 * CSV), screens each against the DPRK goods measures and the lists in force, keeps each decision as a
 * screening of the caller's tenant (in the audit trail, readable again at `GET /v1/screenings/:id`), and
 * answers one decision per shipment with its reasons. `GET /v1/trade/rules` gives the measures in force
 * and `GET /v1/trade/revenue` the revenue at risk of the default example, for the web page.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DPRK_EXPORT_ESTIMATES,
  DPRK_MEASURES,
  EmbargoError,
  revenueAtRisk,
  shipmentDecisionJson,
  type Shipment,
  type ShipmentDecision,
  type ShipmentParseError,
} from '@embargo/core';
import { parseShipments, type ShipmentSyntax } from '@embargo/payments';
import type { AlertRecord } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { entityFingerprint } from '../entity-fingerprint.js';
import { openedAlert } from '../opened-alert.js';
import { decodeUtf8Body } from '../request-checks.js';
import { AUTH_ERRORS, TradeReason } from '../schemas.js';
import { writeTenant } from '../tenancy.js';

/** A shipment is a few hundred bytes; a letter-of-credit batch of a thousand, a few hundred kilobytes. */
const TRADE_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Shipments one request may hold: each is screened and stored in turn while the caller waits. */
const MAX_SHIPMENTS_PER_REQUEST = 1000;

const SYNTAX_OF_TYPE: Record<string, ShipmentSyntax> = {
  'application/json': 'json',
  'application/x-ndjson': 'json',
  'application/jsonl': 'json',
  'text/csv': 'csv',
};

const Screened = Type.Object({
  record: Type.Integer({ description: 'Which record of the body (from 1)' }),
  screeningId: Type.String({ description: 'The stored screening: GET /v1/screenings/{screeningId}' }),
  id: Type.String({ description: 'The shipment’s own id' }),
  decision: Type.Union([Type.Literal('prohibited'), Type.Literal('review'), Type.Literal('allowed')]),
  reasons: Type.Array(TradeReason),
  rulesVersion: Type.String({ description: 'The version of the DPRK measures the decision was made under' }),
  screened: Type.Object({ goods: Type.Integer(), parties: Type.Integer(), vessel: Type.Boolean() }),
  listsGeneration: Type.Integer(),
  alertsOpened: Type.Integer({ description: 'Alerts opened in your queue: one per listed party or vessel the shipment names' }),
});

const Unreadable = Type.Object({
  record: Type.Integer({ description: 'Which record of the body (from 1)' }),
  error: Type.Object({
    code: Type.Literal('SHIPMENT_PARSE'),
    line: Type.Integer(),
    field: Type.Optional(Type.String({ description: 'The field (goods[0].hs) or CSV column' })),
    reason: Type.String(),
  }),
});

const Outcome = Type.Union([Screened, Unreadable]);

const ShipmentBody = Type.Object(
  {
    text: Type.String({ minLength: 1 }),
    syntax: Type.Union([Type.Literal('json'), Type.Literal('csv')]),
  },
  { additionalProperties: false },
);

function unreadable(record: number, error: ShipmentParseError) {
  return {
    record,
    error: { code: 'SHIPMENT_PARSE' as const, line: error.line, reason: error.reason, ...(error.field ? { field: error.field } : {}) },
  };
}

export function tradeRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // In this plugin only: the body is kept as text so that each record's line can be named.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      Object.keys(SYNTAX_OF_TYPE),
      { parseAs: 'buffer', bodyLimit: TRADE_BODY_LIMIT_BYTES },
      (request, body, done) => {
        try {
          const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
          done(null, { text: decodeUtf8Body(body as Buffer, 'body'), syntax: SYNTAX_OF_TYPE[type] });
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );

    app.post(
      '/v1/trade/screen',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        bodyLimit: TRADE_BODY_LIMIT_BYTES,
        schema: {
          tags: ['trade'],
          summary: 'Screen shipments or letters of credit against the DPRK goods measures and the lists',
          description:
            'The body is a shipment or an array of them (`application/json`), one per line (`application/x-ndjson`), or CSV with a ' +
            'header row (`text/csv`; one goods line or party per row, rows with the same id making one shipment). A shipment: ' +
            '`{"id","date","origin","destination","portOfLoading":{"name","country"},"portOfDischarge":{"name","country"},' +
            '"vessel":{"name","imo"},"goods":[{"hs","description","value","currency"}],"parties":[{"role","name","country"}]}`, ' +
            'countries as ISO codes or English names, HS codes as text. Each shipment gets `prohibited`, `review` or `allowed` with ' +
            'its reasons, each citing the resolution and paragraph or the listed record, and is kept as a screening of your tenant; ' +
            'each listed party or vessel it names opens an alert in your queue. ' +
            'The status is 200 when every record was read, 422 when one could not be (the others are still screened and kept; each ' +
            'unreadable one names its line and field).',
          body: ShipmentBody,
          response: {
            200: Type.Object({ outcomes: Type.Array(Outcome) }),
            422: Type.Object({ error: Type.Literal('SHIPMENT_PARSE'), message: Type.String(), outcomes: Type.Array(Outcome) }),
            ...AUTH_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const tenant = writeTenant(actor);
        const results = parseShipments(request.body.text, request.body.syntax);
        if (results.length > MAX_SHIPMENTS_PER_REQUEST)
          throw new EmbargoError('INVALID_INPUT', `${results.length} shipments in one request; at most ${MAX_SHIPMENTS_PER_REQUEST}`, {
            field: 'body',
          });
        const outcomes = [];
        for (const [i, result] of results.entries())
          outcomes.push(
            result.error ? unreadable(i + 1, result.error) : await screenAndKeep(deps, result.shipment, i + 1, tenant, actor.keyId),
          );
        const failed = outcomes.filter((o) => 'error' in o).length;
        if (failed === 0) return { outcomes };
        return reply.code(422).send({
          error: 'SHIPMENT_PARSE' as const,
          message: `${failed} of ${outcomes.length} record(s) could not be read; nothing was decided for them`,
          outcomes,
        });
      },
    );

    app.get(
      '/v1/trade/rules',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        schema: {
          tags: ['trade'],
          summary: 'The DPRK goods measures in force: each with its citation, words, HS codes, caps, exemptions and verification',
          response: { 200: Type.Object({}, { additionalProperties: true }), ...AUTH_ERRORS },
        },
      },
      async () => DPRK_MEASURES,
    );

    app.get(
      '/v1/trade/revenue',
      {
        preHandler: app.requireRole('client', 'analyst', 'admin'),
        schema: {
          tags: ['trade'],
          summary: 'Revenue at risk of the default example: public estimates of DPRK exports, by resolution and commodity, with sources',
          response: { 200: Type.Object({}, { additionalProperties: true }), ...AUTH_ERRORS },
        },
      },
      async () => revenueAtRisk(DPRK_EXPORT_ESTIMATES, DPRK_MEASURES),
    );
  };
}

/**
 * Screens one shipment and keeps the decision as a screening of the tenant, with its audit row. Each
 * listed party or vessel the shipment names (a reason of kind party or vessel) opens an alert in the
 * tenant's queue, as a payment's hits do: the shipment's decision stands, and an analyst confirms or
 * clears the match. Goods and route reasons are rules applied, not resemblances, and open none.
 */
async function screenAndKeep(deps: AppDeps, shipment: Shipment, record: number, tenant: string, actor: string | null) {
  const lists = deps.screening.lists;
  const decision = await deps.screening.screenShipment(shipment);
  const screeningId = deps.newId();
  const answered = shipmentDecisionJson(decision);
  const { alertsOpened } = await deps.store.recordScreening(
    {
      id: screeningId,
      tenant,
      createdAt: deps.clock().toISOString(),
      actor,
      customerKey: null,
      input: { kind: 'shipment', shipment, rulesVersion: decision.rulesVersion },
      publicationIds: lists.publications.map((p) => p.id),
      listsGeneration: lists.listsGeneration,
      // As answered: the explanations of the names matched go with the alerts, not into the screening twice.
      results: answered.reasons,
      alerted: decision.decision !== 'allowed',
    },
    alertsOfShipment(deps, decision, tenant, screeningId),
  );
  return { record, screeningId, ...answered, listsGeneration: lists.listsGeneration, alertsOpened };
}

/** One alert per listed party or vessel a shipment's decision names, pointing at the stored screening. */
function alertsOfShipment(deps: AppDeps, decision: ShipmentDecision, tenant: string, screeningId: string): AlertRecord[] {
  const now = deps.clock().toISOString();
  const links = deps.screening.lists.links;
  const alerts: AlertRecord[] = [];
  for (const reason of decision.reasons) {
    if (reason.kind !== 'party' && reason.kind !== 'vessel') continue;
    const entity = deps.screening.entity(reason.id);
    if (!entity) continue;
    alerts.push(
      openedAlert(deps, now, {
        tenant,
        screeningId,
        customerKey: null,
        entityId: reason.id,
        entityVersion: entityFingerprint(entity),
        source: entity.source,
        score: reason.score ?? 1,
        party: {
          name: reason.subject?.text ?? reason.detail,
          shipment: {
            id: decision.id,
            screeningId,
            role: reason.subject?.role ?? reason.kind,
            decision: decision.decision,
            effect: reason.effect,
            rulesVersion: decision.rulesVersion,
          },
        },
        match: {
          id: reason.id,
          caption: reason.caption ?? entity.caption,
          score: reason.score ?? 1,
          alert: true,
          rule: reason.rule,
          reason: reason.detail,
          explanation: reason.explanation ?? null,
          // The records other lists keep for the same party join one case, as a screening's do.
          linkedIds: (links.get(reason.id) ?? []).map((l) => (l.a === reason.id ? l.b : l.a)),
        },
      }),
    );
  }
  return alerts;
}
