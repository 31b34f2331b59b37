/**
 * @module commands/worker
 * `embargo worker --nats URL`: a payment-screening worker on NATS JetStream. It screens against the lists
 * in force in the database (the same one `embargo serve` uses, so that decisions, alerts and the audit
 * trail are in one place), follows list loads made elsewhere, and runs until SIGINT or SIGTERM, finishing
 * the messages in hand. Start as many as there are cores to spare, on any machine reaching the database
 * and NATS: they share one consumer.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { EmbargoError } from '@embargo/core';
import { DEFAULT_TENANT } from '@embargo/store';
import { screeningHandler, startBatchWorker, startPaymentWorker } from '@embargo/worker';
import { readListsPollSeconds } from '../config.js';
import { withListsInForce } from '../lists-in-force.js';
import type { Io } from '../output.js';
import { paymentJurisdictions } from './payments.js';

interface WorkerOptions {
  nats?: string;
  natsNamespace?: string;
  tenant: string;
  maxInFlight: number;
  countries?: string;
}

function positiveWhole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** How often the worker says what it has done (stderr). */
const REPORT_EVERY_MS = 10_000;

async function runWorker(io: Io, opts: WorkerOptions): Promise<void> {
  const url = opts.nats ?? process.env.EMBARGO_NATS_URL;
  if (!url)
    throw new EmbargoError('INVALID_INPUT', 'give the NATS server: --nats nats://host:4222 (or EMBARGO_NATS_URL)', { field: 'nats' });
  const jurisdictions = paymentJurisdictions(opts.countries);
  await withListsInForce(io, {}, async (store, screening) => {
    screening.startPolling(readListsPollSeconds() * 1000, undefined, (error) =>
      io.err(`embargo worker: cannot read the lists generation: ${String(error)}`),
    );
    const name = `embargo-worker-${hostname()}-${process.pid}`;
    const deps = { store, screening, clock: () => new Date(), newId: randomUUID };
    const worker = await startPaymentWorker({
      servers: url,
      namespace: opts.natsNamespace,
      maxInFlight: opts.maxInFlight,
      name,
      log: (line) => io.err(line),
      handle: screeningHandler(deps, { defaultTenant: opts.tenant, actor: `worker:${name}`, rules: { jurisdictions } }),
    });
    // Batch jobs of servers started with --nats: the same worker takes their chunks between payments.
    const batches = await startBatchWorker({
      servers: url,
      namespace: opts.natsNamespace,
      deps,
      name: `${name}-batch`,
      log: (line) => io.err(line),
    });
    const ns = opts.natsNamespace ? opts.natsNamespace + '.' : '';
    io.err(`Worker ${name} screening ${url} (${ns}payments.in → ${ns}payments.decisions, and ${ns}screening.batch); Ctrl-C stops it`);
    let last = { at: Date.now(), acknowledged: 0 };
    const report = setInterval(() => {
      const { acknowledged, dead, retried } = worker.counts;
      const rate = ((acknowledged - last.acknowledged) * 1000) / Math.max(1, Date.now() - last.at);
      last = { at: Date.now(), acknowledged };
      io.err(
        `${acknowledged} messages decided (${rate.toFixed(0)}/s), ${dead} with unreadable parts, ${retried} retried; ` +
          `${batches.counts.parties} batch parties screened in ${batches.counts.chunks} chunks`,
      );
    }, REPORT_EVERY_MS);
    report.unref();
    const stop = () => void Promise.all([worker.stop(), batches.stop()]);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await Promise.all([worker.done, batches.done]);
    } finally {
      clearInterval(report);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    io.err(`Worker stopped: ${worker.counts.acknowledged} messages decided.`);
  });
}

export function workerCommand(io: Io): Command {
  return new Command('worker')
    .description('Screen payment messages from NATS JetStream (payments.in) and publish a decision per message (payments.decisions)')
    .option('--nats <url>', 'the NATS server (EMBARGO_NATS_URL), e.g. nats://127.0.0.1:4222')
    .option('--nats-namespace <ns>', 'prefix of the subjects and streams, for several deployments on one NATS server (default: none)')
    .option('--tenant <tenant>', `whose payments, for messages without an ${'Embargo-Tenant'} header`, DEFAULT_TENANT)
    .option('--max-in-flight <n>', 'messages this worker holds at once (default 64)', positiveWhole, 64)
    .option(
      '--countries <codes>',
      'embargoed jurisdictions, as for embargo payments screen (default: EMBARGO_PAYMENT_COUNTRIES, else OFAC’s)',
    )
    .addHelpText(
      'after',
      `
Each message on payments.in is one raw payment message (SWIFT MT or ISO 20022 XML). Its decision
({"paymentId","messageId","format","decision","hits":[…]}) is stored in the database (EMBARGO_DATABASE_URL,
else SQLite), published to payments.decisions with the message id as de-duplication id, and only then is
the message acknowledged: a worker killed at any point loses nothing, and a redelivered message gets its
stored decision once. Unreadable messages go to payments.dead with the reason.

Examples:
  $ embargo worker --nats nats://127.0.0.1:4222
  $ EMBARGO_DATABASE_URL=postgres://db/embargo embargo worker --nats nats://nats:4222 --max-in-flight 128`,
    )
    .action(async (opts: WorkerOptions) => runWorker(io, opts));
}
