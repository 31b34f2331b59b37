/**
 * @module routes/alerts
 * The alert queue and decisions (analyst, admin): `GET /v1/alerts` (filter by status, score, source,
 * customer), `GET /v1/alerts/:id` (the screened party, the match with its explanation, the listed
 * record as it is now, and every decision), and `POST /v1/alerts/:id/decisions`. The workflow rules
 * (four eyes on high-scoring false positives) live in the core (`decide`); a false positive that closes
 * is remembered for the customer with the fingerprint of the record as alerted on.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ALERT_STATUSES, DECISION_KINDS, EmbargoError, FOUR_EYES_MIN_SCORE, REASON_CODE_PATTERN } from '@embargo/core';
import type { AlertRecord, DecisionRecord } from '@embargo/store';
import { Type } from 'typebox';
import { prepareDecision, reasonCodesOf, type PreparedDecision } from '../alert-decisions.js';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { entityFingerprint } from '../entity-fingerprint.js';
import { readTenant, TENANT_PATTERN } from '../tenancy.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';

export const AlertStatus = Type.Enum([...ALERT_STATUSES], {
  description: 'open, pending_approval (a false positive awaiting a second analyst), escalated, true_match, false_positive',
});
const DecisionKind = Type.Enum([...DECISION_KINDS], {
  description: 'true_match, false_positive, escalate; approve or reject a pending false positive',
});

export const Alert = Type.Object({
  id: Type.String(),
  caseId: Type.String({
    description: "The case the alert is worked in: its customer's unresolved alerts on the same party (GET /v1/cases/{id})",
  }),
  tenant: Type.String({ description: 'Whose customer (or batch job) was screened' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  screeningId: Type.String(),
  customerKey: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.String(),
  source: Type.String(),
  score: Type.Number(),
  status: AlertStatus,
  party: Type.Object({}, { additionalProperties: true, description: 'The party as screened' }),
  match: Type.Object({}, { additionalProperties: true, description: 'The match as answered, with its explanation' }),
});
export const Decision = Type.Object({
  id: Type.String(),
  decidedAt: Type.String(),
  actor: Type.String({ description: 'The credential that decided: an API key id, or user:<username> for a web session' }),
  person: Type.String({
    description: 'The person behind that credential (a username, or the person the key was made for); four eyes compares these',
  }),
  decision: DecisionKind,
  reason: Type.String(),
  reasonCode: Type.Optional(
    Type.String({ description: "The tenant's reason code (GET /v1/reason-codes); absent on decisions taken before codes" }),
  ),
});

/** What a decision asks, one alert or many: the decision, the tenant's reason code, and the analyst's words. */
export const DecisionFields = {
  decision: DecisionKind,
  reasonCode: Type.String({ pattern: REASON_CODE_PATTERN.source, description: "One of the tenant's reason codes (GET /v1/reason-codes)" }),
  reason: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description: 'Why, in words; kept in the audit trail' }),
};

/** The alert as the API shows it: the fingerprint is an internal detail (see `recordChanged`). */
export function alertView(a: AlertRecord) {
  const { entityVersion: _version, ...rest } = a;
  void _version;
  return { ...rest, caseId: a.caseId ?? a.id, party: a.party as Record<string, unknown>, match: a.match as Record<string, unknown> };
}

export function decisionView(d: DecisionRecord) {
  const { alertId: _alert, ...rest } = d;
  void _alert;
  return rest;
}

/** The alert, if the actor's tenant may see it: another tenant's does not exist to it. */
export async function alertOr404(deps: AppDeps, id: string, tenant: string | null): Promise<AlertRecord> {
  const alert = await deps.store.getAlert(id, tenant);
  if (!alert) throw new EmbargoError('NOT_FOUND', `There is no alert ${id}.`);
  return alert;
}

export function alertRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const analysts = app.requireRole('analyst', 'admin');

    app.get(
      '/v1/alerts',
      {
        preHandler: analysts,
        schema: {
          tags: ['alerts'],
          summary: 'The alert queue, newest first',
          querystring: Type.Object(
            {
              tenant: Type.Optional(
                Type.String({
                  pattern: TENANT_PATTERN.source,
                  description: "One tenant's alerts (across tenants); a credential of one tenant sees its own only",
                }),
              ),
              status: Type.Optional(AlertStatus),
              minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
              source: Type.Optional(
                Type.String({ minLength: 1, maxLength: 50, description: 'ofac-sdn, ofac-cons, un-sc, uk-hmt, eu-fsf, au-dfat, ca-sema' }),
              ),
              customerKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              screeningId: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 200,
                  description: 'The alerts of one screening, batch party or screened payment (its paymentId)',
                }),
              ),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ alerts: Type.Array(Alert) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const tenant = readTenant(actorOf(request), request.query.tenant);
        return { alerts: (await deps.store.listAlerts({ ...request.query, tenant: tenant ?? undefined })).map(alertView) };
      },
    );

    app.get(
      '/v1/alerts/:id',
      {
        preHandler: analysts,
        schema: {
          tags: ['alerts'],
          summary: 'One alert: the party, the match and its explanation, the listed record, the decisions',
          params: IdParams,
          response: {
            200: Type.Object({
              alert: Alert,
              entity: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
                description: 'The listed record as the lists in force have it; null once it left the lists',
              }),
              recordChanged: Type.Boolean({ description: 'The listed record differs from the one the alert was raised on' }),
              decisions: Type.Array(Decision, { description: 'Oldest first' }),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const alert = await alertOr404(deps, request.params.id, readTenant(actorOf(request)));
        const entity = deps.screening.entity(alert.entityId);
        return {
          alert: alertView(alert),
          entity: (entity as unknown as Record<string, unknown>) ?? null,
          recordChanged: !entity || entityFingerprint(entity) !== alert.entityVersion,
          decisions: (await deps.store.decisionsFor(alert.id)).map(decisionView),
        };
      },
    );

    app.post(
      '/v1/alerts/:id/decisions',
      {
        preHandler: analysts,
        schema: {
          tags: ['alerts'],
          summary: 'Decide an alert: true_match, false_positive, escalate; approve or reject a pending false positive',
          description:
            `A false positive on a score of ${FOUR_EYES_MIN_SCORE} or more waits (pending_approval) for another analyst to approve or reject it; ` +
            'approving a proposal of your own (made with any of your keys or your web session) gives 403. A decision the alert no longer admits (closed, or another analyst decided first) gives 409. ' +
            'A false positive that closes is remembered for the customer: the same listed record, unchanged, does not alert them again.',
          params: IdParams,
          body: Type.Object(DecisionFields, { additionalProperties: false }),
          response: {
            200: Type.Object({
              alert: Alert,
              decision: Decision,
              remembered: Type.Boolean({ description: 'A false positive was remembered for this customer and listed record' }),
            }),
            404: ErrorResponse,
            409: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const alert = await alertOr404(deps, request.params.id, readTenant(actor));
        const history = await deps.store.decisionsFor(alert.id);
        // Four eyes is checked here on the history just read, and again by the store in the transaction
        // that records the decision (two requests could both read the same history).
        const prepared = prepareDecision(deps, alert, history, actor, request.body, await deps.store.reasonCodes(alert.tenant));
        // STORE_CONFLICT (409) when another analyst moved the alert meanwhile.
        await deps.store.recordDecision(prepared.decision, prepared.change);
        const updated = await alertOr404(deps, alert.id, alert.tenant);
        return {
          alert: alertView(updated),
          decision: decisionView(prepared.decision),
          remembered: prepared.change.suppression !== undefined,
        };
      },
    );

    app.post(
      '/v1/alerts/decisions',
      {
        preHandler: analysts,
        schema: {
          tags: ['alerts'],
          summary: "Decide several alerts at once with one reason code (bulk close of a customer's false positives, or a case)",
          description:
            'Each alert is decided as POST /v1/alerts/{id}/decisions decides it, four eyes per alert: a false positive on a score of ' +
            `${FOUR_EYES_MIN_SCORE} or more goes to pending_approval, a lower one closes. All or nothing: when one alert is unknown (404), ` +
            'does not admit the decision (409), would be approved by its own proposer (403), or was decided meanwhile (409), none is recorded; ' +
            'the error names the alert. One decision audit row per alert.',
          body: Type.Object(
            {
              alertIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
                minItems: 1,
                maxItems: MAX_ALERTS_PER_BULK,
                uniqueItems: true,
              }),
              ...DecisionFields,
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              decided: Type.Array(
                Type.Object({
                  alert: Alert,
                  decision: Decision,
                  remembered: Type.Boolean(),
                }),
              ),
            }),
            404: ErrorResponse,
            409: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = readTenant(actor);
        const { alertIds, ...asked } = request.body;
        const codesOf = reasonCodesOf(deps);
        const decidedAt = deps.clock().toISOString();
        const prepared: PreparedDecision[] = [];
        for (const id of alertIds) {
          const alert = await alertOr404(deps, id, tenant);
          try {
            prepared.push(
              prepareDecision(deps, alert, await deps.store.decisionsFor(id), actor, asked, await codesOf(alert.tenant), decidedAt),
            );
          } catch (error) {
            throw namingAlert(error, id);
          }
        }
        await deps.store.recordDecisions(prepared);
        const decided = [];
        for (const p of prepared)
          decided.push({
            alert: alertView(await alertOr404(deps, p.decision.alertId, tenant)),
            decision: decisionView(p.decision),
            remembered: p.change.suppression !== undefined,
          });
        return { decided };
      },
    );
  };
}

/** Alerts one bulk decision may cover: a customer's queue, and far under the databases' limits. */
export const MAX_ALERTS_PER_BULK = 200;

/** The error with the alert it is about named first, so a refused bulk says which alert refused it. */
function namingAlert(error: unknown, alertId: string): unknown {
  if (!(error instanceof EmbargoError) || error.code === 'INVALID_INPUT') return error;
  return new EmbargoError(error.code, `Alert ${alertId}: ${error.message}`, { ...error.context, alertId }, { cause: error });
}
