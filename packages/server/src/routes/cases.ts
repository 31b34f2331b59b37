/**
 * @module routes/cases
 * Alerts worked as cases (issue 16, point 4; analyst, admin). A case is one customer's unresolved alerts
 * on one party: the records the lists link to each other (KOMID's SDN, UN and UK records) make one case
 * with three matches. `GET /v1/cases` is the queue (filtered by assignee: mine, unassigned, all);
 * `GET /v1/cases/:id` the case with each match beside the customer's screened data, its decisions and
 * comments, the tenant's reason codes and who it can be assigned to; `PUT /v1/cases/:id/assignee` assigns
 * it; `POST /v1/cases/:id/comments` comments on it. Decisions stay per alert (four eyes per alert):
 * `POST /v1/alerts/decisions` decides a case's alerts at once. Another tenant's case does not exist (404).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EmbargoError } from '@embargo/core';
import type { CaseRecord, CommentRecord, UserRecord } from '@embargo/store';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { entityFingerprint } from '../entity-fingerprint.js';
import { readTenant, TENANT_PATTERN } from '../tenancy.js';
import { AUTH_ERRORS, ErrorResponse, IdParams } from '../schemas.js';
import { USERNAME_PATTERN } from '../user-sessions.js';
import { Alert, AlertStatus, alertView, Decision, decisionView } from './alerts.js';
import { ReasonCodeList } from './reason-codes.js';

const CaseFields = {
  id: Type.String({ description: "The case's id: its first alert's id" }),
  tenant: Type.String(),
  customerKey: Type.Union([Type.String(), Type.Null()], { description: 'The customer screened; null for a batch party or a payment' }),
  assignee: Type.Union([Type.String(), Type.Null()], { description: 'The username working the case; null: unassigned' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};
const CaseInfo = Type.Object(CaseFields);
const CaseSummary = Type.Object({
  ...CaseFields,
  alerts: Type.Array(Alert, { description: 'Its alerts that pass the filter, highest score first' }),
});

const Comment = Type.Object({
  id: Type.String(),
  alertId: Type.Union([Type.String(), Type.Null()], { description: 'The alert of the case it is about; null: the case as a whole' }),
  writtenAt: Type.String(),
  author: Type.String({ description: 'The person who wrote it' }),
  actor: Type.String({ description: 'The credential: an API key id, or user:<username> for a web session' }),
  body: Type.String(),
});

const Match = Type.Object({
  alert: Alert,
  entity: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
    description: 'The listed record as the lists in force have it; null once it left the lists',
  }),
  recordChanged: Type.Boolean({ description: 'The listed record differs from the one the alert was raised on' }),
  decisions: Type.Array(Decision, { description: 'Oldest first' }),
});

const caseView = (c: CaseRecord) => ({ ...c });

function commentView(c: CommentRecord) {
  const { tenant: _tenant, caseId: _case, ...rest } = c;
  void _tenant;
  void _case;
  return rest;
}

/** The case, if the actor's tenant may see it: another tenant's does not exist to it. */
async function caseOr404(deps: AppDeps, id: string, tenant: string | null) {
  const found = await deps.store.getCase(id, tenant);
  if (!found) throw new EmbargoError('NOT_FOUND', `There is no case ${id}.`);
  return found;
}

/** Who may work a tenant's case: enabled users of that tenant or across tenants, in name order. */
async function assignableUsers(deps: AppDeps, tenant: string): Promise<UserRecord[]> {
  return (await deps.store.listUsers()).filter((u) => u.disabledAt === null && (u.tenant === null || u.tenant === tenant));
}

export function caseRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const analysts = app.requireRole('analyst', 'admin');

    app.get(
      '/v1/cases',
      {
        preHandler: analysts,
        schema: {
          tags: ['cases'],
          summary: 'The case queue, newest first: one row per customer and party, with its alerts',
          querystring: Type.Object(
            {
              tenant: Type.Optional(
                Type.String({
                  pattern: TENANT_PATTERN.source,
                  description: "One tenant's cases (across tenants); a credential of one tenant sees its own only",
                }),
              ),
              assigned: Type.Optional(Type.Enum(['mine', 'unassigned'], { description: 'mine: assigned to you; unassigned; absent: all' })),
              status: Type.Optional(AlertStatus),
              minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
              customerKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ cases: Type.Array(CaseSummary) }), ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { assigned, tenant: asked, ...filter } = request.query;
        const tenant = readTenant(actor, asked);
        const assignee = assigned === 'mine' ? actor.person : assigned === 'unassigned' ? null : undefined;
        const cases = await deps.store.listCases({ ...filter, tenant: tenant ?? undefined, assignee });
        return { cases: cases.map((c) => ({ ...caseView(c), alerts: c.alerts.map(alertView) })) };
      },
    );

    app.get(
      '/v1/cases/:id',
      {
        preHandler: analysts,
        schema: {
          tags: ['cases'],
          summary: "One case: each match beside the customer's screened data, decisions, comments, reason codes, assignable users",
          params: IdParams,
          response: {
            200: Type.Object({
              case: CaseInfo,
              matches: Type.Array(Match, { description: 'Highest score first' }),
              comments: Type.Array(Comment, { description: 'Oldest first' }),
              reasonCodes: ReasonCodeList,
              assignees: Type.Array(Type.String(), { description: 'The usernames the case can be assigned to' }),
            }),
            404: ErrorResponse,
            ...AUTH_ERRORS,
          },
        },
      },
      async (request) => {
        const found = await caseOr404(deps, request.params.id, readTenant(actorOf(request)));
        const matches = [];
        for (const alert of found.alerts) {
          const entity = deps.screening.entity(alert.entityId);
          matches.push({
            alert: alertView(alert),
            entity: (entity as unknown as Record<string, unknown>) ?? null,
            recordChanged: !entity || entityFingerprint(entity) !== alert.entityVersion,
            decisions: (await deps.store.decisionsFor(alert.id)).map(decisionView),
          });
        }
        return {
          case: caseView(found.case),
          matches,
          comments: (await deps.store.commentsOf(found.case.id)).map(commentView),
          reasonCodes: await deps.store.reasonCodes(found.case.tenant),
          assignees: (await assignableUsers(deps, found.case.tenant)).map((u) => u.username),
        };
      },
    );

    app.put(
      '/v1/cases/:id/assignee',
      {
        preHandler: analysts,
        schema: {
          tags: ['cases'],
          summary: 'Assign the case to a user (yourself or another), or unassign it with null; audited',
          params: IdParams,
          body: Type.Object(
            {
              assignee: Type.Union([Type.String({ pattern: USERNAME_PATTERN.source }), Type.Null()], {
                description: "A username of someone who may work the case's tenant; null unassigns",
              }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ case: CaseInfo }), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const found = await caseOr404(deps, request.params.id, readTenant(actor));
        const { assignee } = request.body;
        if (assignee !== null && !(await assignableUsers(deps, found.case.tenant)).some((u) => u.username === assignee))
          throw new EmbargoError(
            'INVALID_INPUT',
            `body/assignee: "${assignee}" is not a user who may work tenant ${found.case.tenant}'s cases (an enabled user of that tenant or across tenants).`,
            { field: 'body/assignee' },
          );
        const updated = await deps.store.assignCase(found.case.id, found.case.tenant, assignee, {
          actor: actor.keyId,
          person: actor.person,
          at: deps.clock().toISOString(),
        });
        return { case: caseView(updated) };
      },
    );

    app.post(
      '/v1/cases/:id/comments',
      {
        preHandler: analysts,
        schema: {
          tags: ['cases'],
          summary: 'Comment on the case, or on one of its alerts; kept with author and time, audited',
          params: IdParams,
          body: Type.Object(
            {
              body: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description: 'The comment' }),
              alertId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'One alert of the case it is about' })),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ comment: Comment }), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const found = await caseOr404(deps, request.params.id, readTenant(actor));
        const alertId = request.body.alertId ?? null;
        if (alertId !== null && !found.alerts.some((a) => a.id === alertId))
          throw new EmbargoError('INVALID_INPUT', `body/alertId: case ${found.case.id} has no alert ${alertId}.`, {
            field: 'body/alertId',
          });
        const comment: CommentRecord = {
          id: deps.newId(),
          tenant: found.case.tenant,
          caseId: found.case.id,
          alertId,
          writtenAt: deps.clock().toISOString(),
          actor: actor.keyId,
          author: actor.person,
          body: request.body.body,
        };
        await deps.store.addComment(comment);
        return reply.status(201).send({ comment: commentView(comment) });
      },
    );
  };
}
