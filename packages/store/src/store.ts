/**
 * @module store
 * What the rest of Embargo may ask of storage. One interface, two databases (see `dialect.ts`);
 * both pass the same conformance suite (`store.suite.ts`).
 */
import type { Entity, ListPublication, ListSource, PublicationFile, Relationship, SchemaName } from '@embargo/core';

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
}

export interface Store {
  /**
   * Stores a whole publication atomically (one transaction): publication row, file rows, entities (as
   * JSON), relationships. Makes it the current publication of its source only when everything was
   * written; on any failure nothing of it is stored and the previous publication stays current.
   * @example const saved = await store.savePublication(parsed, { loadedAt: new Date() });
   */
  savePublication(pub: ListPublication, meta: { loadedAt: Date }): Promise<StoredPublication>;
  /** All publications, newest load first. */
  listPublications(): Promise<StoredPublication[]>;
  /** One per source that has one, the one in force, ordered by source. */
  currentPublications(): Promise<StoredPublication[]>;
  getPublication(id: number): Promise<StoredPublication | undefined>;
  /** In list order. Throws `NOT_FOUND` for an unknown publication. */
  loadEntities(publicationId: number): Promise<Entity[]>;
  /** In list order. Throws `NOT_FOUND` for an unknown publication. */
  loadRelationships(publicationId: number): Promise<Relationship[]>;
  /**
   * The entity as the current publications list it.
   * @example await store.getEntity('ofac:22603') // { entity: { caption: 'KIM, Jong Un', … }, publicationId: 7 }
   */
  getEntity(entityId: string): Promise<{ entity: Entity; publicationId: number } | undefined>;
  /** Every publication, current or not, that lists the entity; newest load first. */
  publicationsContaining(entityId: string): Promise<StoredPublication[]>;
  close(): Promise<void>;
}
