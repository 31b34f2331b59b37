/**
 * @module engine-thread
 * The screening engine on a worker thread. The server's main thread parses requests, checks keys and
 * writes screenings, alerts and audit rows; on two cores, running the engine beside it rather than
 * between those steps is what lets one process use both (measured with `npm run bench:api`).
 *
 * The thread keeps one engine per generation of the lists in force. A new generation is built while the
 * old one still answers the requests already sent for it: messages are handled in order, so every
 * request sent before `drop` finds its engine.
 *
 * Background screenings (batch jobs) wait while interactive ones (API requests) are queued: a job keeps a
 * whole chunk queued here so the thread never idles, and a request arriving meanwhile is answered next.
 * One screening runs per turn of the event loop, so a message that arrived during it is seen before the
 * next is chosen.
 */
import { parentPort } from 'node:worker_threads';
import {
  PaymentScreener,
  ScreeningEngine,
  type Entity,
  type MatchExplanation,
  type Payment,
  type PaymentDecision,
  type PaymentScreeningRules,
  type ScreeningQuery,
  type ScreenOptions,
  type Shipment,
  type ShipmentDecision,
  ShipmentScreener,
} from '@embargo/core';

/** Main thread → engine thread. */
export type EngineRequest =
  | { type: 'load'; generation: number; entities: Entity[] }
  | { type: 'drop'; generation: number }
  | { type: 'screen'; id: number; generation: number; query: ScreeningQuery; options?: ScreenOptions; background?: boolean }
  | { type: 'screenPayment'; id: number; generation: number; payment: Payment; rules: Partial<PaymentScreeningRules> }
  | { type: 'screenShipment'; id: number; generation: number; shipment: Shipment; reviewAt: number };

/** A match as it crosses threads: the record by id (the main thread holds the records). */
export interface ThreadMatch {
  id: string;
  score: number;
  alert: boolean;
  explanation: MatchExplanation;
}

/** Engine thread → main thread. */
export type EngineReply =
  | { type: 'loaded'; generation: number }
  | { type: 'screened'; id: number; matches: ThreadMatch[] }
  | { type: 'paymentScreened'; id: number; decision: PaymentDecision }
  | { type: 'shipmentScreened'; id: number; decision: ShipmentDecision }
  | { type: 'failed'; id: number; message: string };

const engines = new Map<number, ScreeningEngine>();
/** A payment screener per generation and rules (its BIC and word tables are built once, on first use). */
const paymentScreeners = new Map<number, Map<string, PaymentScreener>>();

function paymentScreenerOf(generation: number, engine: ScreeningEngine, rules: Partial<PaymentScreeningRules>): PaymentScreener {
  const key = JSON.stringify(rules);
  let byRules = paymentScreeners.get(generation);
  if (!byRules) paymentScreeners.set(generation, (byRules = new Map()));
  let screener = byRules.get(key);
  if (!screener) byRules.set(key, (screener = new PaymentScreener(engine, rules)));
  return screener;
}
/** A shipment screener per generation (its IMO table is built once, on first use). */
const shipmentScreeners = new Map<number, ShipmentScreener>();

function shipmentScreenerOf(generation: number, engine: ScreeningEngine, reviewAt: number): ShipmentScreener {
  let screener = shipmentScreeners.get(generation);
  if (!screener) shipmentScreeners.set(generation, (screener = new ShipmentScreener(engine, undefined, { reviewAt })));
  return screener;
}

/** Requests waiting for their turn: API requests (and loads, drops) first, batch screenings after. */
const interactive: EngineRequest[] = [];
const background: EngineRequest[] = [];
/** Generations to free once no queued screening names them (background ones may still be waiting). */
const dropping = new Set<number>();

function dropUnused(): void {
  for (const generation of dropping) {
    const named = (r: EngineRequest) =>
      (r.type === 'screen' || r.type === 'screenPayment' || r.type === 'screenShipment') && r.generation === generation;
    if (interactive.some(named) || background.some(named)) continue;
    engines.delete(generation);
    paymentScreeners.delete(generation);
    shipmentScreeners.delete(generation);
    dropping.delete(generation);
  }
}

function handle(request: EngineRequest): EngineReply | undefined {
  switch (request.type) {
    case 'load':
      engines.set(request.generation, new ScreeningEngine(request.entities));
      return { type: 'loaded', generation: request.generation };
    case 'drop':
      dropping.add(request.generation);
      dropUnused();
      return undefined;
    case 'screen': {
      const engine = engines.get(request.generation);
      if (!engine) return { type: 'failed', id: request.id, message: `No screening index for lists generation ${request.generation}.` };
      try {
        const matches = engine
          .screen(request.query, request.options)
          .map((m) => ({ id: m.id, score: m.score, alert: m.alert, explanation: m.explanation }));
        return { type: 'screened', id: request.id, matches };
      } catch (error) {
        return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
      }
    }
    case 'screenPayment': {
      const engine = engines.get(request.generation);
      if (!engine) return { type: 'failed', id: request.id, message: `No screening index for lists generation ${request.generation}.` };
      try {
        const decision = paymentScreenerOf(request.generation, engine, request.rules).screen(request.payment);
        return { type: 'paymentScreened', id: request.id, decision };
      } catch (error) {
        return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
      }
    }
    case 'screenShipment': {
      const engine = engines.get(request.generation);
      if (!engine) return { type: 'failed', id: request.id, message: `No screening index for lists generation ${request.generation}.` };
      try {
        const decision = shipmentScreenerOf(request.generation, engine, request.reviewAt).screen(request.shipment);
        return { type: 'shipmentScreened', id: request.id, decision };
      } catch (error) {
        return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
      }
    }
  }
}

let scheduled = false;

function runNext(): void {
  scheduled = false;
  const request = interactive.shift() ?? background.shift();
  if (!request) return;
  const reply = handle(request);
  if (reply) parentPort!.postMessage(reply);
  if (dropping.size > 0) dropUnused();
  schedule();
}

function schedule(): void {
  if (scheduled || (interactive.length === 0 && background.length === 0)) return;
  scheduled = true;
  setImmediate(runNext);
}

parentPort?.on('message', (request: EngineRequest) => {
  // Loads and drops keep their place among interactive requests: a request sent after a load needs it.
  // Background requests only ever name a generation loaded before they were sent; a drop waits for them.
  if (request.type === 'screen' && request.background) background.push(request);
  else interactive.push(request);
  schedule();
});
