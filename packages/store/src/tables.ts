/**
 * @module tables
 * The stored tables as kysely sees them. Column names are snake_case in the database; the store maps
 * rows to the core's camelCase types. Timestamps are ISO-8601 UTC text in both databases so that
 * rows read back identically from SQLite and PostgreSQL and sort as text.
 */
import type { Generated } from 'kysely';

/** A JSON document stored as text (`jsonText` in, `JSON.parse` out). */
export type JsonText = string;

/** `value` as JSON text. `undefined`, which JSON cannot spell, is stored as `null` rather than lost. */
export function jsonText(value: unknown): JsonText {
  return JSON.stringify(value ?? null);
}

export interface StoreTables extends ServiceTables, OwnershipTables {
  publications: PublicationsTable;
  publication_files: PublicationFilesTable;
  entities: EntitiesTable;
  relationships: RelationshipsTable;
  current_publications: CurrentPublicationsTable;
  lists_generation: ListsGenerationTable;
}

/** One row per publication ever loaded, current or not. */
export interface PublicationsTable {
  id: Generated<number>;
  source: string;
  /** YYYY-MM-DD, or null when the files do not state it. */
  published: string | null;
  loaded_at: string;
  records: number;
  /** `{ Person: 6646, … }` */
  schemata: JsonText;
  /** How many record issues the parser reported. */
  issues: number;
  /** JSON array of the companion files a history publication lacks (`["add.csv","alt.csv"]`); `[]` when whole (0009). */
  missing_files: Generated<JsonText>;
}

export interface PublicationFilesTable {
  publication_id: number;
  /** Order in the publication, so files read back as they were given. */
  position: number;
  path: string;
  sha256: string;
  bytes: number;
  format: string;
}

/** One row per entity per publication: a publication is a snapshot, never edited after saving. */
export interface EntitiesTable {
  publication_id: number;
  position: number;
  entity_id: string;
  schema: string;
  caption: string;
  /** The whole `Entity` as JSON; the columns above are copies for querying. */
  data: JsonText;
}

export interface RelationshipsTable {
  publication_id: number;
  position: number;
  from_id: string;
  to_id: string;
  kind: string;
  source_text: string;
}

/** The publication in force for each source; switched in the same transaction that saves it. */
export interface CurrentPublicationsTable {
  source: string;
  publication_id: number;
}

/** One row (id 1): incremented by every change of the publications in force (migration 0004). */
export interface ListsGenerationTable {
  id: number;
  generation: number;
  changed_at: string | null;
}

/** Tables of the screening service (migrations 0002, 0003; tenants 0005; payments 0007; cases 0010). */
export interface ServiceTables {
  screenings: {
    id: string;
    tenant: string;
    created_at: string;
    actor: string | null;
    customer_key: string | null;
    input: JsonText;
    publication_ids: JsonText;
    /** Migration 0004; null on screenings stored before it. */
    lists_generation: number | null;
    results: JsonText;
    alerted: number;
  };
  alerts: {
    id: string;
    tenant: string;
    created_at: string;
    updated_at: string;
    screening_id: string;
    customer_key: string | null;
    entity_id: string;
    entity_version: string;
    source: string;
    score: number;
    status: string;
    party: JsonText;
    match: JsonText;
    /** Migration 0010: the case the alert is worked in (every alert has one from then on). */
    case_id: string | null;
  };
  decisions: {
    id: string;
    alert_id: string;
    decided_at: string;
    actor: string;
    person: string;
    decision: string;
    reason: string;
    /** Migration 0010; null on decisions taken before reason codes. */
    reason_code: string | null;
  };
  /** Alerts worked as cases (migration 0010): one customer's unresolved alerts on one party. */
  cases: { id: string; tenant: string; customer_key: string | null; assignee: string | null; created_at: string; updated_at: string };
  case_comments: {
    id: string;
    tenant: string;
    case_id: string;
    alert_id: string | null;
    written_at: string;
    actor: string;
    author: string;
    body: string;
  };
  /** A tenant's reason codes in order; none: the defaults (core's `DEFAULT_REASON_CODES`). */
  reason_codes: { tenant: string; position: number; code: string; label: string };
  suppressions: {
    tenant: string;
    customer_key: string;
    entity_id: string;
    party_fingerprint: string;
    entity_version: string;
    alert_id: string;
    created_at: string;
  };
  customers: {
    tenant: string;
    customer_key: string;
    party: JsonText;
    created_at: string;
    updated_at: string;
    /** The party's name in lower case, for searching (migration 0011; see customer-name.ts). */
    name_folded: string | null;
  };
  users: { username: string; password_hash: string; role: string; tenant: string | null; created_at: string; disabled_at: string | null };
  sessions: { token_hash: string; username: string; created_at: string; expires_at: string };
  api_keys: {
    id: string;
    hash: string;
    role: string;
    name: string;
    person: string;
    tenant: string | null;
    created_at: string;
    revoked_at: string | null;
  };
  jobs: {
    id: string;
    tenant: string;
    created_at: string;
    updated_at: string;
    actor: string | null;
    status: string;
    total: number;
    completed: number;
    alerted: number;
    error: string | null;
  };
  /** Screened payment messages (migration 0007): unique by (tenant, message_id). */
  payments: {
    id: string;
    tenant: string;
    message_id: string;
    format: string;
    decision: string;
    hits: JsonText;
    payment: JsonText;
    raw: string;
    screened_at: string;
    actor: string | null;
    lists_generation: number | null;
    publication_ids: JsonText;
  };
  job_parties: { job_id: string; position: number; data: JsonText };
  job_results: { job_id: string; position: number; data: JsonText };
  audit_events: {
    seq: number;
    at: string;
    kind: string;
    actor: string | null;
    subject: string;
    details: JsonText;
    prev_hash: string;
    hash: string;
    /** HMAC-SHA256 (hex) of `hash` with the audit key; null on rows written before migration 0006. */
    signature: string | null;
  };
  /** `signature`: HMAC-SHA256 of seq and hash with the audit key; null before the first signed append. */
  audit_head: { id: number; seq: number; hash: string; signature: string | null };
}

/**
 * A tenant's ownership graph and the statuses derived from it (migration 0008). `nodes`, `edges` hold the
 * whole `GraphNode` / `GraphEdge` as JSON in `data`; the other columns are copies for querying.
 */
export interface OwnershipTables {
  ownership_files: {
    id: Generated<number>;
    tenant: string;
    file_name: string;
    format: string;
    sha256: string;
    loaded_at: string;
    loaded_by: string | null;
    nodes: number;
    edges: number;
  };
  ownership_nodes: { file_id: number; position: number; tenant: string; node_id: string; data: JsonText };
  ownership_edges: {
    file_id: number;
    position: number;
    tenant: string;
    edge_id: string;
    kind: string;
    from_id: string;
    to_id: string;
    data: JsonText;
  };
  /** The edges by (tenant, node): one row per end of each edge, `side` 'from' or 'to' (see migration 0008). */
  ownership_edge_ends: { tenant: string; node_id: string; side: 'from' | 'to'; file_id: number; position: number };
  ownership_statuses: {
    tenant: string;
    node_id: string;
    regime: string;
    name: string;
    status: string;
    aggregate_min: number;
    aggregate_max: number;
    proof: JsonText;
    derived_at: string;
    generation: number;
  };
  /** One row per tenant whose statuses were ever stored: the generation of the last evaluation applied. */
  ownership_evaluations: { tenant: string; generation: number; evaluated_at: string };
}
