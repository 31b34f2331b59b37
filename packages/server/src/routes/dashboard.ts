/**
 * @module routes/dashboard
 * `GET /v1/dashboard` (analyst, admin): the figures of the web app's landing page (issue 16, point 1) that
 * no other route gives — open, escalated and pending-approval alerts counted (all, and the caller's), the
 * time the oldest open alert was opened, the newest batch jobs, and when each publisher was last checked for
 * an update (issue 18, point 6), with why a check failed or a list is overdue for admins, who act on it.
 * The lists in force and the audit chain's status come from `GET /v1/lists` and `GET /v1/audit/verify`,
 * which already answer them. Tenant-scoped as the alert queue is: a credential of one tenant counts its own
 * tenant's only.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { listCheckStatus } from '../list-checks.js';
import { AUTH_ERRORS, ListCheckOutcome } from '../schemas.js';
import { readTenant } from '../tenancy.js';
import { jobView, JobView } from './batch.js';

/** The dashboard shows the last few jobs; the batch page (issue 16, point 6) is where all of them go. */
export const DASHBOARD_JOBS = 5;

const Count = Type.Object({
  all: Type.Integer({ minimum: 0 }),
  mine: Type.Integer({
    minimum: 0,
    description:
      'Those whose latest decision is the caller’s (escalated by them, or their false positive awaiting approval); open alerts are no one’s until alerts can be assigned, so 0',
  }),
});

export const DashboardResponse = Type.Object({
  alerts: Type.Object({
    open: Count,
    escalated: Count,
    pendingApproval: Count,
    oldestOpenAt: Type.Union([Type.String(), Type.Null()], {
      description: 'When the oldest open alert was opened (ISO-8601 UTC); null when none is open',
    }),
  }),
  jobs: Type.Array(JobView, { description: `The newest ${DASHBOARD_JOBS} batch jobs, newest first` }),
  listChecks: Type.Array(
    Type.Object({
      source: Type.String(),
      lastCheckedAt: Nullable(Type.String(), 'When the publisher was last checked for an update; null: not yet'),
      lastSuccessAt: Nullable(
        Type.String(),
        'The last check that found it unchanged or loaded it, or else the load of the publication in force',
      ),
      outcome: ListCheckOutcome,
      attention: Type.Boolean({
        description: 'The last check failed, or the list was not successfully checked for longer than EMBARGO_LIST_MAX_AGE',
      }),
      attentionReason: Nullable(Type.String(), 'Why attention is needed, with the error; for admins only (null for others)'),
    }),
    { description: 'Per publisher and list in force: its checks for updates' },
  ),
});

function Nullable<T extends TSchema>(schema: T, description: string) {
  return Type.Union([schema, Type.Null()], { description });
}

export function dashboardRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/dashboard',
      {
        preHandler: app.requireRole('analyst', 'admin'),
        schema: {
          tags: ['alerts'],
          summary: 'The landing page’s figures: alerts waiting (all and mine), the oldest open alert, the newest batch jobs',
          response: { 200: DashboardResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tenant = readTenant(actor);
        const [summary, jobs, checks] = await Promise.all([
          deps.store.alertQueueSummary(tenant, actor.person),
          deps.store.recentJobs(tenant, DASHBOARD_JOBS),
          listCheckStatus(deps),
        ]);
        const now = deps.clock();
        return {
          alerts: {
            open: summary.counts.open,
            escalated: summary.counts.escalated,
            pendingApproval: summary.counts.pending_approval,
            oldestOpenAt: summary.oldestOpenAt,
          },
          jobs: jobs.map((j) => jobView(j, now)),
          // The reasons name mirrors and files: what an admin fixes. Others see that a list needs attention.
          listChecks: checks.map(({ reason: _reason, attentionReason, ...check }) => ({
            ...check,
            attentionReason: actor.role === 'admin' ? attentionReason : null,
          })),
        };
      },
    );
  };
}
