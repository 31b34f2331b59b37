/**
 * @module screening-service
 * The lists in force, in memory: the screening engine over every current publication's records, the
 * records by id, their relationships and cross-list links. Built from the store at start-up and rebuilt
 * after a list load; the swap is one assignment, so a request sees either the old lists or the new.
 *
 * A load by another process (`embargo lists load`, another server) is seen through the store's lists
 * generation, which every load increments in its transaction: `startPolling` reads it every few seconds
 * and rebuilds when it changed, so a running server screens against the new set within seconds.
 *
 * The engine runs in this thread, or, for the server, on a thread of its own (`engineThread`), so that
 * screening and the rest of a request's work use both cores.
 */
import {
  EmbargoError,
  findCrossListLinks,
  NAME_LOGIC_V1,
  PaymentScreener,
  DPRK_MEASURES,
  ShipmentScreener,
  type Shipment,
  type ShipmentDecision,
  ScreeningEngine,
  type Payment,
  type PaymentDecision,
  type PaymentScreeningRules,
  type CrossListLink,
  type Entity,
  type Relationship,
  type ScreeningMatch,
  type ScreeningQuery,
  type ScreenOptions,
} from '@embargo/core';
import type { Store, StoredPublication } from '@embargo/store';
import { EngineThread } from './engine-pool.js';

/** One consistent snapshot of the lists in force. */
export interface ListsInForce {
  /** Numbers the snapshots of one service: the engine thread keeps an index per generation. */
  generation: number;
  /** The store's lists generation this snapshot was read at: what /healthz and every screening report. */
  listsGeneration: number;
  publications: StoredPublication[];
  /** The engine, when it runs in this thread. */
  engine?: ScreeningEngine;
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

export interface ScreeningServiceOptions {
  /**
   * The built engine-thread module (`dist/engine-thread.js`): screen on a worker thread instead of this
   * one. Without it the engine runs here (the CLI, most tests).
   */
  engineThread?: URL;
  /**
   * The score at or above which a match alerts (EMBARGO_ALERT_THRESHOLD): the deployment's, set by its
   * admins, never a request's. Default: the algorithm's own.
   */
  alertThreshold?: number;
}

/** Hears a reload the service made by itself (polling): the publications in force before and after. */
export type ListsChanged = (before: StoredPublication[], after: StoredPublication[]) => Promise<void>;

const NO_RULES: Partial<PaymentScreeningRules> = {};
/** Each rules object's key, made once: a worker passes the same rules with every payment, and the jurisdictions in them are long. */
const RULES_KEYS = new WeakMap<object, string>();
function rulesKey(rules: Partial<PaymentScreeningRules>): string {
  let key = RULES_KEYS.get(rules);
  if (key === undefined) RULES_KEYS.set(rules, (key = JSON.stringify(rules)));
  return key;
}

export class ScreeningService {
  private current: ListsInForce;
  private poller: NodeJS.Timeout | undefined;
  /** The reload in progress, so that a poll does not start a second one beside it. */
  private reloading: Promise<void> | undefined;
  /** Loads running in this process (`duringLoad`): they reload and re-screen themselves, so polling waits. */
  private loadsHere = 0;
  /** The last poll's failure (the database away), cleared by the next poll that reads the generation. */
  pollError: unknown;

  private constructor(
    private readonly store: Store,
    lists: ListsInForce,
    private readonly thread: EngineThread | undefined,
    /** The alert threshold every screening uses: the deployment's, or the algorithm's (name-logic-v1). */
    readonly threshold: number,
  ) {
    this.current = lists;
  }

  /** @example const screening = await ScreeningService.fromStore(store); */
  static async fromStore(store: Store, options: ScreeningServiceOptions = {}): Promise<ScreeningService> {
    const thread = options.engineThread ? new EngineThread(options.engineThread) : undefined;
    try {
      const threshold = options.alertThreshold ?? NAME_LOGIC_V1.threshold;
      if (!(threshold >= 0 && threshold <= 1))
        throw new EmbargoError('INVALID_INPUT', `alertThreshold is ${threshold}: expected a number from 0 to 1`, {
          field: 'alertThreshold',
        });
      return new ScreeningService(store, await ScreeningService.snapshot(store, 1, thread), thread, threshold);
    } catch (error) {
      await thread?.close();
      throw error;
    }
  }

  private static async snapshot(store: Store, generation: number, thread: EngineThread | undefined): Promise<ListsInForce> {
    // Read before the publications: a load committed in between is then seen again by the next poll.
    const listsGeneration = await store.listsGeneration();
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
    let engine: ScreeningEngine | undefined;
    if (thread) await thread.load(generation, all);
    else engine = new ScreeningEngine(all);
    // The engine finds the links too; on its own thread it keeps them there.
    const links = new Map<string, CrossListLink[]>();
    for (const l of engine?.links ?? findCrossListLinks(all)) {
      pushTo(links, l.a, l);
      pushTo(links, l.b, l);
    }
    return { generation, listsGeneration, publications, engine, entities: new Map(all.map((e) => [e.id, e])), relationships, links };
  }

  /** Rebuilds from the store's current publications, then swaps. One reload runs at a time. */
  async reload(): Promise<void> {
    while (this.reloading) await this.reloading.catch(() => undefined);
    this.reloading = this.rebuild();
    try {
      await this.reloading;
    } finally {
      this.reloading = undefined;
    }
  }

  private async rebuild(): Promise<void> {
    const previous = this.current;
    this.current = await ScreeningService.snapshot(this.store, previous.generation + 1, this.thread);
    // Requests already sent for the previous generation are answered before this reaches the thread.
    this.thread?.drop(previous.generation);
  }

  /**
   * Reloads when the store's lists generation differs from the one in force (another process loaded
   * lists); `onChanged` then hears what was in force before and after. Returns whether it reloaded.
   */
  async refreshIfChanged(onChanged?: ListsChanged): Promise<boolean> {
    if (this.reloading || this.loadsHere > 0) return false;
    const generation = await this.store.listsGeneration();
    if (generation === this.current.listsGeneration) return false;
    const before = this.current.publications;
    await this.reload();
    await onChanged?.(before, this.current.publications);
    return true;
  }

  /**
   * Polls the store's lists generation every `intervalMs` (EMBARGO_LISTS_POLL_SECONDS) and reloads when it
   * changed. A poll that fails (the database away) is kept in `pollError`, told to `onError`, and retried
   * at the next tick.
   */
  startPolling(intervalMs: number, onChanged?: ListsChanged, onError?: (error: unknown) => void): void {
    this.stopPolling();
    let polling = false;
    this.poller = setInterval(() => {
      if (polling) return;
      polling = true;
      this.refreshIfChanged(onChanged)
        .then(() => (this.pollError = undefined))
        .catch((error: unknown) => {
          this.pollError = error;
          onError?.(error);
        })
        .finally(() => (polling = false));
    }, intervalMs);
    // Polling alone does not keep a process alive (a CLI command, a test).
    this.poller.unref();
  }

  /**
   * Runs a list load of this process: polling leaves the generation it makes to it, so the lists are not
   * rebuilt and customers not re-screened twice.
   */
  async duringLoad<T>(load: () => Promise<T>): Promise<T> {
    this.loadsHere++;
    try {
      return await load();
    } finally {
      this.loadsHere--;
    }
  }

  stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  /** The store's lists generation the lists in force were read at. */
  get listsGeneration(): number {
    return this.current.listsGeneration;
  }

  get lists(): ListsInForce {
    return this.current;
  }

  get publications(): StoredPublication[] {
    return this.current.publications;
  }

  /**
   * Screens against the lists in force when called. `background` (batch jobs, re-screening) lets API
   * requests go first on the engine thread. Matches alert at the service's threshold, whoever asks.
   */
  async screen(query: ScreeningQuery, options: Omit<ScreenOptions, 'threshold'> = {}, background = false): Promise<ScreeningMatch[]> {
    const lists = this.current;
    const withThreshold = { ...options, threshold: this.threshold };
    if (lists.engine) return lists.engine.screen(query, withThreshold);
    const matches = await this.thread!.screen(lists.generation, query, withThreshold, background);
    return matches.map((m) => ({ ...m, entity: lists.entities.get(m.id)! }));
  }

  /**
   * A payment's decision against the lists in force (`PaymentScreener`): party names alert at the
   * service's threshold unless the rules give their own hold score.
   */
  async screenPayment(payment: Payment, rules: Partial<PaymentScreeningRules> = NO_RULES): Promise<PaymentDecision> {
    const lists = this.current;
    const withThreshold = { holdAt: this.threshold, ...rules };
    if (!lists.engine) return this.thread!.screenPayment(lists.generation, payment, withThreshold);
    if (this.paymentScreenersOf !== lists) {
      this.paymentScreeners.clear();
      this.paymentScreenersOf = lists;
    }
    const key = rulesKey(rules);
    let screener = this.paymentScreeners.get(key);
    if (!screener) this.paymentScreeners.set(key, (screener = new PaymentScreener(lists.engine, withThreshold)));
    return screener.screen(payment);
  }

  /**
   * A shipment's decision against the lists in force and the DPRK measures (`ShipmentScreener`): party and
   * vessel names ask for review at the service's threshold.
   */
  async screenShipment(shipment: Shipment): Promise<ShipmentDecision> {
    const lists = this.current;
    if (!lists.engine) return this.thread!.screenShipment(lists.generation, shipment, this.threshold);
    if (this.shipmentScreenerOf !== lists) {
      this.shipmentScreener = new ShipmentScreener(lists.engine, DPRK_MEASURES, { reviewAt: this.threshold });
      this.shipmentScreenerOf = lists;
    }
    return this.shipmentScreener!.screen(shipment);
  }

  /** The shipment screener of the lists in force, in this thread (its IMO table is built once per lists). */
  private shipmentScreener: ShipmentScreener | undefined;
  private shipmentScreenerOf: ListsInForce | undefined;

  /** Payment screeners of the lists in force, in this thread (their BIC and word tables are built once per lists). */
  private readonly paymentScreeners = new Map<string, PaymentScreener>();
  private paymentScreenersOf: ListsInForce | undefined;

  entity(id: string): Entity | undefined {
    return this.current.entities.get(id);
  }

  /** Whether screening runs on another thread, so that several screenings in flight keep it busy. */
  get concurrent(): boolean {
    return this.thread !== undefined;
  }

  /** Stops polling and the engine thread, if any. */
  async close(): Promise<void> {
    this.stopPolling();
    await this.reloading?.catch(() => undefined);
    await this.thread?.close();
  }
}
