/**
 * @module screening-flow
 * Screening one party the way every entry point does it (/v1/screen, customer registration, batch jobs,
 * re-screening after a list load): run the engine, shape the matches, and open an alert per alerting
 * match unless this tenant's customer, screened with the same data, was cleared of that listed record
 * (a remembered false positive) and the record has not changed since.
 *
 * Only screenings of a customer open alerts: a party with a `customerKey` (from /v1/screen, customer
 * registration and monitoring), or a batch party (keyed by its job and place in it). A look-up without a
 * customer key (an analyst's search, a client's ad-hoc check) is recorded as a screening, in the audit
 * trail, and answers which matches alert, but opens nothing in the queue.
 */
import type { ScreeningMatch, ScreeningQuery } from '@embargo/core';
import type { AlertRecord, StoredPublication, Suppression } from '@embargo/store';
import type { AppDeps } from './deps.js';
import { entityFingerprint } from './entity-fingerprint.js';
import { partyFingerprint } from './party-fingerprint.js';
import type { OwnershipMatch } from './ownership/ownership-service.js';
import { openedAlert } from './opened-alert.js';

/** A party as the API receives it. */
export interface Party extends ScreeningQuery {
  /** The caller's own id for the party (customer number); needed for remembered false positives. */
  customerKey?: string;
}

/** A match as the API answers it. */
export interface MatchView {
  id: string;
  caption: string;
  schema: string;
  source: string;
  score: number;
  alert: boolean;
  /** An alerting match not raised as an alert: this customer's false positive, on the same data, on this unchanged record. */
  suppressed?: boolean;
  explanation: ScreeningMatch['explanation'];
  /**
   * `ownership`: not a listed record but a party of the tenant's ownership files that the 50% rules (or
   * control) block; `ownership` then gives its statuses per regime with their proofs.
   */
  kind?: 'ownership';
  ownership?: OwnershipMatch['statuses'];
  /** The records other lists keep for the same party (cross-list links), so that a client can show one row per party. */
  linkedIds?: string[];
}

export interface PartyScreening {
  matches: MatchView[];
  alerts: AlertRecord[];
  alerted: boolean;
}

export interface ScreenPartyOptions {
  limit?: number;
  /**
   * Only these listed records may match (delta re-screening: the records a list load added or changed).
   * They are screened with the engine in force, so that token weights, and so scores, are the ones a
   * full screening gives.
   */
  onlyEntities?: ReadonlySet<string>;
  /**
   * The customer's remembered false positive on a listed record for the data screened, where the caller
   * has them at hand (a batch chunk reads its customers' at once); by default each alerting match asks
   * the store. Called only for the screening's tenant.
   */
  suppressionOf?: (
    customerKey: string,
    entityId: string,
    partyFingerprint: string,
  ) => Promise<Suppression | undefined> | Suppression | undefined;
  /**
   * Open alerts for a party without a customer key (batch parties: the alert names the job and the
   * party's place in it). Otherwise only a party with a customer key opens alerts.
   */
  alertWithoutCustomer?: boolean;
  /** Bulk work (batch jobs, re-screening): API requests are screened first. */
  background?: boolean;
  /**
   * Only these parties blocked by ownership may match, and no listed record (re-screening after an
   * ownership evaluation blocked them).
   */
  onlyOwnership?: ReadonlySet<string>;
}

export function matchView(m: ScreeningMatch): MatchView {
  return {
    id: m.id,
    caption: m.entity.caption,
    schema: m.entity.schema,
    source: m.entity.source,
    score: m.score,
    alert: m.alert,
    explanation: m.explanation,
  };
}

export function queryOf(party: Party): ScreeningQuery {
  return { name: party.name, schema: party.schema, birthDate: party.birthDate, country: party.country, identifiers: party.identifiers };
}

/**
 * Screens one party of `tenant` and prepares its alerts (not yet stored: the caller stores them with its
 * own record).
 */
export async function screenParty(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId' | 'ownership'>,
  party: Party,
  tenant: string,
  screeningId: string,
  options: ScreenPartyOptions = {},
): Promise<PartyScreening> {
  const query = queryOf(party);
  const screened = options.onlyOwnership ? [] : await deps.screening.screen(query, { limit: options.limit }, options.background);
  const only = options.onlyEntities;
  const found = only ? screened.filter((m) => only.has(m.id)) : screened;
  // Parties the tenant's ownership data blocks, after the listed records (not when only list changes count).
  const owned =
    deps.ownership && !only ? await deps.ownership.matches(tenant, query, { limit: options.limit, only: options.onlyOwnership }) : [];
  const versionOf = new Map(owned.map((o) => [o.match.id, o.version]));
  found.push(...owned.map((o) => o.match));
  const matches = found.map(matchView);
  const links = deps.screening.lists.links;
  for (const view of matches)
    if (view.source !== 'ownership') view.linkedIds = (links.get(view.id) ?? []).map((l) => (l.a === view.id ? l.b : l.a));
  for (const o of owned) {
    const view = matches.find((m) => m.id === o.match.id && m.source === 'ownership');
    if (view) Object.assign(view, { kind: 'ownership' as const, ownership: o.statuses });
  }
  const alerts: AlertRecord[] = [];
  const now = deps.clock().toISOString();
  const opensAlerts = Boolean(party.customerKey) || options.alertWithoutCustomer === true;
  const lookUp = (customerKey: string, entityId: string, fingerprint: string) =>
    deps.store.findSuppression(tenant, customerKey, entityId, fingerprint);
  // The party's data as screened, fingerprinted at the first alerting match (most screenings have none).
  let screenedData: string | undefined;
  for (const [i, m] of found.entries()) {
    if (!m.alert || !opensAlerts) continue;
    const version = versionOf.get(m.id) ?? entityFingerprint(m.entity);
    let remembered: Suppression | undefined;
    if (party.customerKey) {
      screenedData ??= partyFingerprint(party);
      remembered = await (options.suppressionOf ?? lookUp)(party.customerKey, m.id, screenedData);
    }
    if (remembered !== undefined && remembered.entityVersion === version) {
      matches[i].suppressed = true;
      continue;
    }
    alerts.push(
      openedAlert(deps, now, {
        tenant,
        screeningId,
        customerKey: party.customerKey ?? null,
        entityId: m.id,
        entityVersion: version,
        source: m.entity.source,
        score: m.score,
        party,
        match: matches[i],
      }),
    );
  }
  return { matches, alerts, alerted: matches.some((m) => m.alert) };
}

/** Screens a party of `tenant` and stores the screening with its alerts (one transaction, audited). */
export async function screenAndRecord(
  deps: Pick<AppDeps, 'store' | 'screening' | 'clock' | 'newId' | 'ownership'>,
  party: Party,
  actor: string | null,
  tenant: string,
  options: ScreenPartyOptions = {},
): Promise<
  PartyScreening & {
    screeningId: string;
    publications: StoredPublication[];
    publicationIds: number[];
    listsGeneration: number;
    alertsOpened: number;
  }
> {
  const screeningId = deps.newId();
  // Read in the same turn as the engine is asked (screenParty sends the query before it first waits), so
  // the publications and generation recorded are the ones screened against even if a reload follows.
  const lists = deps.screening.lists;
  const result = await screenParty(deps, party, tenant, screeningId, options);
  const publicationIds = lists.publications.map((p) => p.id);
  const listsGeneration = lists.listsGeneration;
  const { alertsOpened } = await deps.store.recordScreening(
    {
      id: screeningId,
      tenant,
      createdAt: deps.clock().toISOString(),
      actor,
      customerKey: party.customerKey ?? null,
      input: party,
      publicationIds,
      listsGeneration,
      results: result.matches,
      alerted: result.alerted,
    },
    result.alerts,
  );
  return { ...result, screeningId, publications: lists.publications, publicationIds, listsGeneration, alertsOpened };
}
