/**
 * @module screening-service
 * The lists in force, in memory: the screening engine over every current publication's records, the
 * records by id, their relationships and cross-list links. Built from the store at start-up and rebuilt
 * after a list load; the swap is one assignment, so a request sees either the old lists or the new.
 */
import {
  findCrossListLinks,
  ScreeningEngine,
  type CrossListLink,
  type Entity,
  type Relationship,
  type ScreeningMatch,
  type ScreeningQuery,
  type ScreenOptions,
} from '@embargo/core';
import type { Store, StoredPublication } from '@embargo/store';

/** One consistent snapshot of the lists in force. */
export interface ListsInForce {
  publications: StoredPublication[];
  engine: ScreeningEngine;
  entities: Map<string, Entity>;
  /** Relationships touching each record, either end. */
  relationships: Map<string, Relationship[]>;
  links: Map<string, CrossListLink[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class ScreeningService {
  private current: ListsInForce;

  private constructor(
    private readonly store: Store,
    lists: ListsInForce,
  ) {
    this.current = lists;
  }

  /** @example const screening = await ScreeningService.fromStore(store); */
  static async fromStore(store: Store): Promise<ScreeningService> {
    return new ScreeningService(store, await ScreeningService.snapshot(store));
  }

  private static async snapshot(store: Store): Promise<ListsInForce> {
    const publications = await store.currentPublications();
    const all: Entity[] = [];
    const relationships = new Map<string, Relationship[]>();
    for (const p of publications) {
      all.push(...(await store.loadEntities(p.id)));
      for (const r of await store.loadRelationships(p.id)) {
        pushTo(relationships, r.from, r);
        if (r.to !== r.from) pushTo(relationships, r.to, r);
      }
    }
    const links = new Map<string, CrossListLink[]>();
    for (const l of findCrossListLinks(all)) {
      pushTo(links, l.a, l);
      pushTo(links, l.b, l);
    }
    return { publications, engine: new ScreeningEngine(all), entities: new Map(all.map((e) => [e.id, e])), relationships, links };
  }

  /** Rebuilds from the store's current publications, then swaps. */
  async reload(): Promise<void> {
    this.current = await ScreeningService.snapshot(this.store);
  }

  get lists(): ListsInForce {
    return this.current;
  }

  get publications(): StoredPublication[] {
    return this.current.publications;
  }

  screen(query: ScreeningQuery, options?: ScreenOptions): ScreeningMatch[] {
    return this.current.engine.screen(query, options);
  }

  entity(id: string): Entity | undefined {
    return this.current.entities.get(id);
  }
}
