/**
 * @module routes/alerts
 * The alert queue and decisions: `GET /v1/alerts` (filter by status, score, source, customer),
 * `GET /v1/alerts/:id` (the screened party, the match with its explanation, the listed record as it is
 * now, and every decision), and `POST /v1/alerts/:id/decisions`. The workflow rules (four eyes on
 * high-scoring false positives) live in the core (`decide`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { decide, EmbargoError } from '@embargo/core';
import type { AlertRecord } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';

const AlertStatus = Type.Union(
  ['open', 'pending_approval', 'escalated', 'true_match', 'false_positive', 'suppressed'].map((s) => Type.Literal(s)),
);
const DecisionKind = Type.Union(['true_match', 'false_positive', 'escalate', 'approve', 'reject'].map((s) => Type.Literal(s)));

const Alert = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  screeningId: Type.String(),
  customerKey: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.String(),
  source: Type.String(),
  score: Type.Number(),
  status: Type.String(),
  party: Type.Object({}, { additionalProperties: true }),
  match: Type.Object({}, { additionalProperties: true }),
});
const Decision = Type.Object({
  id: Type.String(),
  decidedAt: Type.String(),
  actor: Type.String(),
  decision: Type.String(),
  reason: Type.String(),
});

function alertView(a: AlertRecord) {
  const { entityVersion: _version, ...rest } = a;
  void _version;
  return { ...rest, party: a.party as Record<string, unknown>, match: a.match as Record<string, unknown> };
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
          querystring: Type.Object({
            status: Type.Optional(AlertStatus),
            minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
            source: Type.Optional(Type.String({ maxLength: 50 })),
            customerKey: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          }),
          response: { 200: Type.Object({ alerts: Type.Array(Alert) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const q = request.query;
        const alerts = await deps.store.listAlerts({ ...q, status: q.status as AlertRecord['status'] | undefined });
        return { alerts: alerts.map(alertView) };
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
              entity: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
              recordChanged: Type.Boolean(),
              decisions: Type.Array(Decision),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const alert = await deps.store.getAlert(request.params.id);
        if (!alert) throw new EmbargoError('NOT_FOUND', `There is no alert ${request.params.id}.`);
        const entity = deps.screening.entity(alert.entityId);
        const { entityFingerprint } = await import('../entity-fingerprint.js');
        return {
          alert: alertView(alert),
          entity: (entity as unknown as Record<string, unknown>) ?? null,
          // The listed record differs from the one the alert was raised on (or has left the lists).
          recordChanged: !entity || entityFingerprint(entity) !== alert.entityVersion,
          decisions: (await deps.store.decisionsFor(alert.id)).map(({ alertId: _a, ...d }) => (void _a, d)),
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
          params: IdParams,
          body: Type.Object(
            { decision: DecisionKind, reason: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ alert: Alert, decision: Decision }), 404: ErrorResponse, 409: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request).keyId;
        const alert = await deps.store.getAlert(request.params.id);
        if (!alert) throw new EmbargoError('NOT_FOUND', `There is no alert ${request.params.id}.`);
        const history = await deps.store.decisionsFor(alert.id);
        const decision = request.body.decision as Parameters<typeof decide>[2]['decision'];
        const outcome = decide(alert, history, { actor, decision });
        const record = {
          id: deps.newId(),
          alertId: alert.id,
          decidedAt: deps.clock().toISOString(),
          actor,
          decision,
          reason: request.body.reason,
        };
        const suppression =
          outcome.rememberFalsePositive && alert.customerKey
            ? {
                customerKey: alert.customerKey,
                entityId: alert.entityId,
                entityVersion: alert.entityVersion,
                alertId: alert.id,
                createdAt: record.decidedAt,
              }
            : undefined;
        await deps.store.recordDecision(record, { expectedStatus: alert.status, status: outcome.status, suppression });
        const updated = await deps.store.getAlert(alert.id);
        const { alertId: _a, ...decisionView } = record;
        void _a;
        return { alert: alertView(updated!), decision: decisionView };
      },
    );
  };
}
