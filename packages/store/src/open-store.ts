/**
 * @module open-store
 * Opening a store: connect, bring the schema up to date, hand back the `Store`.
 */
import { Kysely } from 'kysely';
import { openDialect, translateStoreError, type StoreConfig, type StoreDialect } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import * as reads from './publication-reads.js';
import { readListsGeneration, writeListLoad, writePublication } from './publication-writes.js';
import type { Store, StoredPublication } from './store.js';
import type { StoreTables } from './tables.js';
import * as alerts from './alert-records.js';
import * as audit from './audit-trail.js';
import * as cases from './case-records.js';
import { openAuditKey, type AuditKey } from './audit-key.js';
import * as verification from './audit-verification.js';
import * as dashboard from './dashboard-reads.js';
import * as jobs from './job-records.js';
import * as parties from './party-records.js';
import * as ownershipGraph from './ownership-graph-records.js';
import * as ownershipStatuses from './ownership-status-records.js';
import * as payments from './payment-records.js';
import * as users from './user-records.js';
import { writeTransaction } from './write-transaction.js';

/**
 * Open the database the config names (PostgreSQL for a `postgres://` URL, else the SQLite file) and run
 * any pending migrations. Throws `STORE_UNAVAILABLE` when the database cannot be reached or opened.
 * @example const store = await openStore({ sqlitePath: 'var/embargo.db' });
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  // The audit key first: a key file that cannot be read or made is refused before any connection.
  const auditKey = openAuditKey(config);
  const opened = openDialect(config);
  const { location } = opened;
  const db = new Kysely<StoreTables>({ dialect: opened.dialect });
  try {
    await migrateToLatest(db as Kysely<unknown>, opened);
  } catch (error) {
    // Close quietly: the migration error is the one the user needs to see, not a follow-on from closing.
    await db.destroy().catch(() => undefined);
    throw translateStoreError(location, error);
  }
  return storeOver(db, opened, auditKey);
}

function storeOver(
  db: Kysely<StoreTables>,
  { location, beginWrite, refreshStatistics }: Pick<StoreDialect, 'location' | 'beginWrite' | 'refreshStatistics'>,
  auditKey: AuditKey,
): Store {
  /** Every operation reports an unreachable database as `STORE_UNAVAILABLE`; other errors pass unchanged. */
  const guarded =
    <A extends unknown[], R>(operation: (db: Kysely<StoreTables>, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await operation(db, ...args);
      } catch (error) {
        throw translateStoreError(location, error);
      }
    };
  const getPublication = guarded(reads.getPublication);
  const write = writeTransaction(db, beginWrite, auditKey);
  /**
   * The same for writes that append audit rows: they get the store's write transaction (the writer lock,
   * grouped commits; see write-transaction.ts) instead of the Kysely handle.
   */
  const writing =
    <A extends unknown[], R>(operation: (w: typeof write, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await operation(write, ...args);
      } catch (error) {
        throw translateStoreError(location, error);
      }
    };
  const saveOwnershipFile = writing(ownershipGraph.saveOwnershipFile);
  return {
    savePublication: async (pub, meta) => {
      const id = await guarded(writePublication)(pub, meta);
      const saved = await getPublication(id);
      if (!saved) throw new Error(`publication ${id} vanished right after it was saved`);
      return saved;
    },
    saveListLoad: async (load) => {
      const { ids, historyIds, generation } = await writing(writeListLoad)(load);
      const [saved, history] = [
        await Promise.all(ids.map((id) => getPublication(id))),
        await Promise.all(historyIds.map((id) => getPublication(id))),
      ];
      if ([...saved, ...history].some((p) => !p))
        throw new Error(`a publication of generation ${generation} vanished right after it was saved`);
      return { saved: saved as StoredPublication[], history: history as StoredPublication[], generation };
    },
    listsGeneration: guarded(readListsGeneration),
    listPublications: guarded(reads.listPublications),
    currentPublications: guarded(reads.currentPublications),
    getPublication,
    loadEntities: guarded(reads.loadEntities),
    loadRelationships: guarded(reads.loadRelationships),
    getEntity: guarded(reads.getEntity),
    publicationsContaining: guarded(reads.publicationsContaining),
    firstSeen: guarded(reads.firstSeen),
    recordScreening: writing(alerts.recordScreening),
    getScreening: guarded(alerts.getScreening),
    listAlerts: guarded(alerts.listAlerts),
    getAlert: guarded(alerts.getAlert),
    alertQueueSummary: guarded(dashboard.alertQueueSummary),
    decisionsFor: guarded(alerts.decisionsFor),
    recordDecision: writing(alerts.recordDecision),
    recordDecisions: writing(alerts.recordDecisions),
    listCases: guarded(cases.listCases),
    getCase: guarded(cases.getCase),
    assignCase: writing(cases.assignCase),
    addComment: writing(cases.addComment),
    commentsOf: guarded(cases.commentsOf),
    reasonCodes: guarded(cases.reasonCodes),
    replaceReasonCodes: writing(cases.replaceReasonCodes),
    findSuppression: guarded(alerts.findSuppression),
    suppressionsOf: guarded(alerts.suppressionsOf),
    recordPaymentScreening: writing(payments.recordPaymentScreening),
    recordPaymentScreenings: writing(payments.recordPaymentScreenings),
    getPayment: guarded(payments.getPayment),
    getPaymentByMessageId: guarded(payments.getPaymentByMessageId),
    listPayments: guarded(payments.listPayments),
    countPayments: guarded(payments.countPayments),
    // It also reads outside the write transaction (a file loaded before is answered without one).
    saveOwnershipFile: (tenant, meta, statements) => saveOwnershipFile({ db, refreshStatistics }, tenant, meta, statements),
    listOwnershipFiles: guarded(ownershipGraph.listOwnershipFiles),
    ownershipTenants: guarded(ownershipGraph.ownershipTenants),
    deleteOwnershipFile: writing(ownershipGraph.deleteOwnershipFile),
    loadOwnershipGraph: guarded(ownershipGraph.loadOwnershipGraph),
    ownershipEdgesOf: guarded(ownershipGraph.ownershipEdgesOf),
    ownershipGraphPages: (tenant, pageRows) => translatedPages(location, ownershipGraph.ownershipGraphPages(db, tenant, pageRows)),
    replaceOwnershipStatuses: writing(ownershipStatuses.replaceOwnershipStatuses),
    ownershipGeneration: guarded(ownershipStatuses.ownershipGeneration),
    listOwnershipStatuses: guarded(ownershipStatuses.listOwnershipStatuses),
    getOwnershipStatuses: guarded(ownershipStatuses.getOwnershipStatuses),
    upsertCustomers: writing(parties.upsertCustomers),
    getCustomer: guarded(parties.getCustomer),
    listCustomers: guarded(parties.listCustomers),
    countCustomers: guarded(parties.countCustomers),
    customerActivity: guarded(parties.customerActivity),
    saveApiKey: writing(parties.saveApiKey),
    getApiKey: guarded(parties.getApiKey),
    listApiKeys: guarded(parties.listApiKeys),
    revokeApiKey: writing(parties.revokeApiKey),
    saveUser: writing(users.saveUser),
    getUser: guarded(users.getUser),
    listUsers: guarded(users.listUsers),
    setUserDisabled: writing(users.setUserDisabled),
    setUserPassword: writing(users.setUserPassword),
    createSession: writing(users.createSession),
    getSession: guarded(users.getSession),
    deleteSession: writing(users.deleteSession),
    createJob: writing(jobs.createJob),
    getJob: guarded(jobs.getJob),
    jobParties: guarded(jobs.jobParties),
    saveJobResults: writing(jobs.saveJobResults),
    jobResults: guarded(jobs.jobResults),
    setJobStatus: guarded(jobs.setJobStatus),
    unfinishedJobs: guarded(jobs.unfinishedJobs),
    recentJobs: guarded(dashboard.recentJobs),
    appendAudit: writing(audit.appendAudit),
    listAudit: guarded(audit.listAudit),
    verifyAudit: (options) => guarded(verification.verifyAudit)(auditKey, options),
    auditCheckpoint: (at = new Date()) => guarded(verification.auditCheckpoint)(auditKey, at),
    auditKeyId: () => auditKey.id,
    close: () => db.destroy(),
  };
}

/** The pages of a read, each error on the way reported as `guarded` reports it (`STORE_UNAVAILABLE`). */
async function* translatedPages<T>(location: string, pages: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* pages;
  } catch (error) {
    throw translateStoreError(location, error);
  }
}
