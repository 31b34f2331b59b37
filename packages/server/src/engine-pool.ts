/**
 * @module engine-pool
 * The main thread's side of the engine thread (`engine-thread.ts`): loads generations of the lists into
 * it, sends it queries and matches its answers to them by request number.
 *
 * If the thread stops (an out-of-memory crash, a bug), the requests it held fail with
 * SCREENING_UNAVAILABLE (503) and a new thread is started with the generations the old one had, so the
 * next requests are answered.
 */
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import {
  EmbargoError,
  type Entity,
  type Payment,
  type PaymentDecision,
  type PaymentScreeningRules,
  type ScreeningQuery,
  type ScreenOptions,
  type Shipment,
  type ShipmentDecision,
} from '@embargo/core';
import type { EngineReply, EngineRequest, ThreadMatch } from './engine-thread.js';

const MAX_FAILED_STARTS = 3;
const ENGINE_SEMI_SPACE_MB = 16;

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export class EngineThread {
  private worker!: Worker;
  private closed = false;
  private nextId = 1;
  private readonly screens = new Map<number, Pending<ThreadMatch[]>>();
  private readonly payments = new Map<number, Pending<PaymentDecision>>();
  private readonly shipments = new Map<number, Pending<ShipmentDecision>>();
  private readonly loads = new Map<number, Pending<void>[]>();
  /** The records of each generation the thread holds, to load them again into a new thread. */
  private readonly generations = new Map<number, Entity[]>();
  /** Threads started in a row that stopped before answering anything: a thread that cannot start is not restarted for ever. */
  private failedStarts = 0;
  private answered = false;

  constructor(private readonly module: URL) {
    this.start();
  }

  private start(): void {
    // The CLI raises the young generation for parsing lists (bin/embargo.js), and a thread inherits the
    // flag when it starts. Answering requests, the engine should pause briefly and often rather than
    // long and seldom: with 64 MB its scavenges took 20–40 ms, with 16 MB a few (bench:api p99 27 → 23 ms).
    v8.setFlagsFromString(`--max-semi-space-size=${ENGINE_SEMI_SPACE_MB}`);
    const worker = new Worker(this.module);
    this.worker = worker;
    this.answered = false;
    worker.on('message', (reply: EngineReply) => this.settle(reply));
    // 'error' is followed by 'exit'; the exit is where the thread is replaced.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.failAll(new EmbargoError('SCREENING_UNAVAILABLE', 'The screening engine stopped while answering; retry shortly.'));
      this.failedStarts = this.answered ? 0 : this.failedStarts + 1;
      if (this.failedStarts > MAX_FAILED_STARTS) this.closed = true;
      if (this.closed) return;
      this.start();
      for (const [generation, entities] of this.generations) this.send({ type: 'load', generation, entities });
    });
  }

  private send(request: EngineRequest): void {
    this.worker.postMessage(request);
  }

  private settle(reply: EngineReply): void {
    this.answered = true;
    if (reply.type === 'loaded') {
      for (const waiting of this.loads.get(reply.generation) ?? []) waiting.resolve();
      this.loads.delete(reply.generation);
      return;
    }
    const payment = this.payments.get(reply.id);
    if (payment) {
      this.payments.delete(reply.id);
      if (reply.type === 'paymentScreened') payment.resolve(reply.decision);
      else payment.reject(new EmbargoError('SCREENING_UNAVAILABLE', reply.type === 'failed' ? reply.message : 'unexpected reply'));
      return;
    }
    const shipment = this.shipments.get(reply.id);
    if (shipment) {
      this.shipments.delete(reply.id);
      if (reply.type === 'shipmentScreened') shipment.resolve(reply.decision);
      else shipment.reject(new EmbargoError('SCREENING_UNAVAILABLE', reply.type === 'failed' ? reply.message : 'unexpected reply'));
      return;
    }
    const pending = this.screens.get(reply.id);
    if (!pending) return;
    this.screens.delete(reply.id);
    if (reply.type === 'screened') pending.resolve(reply.matches);
    else pending.reject(new EmbargoError('SCREENING_UNAVAILABLE', reply.type === 'failed' ? reply.message : 'unexpected reply'));
  }

  private failAll(error: EmbargoError): void {
    for (const pending of this.screens.values()) pending.reject(error);
    this.screens.clear();
    for (const pending of this.payments.values()) pending.reject(error);
    this.payments.clear();
    for (const pending of this.shipments.values()) pending.reject(error);
    this.shipments.clear();
    for (const waiting of this.loads.values()) for (const w of waiting) w.reject(error);
    this.loads.clear();
  }

  /** Builds the index of a generation on the thread; resolves once it can answer. */
  load(generation: number, entities: Entity[]): Promise<void> {
    this.generations.set(generation, entities);
    return new Promise((resolve, reject) => {
      this.loads.set(generation, [...(this.loads.get(generation) ?? []), { resolve, reject }]);
      this.send({ type: 'load', generation, entities });
    });
  }

  /** Frees a generation no request will ask for again. */
  drop(generation: number): void {
    this.generations.delete(generation);
    this.send({ type: 'drop', generation });
  }

  /** `background`: a batch job's screening, answered after any API request waiting (see engine-thread). */
  screen(generation: number, query: ScreeningQuery, options?: ScreenOptions, background = false): Promise<ThreadMatch[]> {
    if (this.closed) return Promise.reject(new EmbargoError('SCREENING_UNAVAILABLE', 'The screening engine has been stopped.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.screens.set(id, { resolve, reject });
      this.send({ type: 'screen', id, generation, query, options, background });
    });
  }

  /** A payment's decision against a generation's lists (see core `PaymentScreener`). */
  screenPayment(generation: number, payment: Payment, rules: Partial<PaymentScreeningRules>): Promise<PaymentDecision> {
    if (this.closed) return Promise.reject(new EmbargoError('SCREENING_UNAVAILABLE', 'The screening engine has been stopped.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.payments.set(id, { resolve, reject });
      this.send({ type: 'screenPayment', id, generation, payment, rules });
    });
  }

  /** A shipment's decision against a generation's lists (see core `ShipmentScreener`). */
  screenShipment(generation: number, shipment: Shipment, reviewAt: number): Promise<ShipmentDecision> {
    if (this.closed) return Promise.reject(new EmbargoError('SCREENING_UNAVAILABLE', 'The screening engine has been stopped.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.shipments.set(id, { resolve, reject });
      this.send({ type: 'screenShipment', id, generation, shipment, reviewAt });
    });
  }

  /** The thread's id, for tests that stop it to see it replaced. */
  get threadId(): number {
    return this.worker.threadId;
  }

  /** Stops the thread as if it had crashed (tests). */
  async crash(): Promise<void> {
    await this.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
