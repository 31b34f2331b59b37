/**
 * @module monitoring/ownership-rescreen
 * When an ownership evaluation blocks parties that were not blocked before (a new ownership file, a new
 * designation, a delisting's opposite), the tenant's monitored customers are screened against those
 * parties alone, and each that resembles one opens an alert (source `ownership`, with the proof), through
 * the same flow as every screening: remembered false positives hold while the status is unchanged.
 */
import type { AppDeps } from '../deps.js';
import type { CustomerCursor } from '@embargo/store';
import { screenParty, type Party } from '../screening-flow.js';
import { recordMonitorScreening } from './delta-rescreen.js';

const CUSTOMER_PAGE = 1000;
/** Matches asked per customer: every newly blocked party it resembles. */
const MATCHES_PER_CUSTOMER = 100;

export interface OwnershipRescreenSummary {
  customers: number;
  alertsOpened: number;
}

export async function rescreenCustomersForOwnership(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId' | 'ownership'>,
  tenant: string,
  newlyBlocked: ReadonlySet<string>,
  generation: number,
): Promise<OwnershipRescreenSummary> {
  const summary = { customers: 0, alertsOpened: 0 };
  if (newlyBlocked.size === 0 || (await deps.store.countCustomers(tenant)) === 0) return summary;
  const publicationIds = deps.screening.publications.map((p) => p.id);
  let after: CustomerCursor | undefined;
  for (;;) {
    const page = await deps.store.listCustomers(tenant, { after, limit: CUSTOMER_PAGE });
    for (const customer of page) {
      summary.customers++;
      // One id per customer and evaluation: only the process that applied the evaluation (the store takes
      // each generation once) re-screens for it, so no read is needed to find one recorded before.
      const screeningId = `ownership:${tenant}:${generation}:${customer.customerKey}`;
      const party: Party = { ...(customer.party as Party), customerKey: customer.customerKey };
      const result = await screenParty(deps, party, tenant, screeningId, {
        onlyOwnership: newlyBlocked,
        limit: MATCHES_PER_CUSTOMER,
        background: true,
      });
      summary.alertsOpened += await recordMonitorScreening(deps, screeningId, customer, party, result, publicationIds);
    }
    if (page.length < CUSTOMER_PAGE) return summary;
    const last = page[page.length - 1];
    after = { tenant: last.tenant, customerKey: last.customerKey };
  }
}
