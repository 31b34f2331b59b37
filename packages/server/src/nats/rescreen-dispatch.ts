/**
 * @module nats/rescreen-dispatch
 * Delta re-screening handed to workers: a server started with `--nats` works out which records a list
 * load added or changed (`planRescreen`), then publishes the monitored customers page by page to
 * `screening.batch` as `{ kind: 'rescreen', publicationId, previousPublicationId, after, limit }`. Any
 * `embargo worker` takes a page, screens its customers against those records (`rescreenCustomerPage`) and
 * records the alerts in the shared database. Each page is published under `rescreen:<publication>:<page>`,
 * so a load re-screened twice (a server restarted) adds nothing the stream already holds; a page screened
 * twice (a worker died before acknowledging it) records nothing twice (`rescreeningId`).
 */
import { jetstream } from '@nats-io/jetstream';
import type { CustomerCursor } from '@embargo/store';
import { customerPages, planRescreen, type Rescreener } from '../monitoring/delta-rescreen.js';
import { connectToWorkerStreams } from './streams.js';

/** Customers per page handed to a worker. */
export const RESCREEN_PAGE = 500;

/** A page of monitored customers to re-screen after a load, as published to `screening.batch`. */
export interface RescreenPage {
  kind: 'rescreen';
  publicationId: number;
  previousPublicationId: number | null;
  /** The page starts after this customer (null: at the first). */
  after: CustomerCursor | null;
  limit: number;
}

export interface RescreenDispatcher {
  rescreen: Rescreener;
  close(): Promise<void>;
}

export async function natsRescreenDispatcher(
  servers: string,
  options: { namespace?: string; pageSize?: number } = {},
): Promise<RescreenDispatcher> {
  const pageSize = options.pageSize ?? RESCREEN_PAGE;
  const { nc, topology } = await connectToWorkerStreams(servers, { namespace: options.namespace, name: 'embargo-serve-monitor' });
  const js = jetstream(nc);
  return {
    async rescreen(deps, previous, loaded) {
      const plan = await planRescreen(deps, previous, loaded);
      const summary = { ...plan.summary, pagesDispatched: 0 };
      if (plan.wanted.size === 0) return summary;
      let after: CustomerCursor | null = null;
      for await (const page of customerPages(deps, pageSize)) {
        const body: RescreenPage = {
          kind: 'rescreen',
          publicationId: loaded.id,
          previousPublicationId: previous?.id ?? null,
          after,
          limit: pageSize,
        };
        await js.publish(topology.subjects.batch, JSON.stringify(body), { msgID: `rescreen:${loaded.id}:${summary.pagesDispatched}` });
        summary.pagesDispatched++;
        summary.customers += page.length;
        const last = page[page.length - 1];
        after = { tenant: last.tenant, customerKey: last.customerKey };
      }
      return summary;
    },
    close: () => nc.drain(),
  };
}
