/**
 * @module store
 * What the rest of Embargo may ask of storage. One interface, two databases (see `dialect.ts`);
 * both pass the same conformance suite (`store.suite.ts`).
 */
import type {
  ReasonCode,
  Entity,
  GraphEdge,
  ListPublication,
  ListSource,
  OwnershipStatements,
  PublicationFile,
  Relationship,
  SchemaName,
} from '@embargo/core';
import type {
  AlertFilter,
  AlertRecord,
  AlertStatus,
  ApiKeyRecord,
  AuditEvent,
  AuditRow,
  AuditVerification,
  CaseFilter,
  CaseRecord,
  CaseSummary,
  CustomerActivity,
  ChangeMeta,
  CommentRecord,
  CustomerCursor,
  CustomerRecord,
  DecisionRecord,
  JobRecord,
  JobStatus,
  PaymentFilter,
  PaymentRecord,
  PaymentScreening,
  PaymentScreeningOutcome,
  ScreeningRecord,
  SessionRecord,
  Suppression,
  UserRecord,
} from './records.js';
import type { AuditFilter } from './audit-trail.js';
import type { AlertQueueSummary } from './dashboard-reads.js';
import type { AuditCheckpoint } from './audit-verification.js';
import type { ListLoad } from './publication-writes.js';
import type { OwnershipFileMeta, OwnershipFileRecord, OwnershipFileSaved } from './ownership-graph-records.js';
import type {
  OwnershipStatusChanges,
  OwnershipStatusesReplaced,
  OwnershipStatusFilter,
  StoredOwnershipStatus,
} from './ownership-status-records.js';

export type { HistoryPublication, ListLoad } from './publication-writes.js';

/** A saved publication as listed; its entities and relationships are loaded separately. */
export interface StoredPublication {
  id: number;
  source: ListSource;
  /** YYYY-MM-DD when the list states it, else null. */
  published: string | null;
  /** ISO-8601 UTC timestamp of the load. */
  loadedAt: string;
  files: PublicationFile[];
  /** Number of entities. */
  records: number;
  schemata: Partial<Record<SchemaName, number>>;
  /** Number of record issues reported while parsing. */
  issues: number;
  /** Whether this is the publication in force for its source. */
  current: boolean;
  /**
   * Companion files the publication lacks (`['add.csv', 'alt.csv']`): only a publication stored as history
   * can lack any; what they hold (aliases, addresses) cannot be compared with another publication.
   */
  missingFiles: string[];
}

/** Where a record was first seen: the earliest stored publication (by published date) that lists it. */
export interface FirstSeen {
  publicationId: number;
  source: ListSource;
  published: string | null;
}

export interface Store {
  /**
   * Stores a whole publication atomically (one transaction): publication row, file rows, entities (as
   * JSON), relationships. Makes it the current publication of its source only when everything was
   * written; on any failure nothing of it is stored and the previous publication stays current.
   * @example const saved = await store.savePublication(parsed, { loadedAt: new Date() });
   */
  savePublication(pub: ListPublication, meta: { loadedAt: Date }): Promise<StoredPublication>;
  /**
   * Saves several publications (at most one per source) and puts them all in force, increments the lists
   * generation and appends the load's audit rows, in ONE transaction: on any failure, or a kill midway,
   * the previous set stays in force and nothing of this one is stored. With no publications it only
   * appends the audit rows (a load whose files were all unchanged). `load.history` publications are saved in
   * the same transaction but never put in force, and do not change the lists generation.
   * @example const { saved, generation } = await store.saveListLoad({ publications, loadedAt: new Date(), audit: () => [] });
   */
  saveListLoad(load: ListLoad): Promise<{ saved: StoredPublication[]; history: StoredPublication[]; generation: number }>;
  /**
   * The lists generation: a number every change of the publications in force increments, in the same
   * transaction. A server polls it to reload when another process loaded lists.
   */
  listsGeneration(): Promise<number>;
  /** All publications, newest load first. */
  listPublications(): Promise<StoredPublication[]>;
  /** One per source that has one, the one in force, ordered by source. */
  currentPublications(): Promise<StoredPublication[]>;
  getPublication(id: number): Promise<StoredPublication | undefined>;
  /**
   * In list order; with `page`, the entities at positions `from` … `from + count - 1` only (to read a
   * large publication in steps). Throws `NOT_FOUND` for an unknown publication.
   */
  loadEntities(publicationId: number, page?: { from: number; count: number }): Promise<Entity[]>;
  /** In list order. Throws `NOT_FOUND` for an unknown publication. */
  loadRelationships(publicationId: number): Promise<Relationship[]>;
  /**
   * The entity as the current publications list it.
   * @example await store.getEntity('ofac:22603') // { entity: { caption: 'KIM, Jong Un', … }, publicationId: 7 }
   */
  getEntity(entityId: string): Promise<{ entity: Entity; publicationId: number } | undefined>;
  /** Every publication, current or not, that lists the entity; newest load first. */
  publicationsContaining(entityId: string): Promise<StoredPublication[]>;
  /**
   * For each id, the earliest stored publication (history included) that lists it: by published date, an
   * undated one after the dated, then by load. Ids no publication lists are absent from the map.
   * @example (await store.firstSeen(['ofac:22603'])).get('ofac:22603') // { publicationId: 2, source: 'ofac-sdn', published: '2018-01-26' }
   */
  firstSeen(entityIds: readonly string[]): Promise<Map<string, FirstSeen>>;

  // ── Screenings and alerts ────────────────────────────────────────────────────────────────────────
  // Every record belongs to a tenant (`DEFAULT_TENANT` for rows older than tenants). Reads by id take the
  // caller's tenant and find nothing in another's; `null` reads across tenants (analysts without one).
  /**
   * Stores a screening and the alerts it opens, and appends one `screening` audit row (plus one
   * `alert.open` row per alert), all in one transaction. An alert for a customer (of the same tenant)
   * who already has an unresolved alert on the same version of the same listed record is not opened
   * again; the answer says how many were opened.
   */
  recordScreening(screening: ScreeningRecord, alerts: AlertRecord[]): Promise<{ alertsOpened: number }>;
  getScreening(id: string, tenant: string | null): Promise<ScreeningRecord | undefined>;
  /** Newest first; `filter.tenant` for one tenant's. */
  listAlerts(filter?: AlertFilter): Promise<AlertRecord[]>;
  getAlert(id: string, tenant: string | null): Promise<AlertRecord | undefined>;
  /**
   * Open, escalated and pending-approval alerts counted (all, and those whose latest decision is this
   * person's), with when the oldest open one was opened; `tenant` null: every tenant's.
   */
  alertQueueSummary(tenant: string | null, person: string): Promise<AlertQueueSummary>;
  /** Oldest first. */
  decisionsFor(alertId: string): Promise<DecisionRecord[]>;
  /**
   * Records a decision, moves the alert to `status`, optionally remembers a false positive, and appends
   * a `decision` audit row, in one transaction. Throws `STORE_CONFLICT` when the alert is no longer in
   * `expectedStatus` (two analysts deciding at once).
   */
  recordDecision(
    decision: DecisionRecord,
    change: { expectedStatus: AlertStatus; status: AlertStatus; suppression?: Suppression },
  ): Promise<void>;
  /**
   * Several decisions (a bulk close) in ONE transaction, each checked and recorded as `recordDecision`
   * does, with one `decision` audit row each: when one is refused (`STORE_CONFLICT`, `FOUR_EYES_REQUIRED`,
   * `NOT_FOUND`) none is stored.
   */
  recordDecisions(
    items: { decision: DecisionRecord; change: { expectedStatus: AlertStatus; status: AlertStatus; suppression?: Suppression } }[],
  ): Promise<void>;

  // ── Cases (issue 16, point 4) ────────────────────────────────────────────────────────────────────
  // A case is one customer's unresolved alerts on one party (records linked across lists); the store
  // groups alerts into cases when it stores them (`AlertRecord.caseId`).
  /** Newest first, each with its alerts that pass the filter; `filter.assignee` null: unassigned ones. */
  listCases(filter?: CaseFilter): Promise<CaseSummary[]>;
  /** The case and all its alerts (highest score first); `tenant` null: whichever tenant it belongs to. */
  getCase(id: string, tenant: string | null): Promise<{ case: CaseRecord; alerts: AlertRecord[] } | undefined>;
  /** Assigns (or, with null, unassigns) the case, with a `case.assign` audit row; `NOT_FOUND` outside `tenant`. */
  assignCase(id: string, tenant: string | null, assignee: string | null, meta: ChangeMeta): Promise<CaseRecord>;
  /** Stores a comment with a `case.comment` audit row; `NOT_FOUND` for a case of another tenant or an alert not in it. */
  addComment(comment: CommentRecord): Promise<void>;
  /** Oldest first. */
  commentsOf(caseId: string): Promise<CommentRecord[]>;
  /** The tenant's reason codes in order (the defaults until it sets its own). */
  reasonCodes(tenant: string): Promise<ReasonCode[]>;
  /** Replaces them, checked (`INVALID_INPUT` naming the field), with a `reason-codes.replace` audit row. */
  replaceReasonCodes(tenant: string, codes: readonly ReasonCode[], meta: Pick<ChangeMeta, 'actor' | 'at'>): Promise<ReasonCode[]>;
  /**
   * The false positive remembered for this tenant's customer, screened with this data (`partyFingerprint`),
   * on this listed record, if any (one per such four: the latest decision replaces the earlier).
   */
  findSuppression(tenant: string, customerKey: string, entityId: string, partyFingerprint: string): Promise<Suppression | undefined>;
  /** Every remembered false positive of these customers of one tenant (for screening many at once). */
  suppressionsOf(tenant: string, customerKeys: readonly string[]): Promise<Suppression[]>;

  // ── Screened payments ────────────────────────────────────────────────────────────────────────────
  /**
   * Stores a screened payment message and the alerts it opens (`screeningId` the payment's id, no customer
   * key), with one `payment.screen` audit row (ids and figures only) and one `alert.open` row per alert, all
   * in one transaction. Idempotent by (tenant, messageId): when that message is already stored, stores
   * nothing and answers the stored record with `stored: false`, so a redelivered message gets the decision
   * it got the first time. Of two deliveries racing, in one process or two, exactly one is stored.
   * `INVALID_INPUT` for an unknown decision, a `screenedAt` that is not a date, or an alert of another
   * payment, tenant or customer.
   * @example const { stored, record, alertsOpened } = await store.recordPaymentScreening(payment, alerts);
   */
  recordPaymentScreening(record: PaymentRecord, alerts: AlertRecord[]): Promise<PaymentScreeningOutcome>;
  /**
   * Stores a batch of screened payments in one write transaction (a worker's messages in hand), answering
   * in input order exactly as `recordPaymentScreening` would for each in turn: a message stored already, or
   * earlier in the batch, stores nothing and answers that record with `stored: false`. Every item is checked
   * first: one that would be refused refuses the whole batch (`INVALID_INPUT`, `context.item` its index),
   * and so does a failure while writing, which stores none of it. An empty batch answers `[]`.
   * @example const outcomes = await store.recordPaymentScreenings(decided.map(({ record, alerts }) => ({ record, alerts })));
   */
  recordPaymentScreenings(items: PaymentScreening[]): Promise<PaymentScreeningOutcome[]>;
  /** `tenant` null: whichever tenant it belongs to. */
  getPayment(id: string, tenant: string | null): Promise<PaymentRecord | undefined>;
  getPaymentByMessageId(tenant: string, messageId: string): Promise<PaymentRecord | undefined>;
  /** Newest first (`screenedAt`, then id); `filter.tenant` for one tenant's; `limit` defaults to 100 (at most 1,000). */
  listPayments(filter?: PaymentFilter): Promise<PaymentRecord[]>;
  countPayments(filter?: Pick<PaymentFilter, 'tenant' | 'decision'>): Promise<number>;

  // ── Monitored customers ──────────────────────────────────────────────────────────────────────────
  /** Inserts or replaces by (tenant, customerKey), in one transaction, with one `customer.register` audit row. */
  upsertCustomers(customers: CustomerRecord[], actor: string | null): Promise<void>;
  getCustomer(tenant: string, customerKey: string): Promise<CustomerRecord | undefined>;
  /**
   * One tenant's customers ordered by key, or (tenant null) every tenant's ordered by tenant then key;
   * pages with `after` (the last customer of the previous page) and `limit`.
   */
  listCustomers(tenant: string | null, page?: { after?: CustomerCursor; limit?: number; matching?: string }): Promise<CustomerRecord[]>;
  /** With `matching`, the customers whose key or name contains it, case ignored (as `listCustomers` filters). */
  countCustomers(tenant: string | null, matching?: string): Promise<number>;
  /**
   * For each key of one tenant, in the order given: the newest screening recorded with it and how many of
   * its alerts wait for a decision (open, escalated, pending approval).
   * @example await store.customerActivity('bank-a', ['c-1']) // [{ customerKey: 'c-1', lastScreening: { id, at, alerted: true }, openAlerts: 2 }]
   */
  customerActivity(tenant: string, customerKeys: readonly string[]): Promise<CustomerActivity[]>;

  // ── API keys ─────────────────────────────────────────────────────────────────────────────────────
  /** Saves a new key and appends a `key.create` audit row. */
  saveApiKey(key: ApiKeyRecord, actor: string | null): Promise<void>;
  getApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked and appends a `key.revoke` audit row; `NOT_FOUND` for an unknown key. */
  revokeApiKey(id: string, at: string, actor: string | null): Promise<void>;

  // ── Web-app users and sessions ───────────────────────────────────────────────────────────────────
  /** Stores a user and appends a `user.create` audit row. Throws `STORE_CONFLICT` for a taken username. */
  saveUser(user: UserRecord, actor: string | null): Promise<void>;
  getUser(username: string): Promise<UserRecord | undefined>;
  /** By username. */
  listUsers(): Promise<UserRecord[]>;
  /**
   * Disables a user (their sessions are deleted in the same transaction, so they stop working at once) or
   * enables one again, with a `user.disable` or `user.enable` audit row. `NOT_FOUND` for an unknown user;
   * a user already in that state changes nothing and appends nothing (answers false).
   */
  setUserDisabled(username: string, disabled: boolean, at: string, actor: string | null): Promise<boolean>;
  /**
   * Replaces a user's password hash and deletes their sessions, with a `user.password` audit row (its
   * details say whether the password was generated, never the password). `NOT_FOUND` for an unknown user.
   */
  setUserPassword(username: string, passwordHash: string, change: { at: string; generated: boolean }, actor: string | null): Promise<void>;
  /** Stores a session, drops expired ones, and appends a `user.signin` audit row. */
  createSession(session: SessionRecord): Promise<void>;
  /** The session with its user, by the SHA-256 of its token. */
  getSession(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  // ── Batch jobs ───────────────────────────────────────────────────────────────────────────────────
  /** Stores the job and all its parties (in order) in one transaction, with a `job.create` audit row. */
  createJob(job: JobRecord, parties: unknown[]): Promise<void>;
  getJob(id: string, tenant: string | null): Promise<JobRecord | undefined>;
  /** Parties `from` … `from + count - 1` in submission order. */
  jobParties(jobId: string, from: number, count: number): Promise<unknown[]>;
  /**
   * Acknowledges results for parties `from` … `from + results.length - 1` together with the alerts they
   * opened: stores them, advances `completed`, adds to `alerted`, and appends one `job.chunk` audit row,
   * in one transaction. Throws `STORE_CONFLICT` unless `from` equals the job's `completed`.
   */
  saveJobResults(jobId: string, from: number, results: unknown[], alerts: AlertRecord[]): Promise<void>;
  /** Stored results `from` … in order, at most `count`. */
  jobResults(jobId: string, from: number, count: number): Promise<unknown[]>;
  setJobStatus(id: string, status: JobStatus, error?: string | null): Promise<void>;
  /** Jobs left `queued` or `running` (by a server that stopped), oldest first. */
  unfinishedJobs(): Promise<JobRecord[]>;
  /** The newest jobs first, at most `limit`; `tenant` null: every tenant's (the dashboard). */
  recentJobs(tenant: string | null, limit: number): Promise<JobRecord[]>;

  // ── Ownership and control (issue 15) ────────────────────────────────────────────────────────────
  // A tenant's ownership files, the graph they make, and the statuses derived from it in force. Every
  // call takes the tenant and reads or writes only its rows.
  /**
   * Saves an ownership file's graph (nodes and edges, in file order, exactly as given) with an
   * `ownership.load` audit row, in one transaction. A file whose sha256 this tenant loaded before stores
   * nothing and answers that file with `stored: false`. `INVALID_INPUT` (nothing stored) for a missing
   * name, format or date, a malformed sha256, an id twice in the file, an unknown edge kind, a share
   * or score that is not a finite number.
   * @example const { stored, file } = await store.saveOwnershipFile('bank-a', { fileName: 'register.csv', format: 'csv', sha256, loadedAt: new Date(), loadedBy: null }, statements);
   */
  saveOwnershipFile(tenant: string, meta: OwnershipFileMeta, statements: OwnershipStatements): Promise<OwnershipFileSaved>;
  /** The tenant's ownership files, newest load first. */
  listOwnershipFiles(tenant: string): Promise<OwnershipFileRecord[]>;
  /** The tenants that have loaded ownership files, in name order. */
  ownershipTenants(): Promise<string[]>;
  /**
   * Deletes one of the tenant's files with its graph, and appends an `ownership.delete` audit row, in one
   * transaction; `NOT_FOUND` if the tenant has no such file. Statuses stay until the next evaluation.
   */
  deleteOwnershipFile(tenant: string, fileId: number, meta?: { actor?: string | null; at?: Date }): Promise<void>;
  /**
   * The tenant's graph: every file's nodes, then every file's edges, in load and file order (a node id
   * comes once per file that states it). Read in pages of bounded size; `STORE_CONFLICT` if a file is
   * deleted during the read.
   */
  loadOwnershipGraph(tenant: string): Promise<OwnershipStatements>;
  /**
   * The same graph page by page (at most `pageRows` nodes or edges each, default 10,000), for a caller
   * that keeps a compact graph of its own and need not hold every `GraphEdge` at once.
   * @example for await (const page of store.ownershipGraphPages('bank-a')) graph.add(page);
   */
  ownershipGraphPages(tenant: string, pageRows?: number): AsyncIterable<OwnershipStatements>;
  /**
   * The tenant's edges with one of `nodeIds` at their `side` end (`from`: what those nodes own, control,
   * direct or are tied to; `to`: who owns or controls them), in load and file order.
   * @example await store.ownershipEdgesOf('bank-a', ['ofac:9647'], 'from')
   */
  ownershipEdgesOf(tenant: string, nodeIds: readonly string[], side: 'from' | 'to'): Promise<GraphEdge[]>;
  /**
   * Applies an evaluation's changes to the tenant's statuses in force, records `generation` as the
   * tenant's, and appends one `ownership.statuses` audit row with the counts, in one transaction.
   * `STORE_CONFLICT` unless `generation` is greater than `ownershipGeneration(tenant)` (another evaluation
   * was applied since this one read the statuses); `INVALID_INPUT` for contradictory or malformed changes.
   */
  replaceOwnershipStatuses(
    tenant: string,
    changes: OwnershipStatusChanges,
    generation: number,
    meta?: { actor?: string | null; at?: Date },
  ): Promise<OwnershipStatusesReplaced>;
  /** The generation of the last evaluation applied to the tenant's statuses; 0 before the first. */
  ownershipGeneration(tenant: string): Promise<number>;
  /** The tenant's statuses in force by entity id then regime; `limit` defaults to 100 (at most 10,000). */
  listOwnershipStatuses(tenant: string, filter?: OwnershipStatusFilter): Promise<StoredOwnershipStatus[]>;
  /** One entity's statuses in force, one per regime, by regime; `[]` when it is blocked under none. */
  getOwnershipStatuses(tenant: string, nodeId: string): Promise<StoredOwnershipStatus[]>;

  // ── Audit trail ──────────────────────────────────────────────────────────────────────────────────
  /** Appends one row chained to the last one (serialised across connections and processes). */
  appendAudit(event: AuditEvent, at?: Date): Promise<AuditRow>;
  /** Oldest first; `after` is a seq. */
  listAudit(filter?: AuditFilter): Promise<AuditRow[]>;
  /**
   * Re-computes every row's hash, link and signature and the head's signature; reports the first row
   * edited, deleted or moved, then the first decision, key or user that disagrees with its audit row.
   * Given a checkpoint, also checks that the trail still holds the rows it vouches for.
   */
  verifyAudit(options?: { checkpoint?: AuditCheckpoint }): Promise<AuditVerification>;
  /** A signed checkpoint of the trail's head now, to keep outside the database; `STORE_CONFLICT` if the trail does not verify. */
  auditCheckpoint(at?: Date): Promise<AuditCheckpoint>;
  /** The id of the key that signs this store's audit trail (never the key). */
  auditKeyId(): string;

  close(): Promise<void>;
}
