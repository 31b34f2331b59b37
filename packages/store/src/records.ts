/**
 * @module records
 * What the screening service keeps beside the list publications: screenings (reproducible: input,
 * publications used, results), alerts and the decisions taken on them, remembered false positives
 * ("good guys"), monitored customers, API keys, batch jobs and the hash-chained audit trail.
 *
 * Ids are text chosen by the caller (UUIDs from the server) except audit sequence numbers; timestamps are
 * ISO-8601 UTC text; structured payloads (queries, results, details) are JSON the store does not look into.
 */

/** Roles an API key (or user) can hold; each route names the roles it admits. */
export type Role = 'admin' | 'analyst' | 'client';

export interface ScreeningRecord {
  id: string;
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

import type { AlertStatus, DecisionKind } from '@embargo/core';

export type { AlertStatus, DecisionKind };

export interface AlertRecord {
  id: string;
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
}

export interface DecisionRecord {
  id: string;
  alertId: string;
  decidedAt: string;
  /** Key id or user name of whoever decided. */
  actor: string;
  decision: DecisionKind;
  reason: string;
}

export interface AlertFilter {
  status?: AlertStatus;
  minScore?: number;
  source?: string;
  customerKey?: string;
  limit?: number;
  offset?: number;
}

/** A remembered false positive: this customer is not this listed record, as long as the record is unchanged. */
export interface Suppression {
  customerKey: string;
  entityId: string;
  entityVersion: string;
  alertId: string;
  createdAt: string;
}

export interface CustomerRecord {
  /** The caller's customer number; unique. */
  customerKey: string;
  /** The party as screened: name, schema, birthDate, country, identifiers. */
  party: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface ApiKeyRecord {
  /** Public part of the key (`emb_<id>_<secret>`), used to find the row. */
  id: string;
  /** argon2 hash of the whole key. */
  hash: string;
  role: Role;
  name: string;
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
  /** `screening`, `decision`, `list.load`, `key.create`, `key.revoke`, `customer.register`, … */
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
  /** The first row that does not chain, and why. */
  firstBad?: { seq: number; reason: string };
}
