/**
 * @module @embargo/store
 * Storage for list publications: SQLite by default (a file, or `:memory:`), PostgreSQL when given a
 * `postgres://` URL. One schema, migrated on open, one query layer (kysely) over both.
 */
export { openStore } from './open-store.js';
export { DEFAULT_SQLITE_PATH, type StoreConfig } from './dialect.js';
export type { FirstSeen, HistoryPublication, ListLoad, Store, StoredPublication } from './store.js';
export type * from './records.js';
export { DEFAULT_TENANT } from './records.js';
export type { AuditFilter } from './audit-trail.js';
export type { AlertQueueSummary, WaitingStatus } from './dashboard-reads.js';
export { parseAuditCheckpoint, CHECKPOINT_FORMAT, type AuditCheckpoint } from './audit-verification.js';
export { auditKeyFileFor, DEFAULT_POSTGRES_AUDIT_KEY_FILE } from './audit-key.js';
export type { OwnershipFileMeta, OwnershipFileRecord, OwnershipFileSaved } from './ownership-graph-records.js';
export type {
  OwnershipStatus,
  OwnershipStatusChanges,
  OwnershipStatusesReplaced,
  OwnershipStatusFilter,
  OwnershipStatusKind,
  StoredOwnershipStatus,
} from './ownership-status-records.js';
