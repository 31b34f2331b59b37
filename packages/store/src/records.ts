/**
 * @module records
 * What the screening service keeps beside the list publications: screenings (reproducible: input,
 * publications used, results), screened payment messages, alerts and the decisions taken on them, remembered false positives
 * ("good guys"), monitored customers, API keys, batch jobs and the hash-chained audit trail.
 *
 * Ids are text chosen by the caller (UUIDs from the server) except audit sequence numbers; timestamps are
 * ISO-8601 UTC text; structured payloads (queries, results, details) are JSON the store does not look into.
 */

/** Roles an API key (or user) can hold; each route names the roles it admits. */
export type Role = 'admin' | 'analyst' | 'client';

/**
 * Customers, screenings, alerts, remembered false positives and batch jobs belong to a tenant: one
 * client's data, kept apart from every other's (customer keys are unique within a tenant only). Rows
 * stored before tenants existed (migration 0005) are in this one.
 */
export const DEFAULT_TENANT = 'default';

export interface ScreeningRecord {
  id: string;
  /** Whose screening it is (see `DEFAULT_TENANT`). */
  tenant: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** The API key (or user) that asked; null from the CLI. */
  actor: string | null;
  /** The caller's own key for the party (customer number), when given. */
  customerKey: string | null;
  /** The query as received (after validation), so the screening can be re-run. */
  input: unknown;
  /** Ids of the list publications the engine had loaded. */
  publicationIds: number[];
  /** The lists generation screened against (null for screenings stored before generations were kept). */
  listsGeneration?: number | null;
  /** The matches as answered (JSON, with explanations). */
  results: unknown;
  /** Whether any match alerted. */
  alerted: boolean;
}

import type { AlertStatus, DecisionKind, PaymentDecisionKind } from '@embargo/core';

export type { AlertStatus, DecisionKind, PaymentDecisionKind };

/**
 * A screened payment message and its decision. Unique by (tenant, messageId): a message delivered twice is
 * stored once, and the redelivery is answered with the stored record. The alerts a held or blocked payment
 * opens are `AlertRecord`s whose `screeningId` is this record's `id` (and `customerKey` null).
 */
export interface PaymentRecord {
  /** A UUID chosen by the caller. */
  id: string;
  /** Whose payment it is (see `DEFAULT_TENANT`). */
  tenant: string;
  /** The message's identity (`Payment.messageId`: the UETR, else the sender's reference). */
  messageId: string;
  /** The message type (`MT103`, `pacs.008`, …). */
  format: string;
  decision: PaymentDecisionKind;
  /** The decision's hits as answered (JSON: `PaymentHit[]`). */
  hits: unknown;
  /** The normalised payment screened (JSON: core's `Payment`). */
  payment: unknown;
  /** The message as received, so it can be parsed and screened again. */
  raw: string;
  /** ISO-8601 UTC. */
  screenedAt: string;
  /** The API key (or user, or worker) that screened it; null from the CLI. */
  actor: string | null;
  /** The lists generation screened against, when known. */
  listsGeneration: number | null;
  /** Ids of the list publications the engine had loaded. */
  publicationIds: number[];
}

/** A screened payment to store, with the alerts it opens (`Store.recordPaymentScreenings`). */
export interface PaymentScreening {
  record: PaymentRecord;
  alerts: AlertRecord[];
}

/**
 * What storing a screened payment answered: `stored` false when the message was already stored (or came
 * earlier in the same batch), `record` then being that first decision, to republish.
 */
export interface PaymentScreeningOutcome {
  stored: boolean;
  record: PaymentRecord;
  alertsOpened: number;
}

export interface PaymentFilter {
  /** Only this tenant's payments; every tenant's when absent. */
  tenant?: string;
  decision?: PaymentDecisionKind;
  limit?: number;
  offset?: number;
}

export interface AlertRecord {
  id: string;
  /** The tenant of the customer (or batch job) screened. */
  tenant: string;
  createdAt: string;
  updatedAt: string;
  screeningId: string;
  customerKey: string | null;
  /** Listed record that matched, e.g. `ofac:22603`. */
  entityId: string;
  /** Fingerprint of the listed record as it was when the alert opened (see `entityFingerprint`). */
  entityVersion: string;
  /** Source of the listed record (`ofac-sdn`, `un-sc`, …), for filtering the queue. */
  source: string;
  score: number;
  status: AlertStatus;
  /** The party screened (name, birth date, …) and the match, as JSON for the review screen. */
  party: unknown;
  match: unknown;
  /**
   * The case the alert is worked in (see `CaseRecord`). Chosen by the store when it stores the alert
   * (whatever is given is ignored); always set on alerts read back.
   */
  caseId?: string;
}

/**
 * A case (issue 16, point 4): one customer's unresolved alerts on one party, the records the lists link
 * to each other (KOMID's SDN, UN and UK records), worked together. Named by its first alert's id. Its
 * status is its alerts'; an alert opened later on the same party joins it while it has unresolved alerts.
 */
export interface CaseRecord {
  id: string;
  tenant: string;
  customerKey: string | null;
  /** The person (username) working it; null: unassigned. */
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A case in the queue, with its alerts that pass the filter (highest score first). */
export interface CaseSummary extends CaseRecord {
  alerts: AlertRecord[];
}

export interface CaseFilter {
  /** Only this tenant's cases; every tenant's when absent. */
  tenant?: string;
  /** A username: cases assigned to them; null: unassigned cases; absent: all. */
  assignee?: string | null;
  /** Cases with an alert in this status (and only those alerts listed). */
  status?: AlertStatus;
  minScore?: number;
  source?: string;
  customerKey?: string;
  limit?: number;
  offset?: number;
}

/** A comment written on a case, or on one of its alerts. */
export interface CommentRecord {
  id: string;
  tenant: string;
  caseId: string;
  /** The alert of the case it is about; null: the case as a whole. */
  alertId: string | null;
  writtenAt: string;
  /** Key id or `user:<username>` of the credential that wrote it. */
  actor: string;
  /** The person behind that credential. */
  author: string;
  body: string;
}

/** Who changes a case, and when (assignment, reason codes). */
export interface ChangeMeta {
  actor: string;
  person: string;
  at: string;
}

export interface DecisionRecord {
  id: string;
  alertId: string;
  decidedAt: string;
  /** Key id or `user:<username>` of the credential that decided. */
  actor: string;
  /** The person behind that credential (a username, or the person a key was made for): four eyes compares these. */
  person: string;
  decision: DecisionKind;
  reason: string;
  /** The tenant's reason code the decision was taken with; absent on decisions taken before codes. */
  reasonCode?: string;
}

export interface AlertFilter {
  /** Only this tenant's alerts; every tenant's when absent. */
  tenant?: string;
  status?: AlertStatus;
  minScore?: number;
  source?: string;
  customerKey?: string;
  /** The alerts of one screening, batch party (`<jobId>#<index>`) or screened payment (its id). */
  screeningId?: string;
  limit?: number;
  offset?: number;
}

/**
 * A remembered false positive: this customer of this tenant, screened with this data, is not this listed
 * record, as long as the record is unchanged.
 */
export interface Suppression {
  tenant: string;
  customerKey: string;
  entityId: string;
  /** Hash of the party's data as screened (name, birth date, country, identifiers): see `partyFingerprint`. */
  partyFingerprint: string;
  entityVersion: string;
  alertId: string;
  createdAt: string;
}

/** Where a page of customers ends: the next page starts after it. */
export interface CustomerCursor {
  tenant: string;
  customerKey: string;
}

export interface CustomerRecord {
  tenant: string;
  /** The caller's customer number; unique within its tenant. */
  customerKey: string;
  /** The party as screened: name, schema, birthDate, country, identifiers. */
  party: unknown;
  createdAt: string;
  updatedAt: string;
}

/** What the Customers page shows beside a customer (`Store.customerActivity`). */
export interface CustomerActivity {
  customerKey: string;
  /** The newest screening recorded with the customer's key, or null if none is. */
  lastScreening: { id: string; at: string; alerted: boolean } | null;
  /** Its alerts waiting for a decision: open, escalated or pending approval. */
  openAlerts: number;
}

export interface ApiKeyRecord {
  /** Public part of the key (`emb_<id>_<secret>`), used to find the row. */
  id: string;
  /** argon2 hash of the whole key. */
  hash: string;
  role: Role;
  name: string;
  /**
   * The tenant whose data the key reads and writes. A client key always has one (its own id, unless it
   * was created into an existing tenant); an analyst or admin key has one only when created with one, and
   * works across tenants when null.
   */
  tenant: string | null;
  /** The person the key belongs to (a username to tie it to a web-app user); four eyes counts persons. */
  person: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A person who signs in to the web app. */
export interface UserRecord {
  username: string;
  /** argon2 hash of the password. */
  passwordHash: string;
  /** admin or analyst: API clients use keys. */
  role: Role;
  /** The one tenant this user works in; null: across tenants. */
  tenant: string | null;
  createdAt: string;
  disabledAt: string | null;
}

/** A signed-in browser. The token itself lives only in the browser's cookie. */
export interface SessionRecord {
  /** SHA-256 (hex) of the session token. */
  tokenHash: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  /** The tenant of the key that submitted it; its alerts belong to it too. */
  tenant: string;
  createdAt: string;
  updatedAt: string;
  actor: string | null;
  status: JobStatus;
  total: number;
  /** Parties whose results are stored (acknowledged); a resumed job continues from here. */
  completed: number;
  alerted: number;
  error: string | null;
}

export interface AuditEvent {
  /** `screening`, `payment.screen`, `decision`, `list.load`, `key.create`, `key.revoke`, `customer.register`, … */
  kind: string;
  actor: string | null;
  /** What the event is about: a screening id, alert id, publication id, key id. */
  subject: string;
  /** Ids and figures only, never names or birth dates. */
  details: Record<string, unknown>;
}

export interface AuditRow extends AuditEvent {
  seq: number;
  at: string;
  /** Hash of the previous row (`''` for the first). */
  prevHash: string;
  /** sha256 over seq, at, kind, actor, subject, details and prevHash. */
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** Rows at the start of the trail written before signing began (migration 0006): covered by the chain, not by signatures. Absent when 0. */
  unsignedRows?: number;
  /** The first row that does not chain, is not signed as it should be, or is missing, and why. */
  firstBad?: { seq: number; reason: string };
  /** The first stored decision, API key or user that disagrees with the audit row that recorded it (or has none). */
  mismatch?: { table: string; id: string; reason: string };
  /** Given a checkpoint: whether the trail still holds the rows it vouches for. */
  checkpoint?: { ok: boolean; seq: number; at: string; reason: string };
}
