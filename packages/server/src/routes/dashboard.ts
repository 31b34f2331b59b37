/**
 * @module routes/dashboard
 * `GET /v1/dashboard` (analyst, admin): the figures of the web app's landing page (issue 16, point 1) that
 * no other route gives — open, escalated and pending-approval alerts counted (all, and the caller's), the
 * time the oldest open alert was opened, and the newest batch jobs. The lists in force and the audit
 * chain's status come from `GET /v1/lists` and `GET /v1/audit/verify`, which already answer them.
 * Tenant-scoped as the alert queue is: a credential of one tenant counts its own tenant's only.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { AUTH_ERRORS } from '../schemas.js';
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
});

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
        const [summary, jobs] = await Promise.all([
          deps.store.alertQueueSummary(tenant, actor.person),
          deps.store.recentJobs(tenant, DASHBOARD_JOBS),
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
        };
      },
    );
  };
}
