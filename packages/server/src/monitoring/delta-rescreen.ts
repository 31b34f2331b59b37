/**
 * @module monitoring/delta-rescreen
 * Continuous monitoring: when a new publication of a list is loaded, only its added or changed records
 * can raise new alerts on customers already screened, so every monitored customer is screened against a
 * small engine over just those records. A remembered false positive still holds for a record that did
 * not change, and lapses for one that did (its fingerprint differs).
 */
import { diffEntities, ScreeningEngine } from '@embargo/core';
import type { StoredPublication } from '@embargo/store';
import type { AppDeps } from '../deps.js';
import { screenParty, type Party } from '../screening-flow.js';

export interface RescreenSummary {
  source: string;
  publicationId: number;
  /** Added or changed records screened against. */
  records: number;
  customers: number;
  alertsOpened: number;
}

/** Customers read per page. */
const CUSTOMER_PAGE = 1000;

/** The actor recorded on screenings the monitor makes. */
export const MONITOR_ACTOR = 'monitor';

export async function rescreenAfterLoad(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId'>,
  previous: StoredPublication | undefined,
  loaded: StoredPublication,
): Promise<RescreenSummary> {
  const summary0: RescreenSummary = { source: loaded.source, publicationId: loaded.id, records: 0, customers: 0, alertsOpened: 0 };
  // Nobody to re-screen: skip reading both publications back.
  if ((await deps.store.countCustomers()) === 0) return summary0;
  const newer = await deps.store.loadEntities(loaded.id);
  const older = previous ? await deps.store.loadEntities(previous.id) : [];
  const diff = diffEntities(older, newer);
  const wanted = new Set([...diff.added, ...diff.changed.map((c) => c.id)]);
  const summary: RescreenSummary = { ...summary0, records: wanted.size };
  if (wanted.size === 0) return summary;
  const engine = new ScreeningEngine(newer.filter((e) => wanted.has(e.id)));
  let after: string | undefined;
  for (;;) {
    const page = await deps.store.listCustomers({ after, limit: CUSTOMER_PAGE });
    for (const customer of page) {
      summary.customers++;
      const party = { ...(customer.party as Party), customerKey: customer.customerKey };
      const screeningId = deps.newId();
      const result = await screenParty(deps, party, screeningId, { engine });
      if (result.alerts.length === 0) continue;
      await deps.store.recordScreening(
        {
          id: screeningId,
          createdAt: deps.clock().toISOString(),
          actor: MONITOR_ACTOR,
          customerKey: customer.customerKey,
          input: party,
          publicationIds: deps.screening.publications.map((p) => p.id),
          results: result.matches,
          alerted: true,
        },
        result.alerts,
      );
      summary.alertsOpened += result.alerts.length;
    }
    if (page.length < CUSTOMER_PAGE) break;
    after = page[page.length - 1].customerKey;
  }
  return summary;
}
