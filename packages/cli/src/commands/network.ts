/**
 * @module commands/network
 * `embargo network rank FILE`: facilitator discovery in a transactions file (CSV
 * `date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel`). Every distinct party and
 * vessel name is screened once against the lists (on worker threads for a large file), parties blocked by
 * ownership are added from `--ownership` files, and the parties that are not designated are ranked by their
 * exposure, each with its evidence. Progress goes to stderr; the ranking to stdout, as text or `--json`
 * (one object per ranked party: {"rank","name","score","evidence":[…]}).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import {
  EmbargoError,
  buildCounterpartyGraph,
  designationOfMatch,
  measureExposure,
  networkScreeningQueries,
  rankFacilitators,
  type Designation,
  type FacilitatorRanking,
  type FeatureEvidence,
  type NetworkQuery,
  type RankedParty,
  type Transaction,
  type TransactionTable,
} from '@embargo/core';
import { TransactionsCsvReader } from '@embargo/payments';
import { readEnvironment, readScreenThreads } from '../config.js';
import { table, type Io } from '../output.js';
import { startProgress } from '../progress.js';
import { batchScreener } from './screen.js';
import type { BatchScreener } from '../batch/screening-threads.js';
import { ownershipBlockedParties } from './network-ownership.js';

interface RankOptions {
  top: number;
  json?: boolean;
  data?: string;
  ownership?: string[];
  threads?: number;
  candidates: number;
}

function topOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  return n;
}

function candidatesOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new InvalidArgumentError('expected a whole number from 1 to 50');
  return n;
}

function threadsOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Names aligned in full per party name: by default the 50 of `embargo screen`, so that a party is found as
 * screening finds it. `--candidates 20` is a third less work, at a cost: on the dev set 5 alerts of 6,534
 * queries differ, on 4,000 names of the generated world 1 (measured 2026-12-07 with
 * `ScreenOptions.candidatesPerReading`). A screening tool does not trade a missed party for speed unasked.
 */
export const NETWORK_CANDIDATES_PER_READING = 50;
/** Bytes of a transactions file per distinct name, about (a row is ~90 bytes; firms trade ~10 rows each). */
const BYTES_PER_NAME = 900;
/** Bytes read from the file at a time. */
const READ_CHUNK_BYTES = 1 << 20;
/** Files from this size (~40,000 rows) start their screening threads before they are read. */
const EARLY_SCREENER_BYTES = 4_000_000;

async function fileSize(file: string): Promise<number> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new EmbargoError('INVALID_INPUT', `${file}: cannot read the file (${e.code ?? e.message})`, { file });
  });
  return info.size;
}

/** Reads the file in chunks as it comes off the disk: it is never held whole, as bytes or as text. */
async function readTable(io: Io, file: string, size: number): Promise<TransactionTable> {
  const started = performance.now();
  io.err(`Reading ${file} (${(size / 1e6).toFixed(1)} MB)…`);
  const reader = new TransactionsCsvReader(file);
  const chunks = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of chunks) reader.push(chunk as Buffer);
  } catch (e) {
    // The disk's errors only (they name a system call): anything else is not the file's fault.
    const error = e as NodeJS.ErrnoException;
    if (!error.syscall) throw e;
    throw new EmbargoError('INVALID_INPUT', `${file}: cannot read the file (${error.code ?? error.message})`, { file });
  }
  const transactions = reader.end();
  io.err(`  ${count(transactions.rows)} transactions among ${count(transactions.parties.length)} parties (${seconds(started)})`);
  return transactions;
}

/**
 * Screens every query once; the best match of each that alerts is its designation (only the best match
 * comes back from the threads).
 */
async function screenQueries(io: Io, screener: BatchScreener, queries: NetworkQuery[], what: string) {
  const designations = new Map<number, Designation>();
  if (queries.length === 0) return designations;
  const started = performance.now();
  io.err(`Screening ${count(queries.length)} ${what} on ${screener.threads} thread${screener.threads === 1 ? '' : 's'}…`);
  const progress = startProgress(io, queries.length, `Screening ${what}`);
  await screener
    .screen(
      queries.map((q) => ({ id: String(q.id), query: q.query })),
      (i, result) => {
        if (i % 500 === 0) progress.update(i);
        if (!result.alert) return;
        const [best] = (JSON.parse(result.line) as { matches: Parameters<typeof designationOfMatch>[0][] }).matches;
        designations.set(queries[i].id, designationOfMatch(best));
      },
    )
    .finally(() => progress.stop());
  io.err(`  ${count(designations.size)} of them match listed records (${seconds(started)})`);
  return designations;
}

function transactionText(t: Transaction): string {
  const goods = t.hs ? ` HS ${t.hs}` : '';
  const vessel = t.vessel ? ` on ${t.vessel}` : '';
  return `line ${t.line}: ${t.date} ${t.payer} (${t.payerCountry}) → ${t.payee} (${t.payeeCountry}) ${t.currency} ${t.amount.toLocaleString('en-US')}${goods}${vessel}`;
}

function evidenceLines(e: FeatureEvidence): string[] {
  const lines = [`${e.label}: ${e.detail} — ${e.value.toFixed(2)} × ${e.weight} = ${e.contribution.toFixed(3)}`];
  for (const c of e.counterparts ?? [])
    lines.push(
      `    ${c.kind === 'vessel' ? 'vessel ' : ''}${c.names.join(' / ')} = ${c.designation.caption} (${c.designation.recordId}, ${c.designation.basis === 'listed' ? `score ${c.designation.score.toFixed(2)}` : 'blocked by ownership'}): USD ${Math.round(c.value).toLocaleString('en-US')} in ${c.rows} row${c.rows === 1 ? '' : 's'}`,
    );
  if (e.path && e.path.length > 1)
    lines.push(`    path: ${e.path.map((s) => s.name).join(' → ')} (${e.path.at(-1)!.designation?.recordId})`);
  if (e.feature !== 'proximity') for (const t of e.transactions) lines.push(`    ${transactionText(t)}`);
  if (e.rowCount > e.transactions.length && e.transactions.length > 0)
    lines.push(`    … ${count(e.rowCount - e.transactions.length)} more rows`);
  return lines;
}

function printRanking(io: Io, ranking: FacilitatorRanking): void {
  if (ranking.ranked.length === 0) {
    io.out('No party of the file trades with a designated party or handles banned North Korean goods.');
    return;
  }
  const rows = ranking.ranked.map((r) => [
    String(r.rank),
    r.score.toFixed(3),
    r.name.length > 44 ? r.name.slice(0, 43) + '…' : r.name,
    r.countries.join(','),
    String(r.measures.designatedCounterparts),
    `USD ${Math.round(r.measures.designatedValue).toLocaleString('en-US')}`,
    `${((r.measures.designatedValue / Math.max(r.measures.totalValue, 1)) * 100).toFixed(1)}%`,
    `USD ${Math.round(r.measures.dprkGoodsValue).toLocaleString('en-US')}`,
    r.measures.distance <= 3 ? String(r.measures.distance) : '–',
  ]);
  io.out(table(rows, ['rank', 'score', 'party', 'country', 'designated', 'value with them', 'share', 'DPRK goods', 'steps']));
  for (const r of ranking.ranked) {
    io.out('');
    io.out(
      `${r.rank}. ${r.name} (${r.countries.join(', ')}) — score ${r.score.toFixed(3)}; ${count(r.measures.rows)} rows, ${count(r.measures.counterparties)} counterparties`,
    );
    for (const e of r.evidence.filter((x) => x.contribution > 0)) for (const line of evidenceLines(e)) io.out(`  ${line}`);
  }
}

/** One ranked party as `--json` prints it. */
export function rankedPartyJson(r: RankedParty) {
  return { rank: r.rank, name: r.name, countries: r.countries, score: r.score, measures: r.measures, evidence: r.evidence };
}

/**
 * Where a ranking's time went, phase by phase, in seconds. `indexes` is the wait for the screening threads'
 * indexes once the file is read (a large file's are built while it is read); `screening` is the engine's
 * work on every distinct name (and stopping the threads).
 */
export interface RankingPhases {
  parse: number;
  names: number;
  graph: number;
  indexes: number;
  screening: number;
  ownership: number;
  exposure: number;
  ranking: number;
  output: number;
}

/** "parse 2.1 s · names 0.0 s · …": the phases as the last line on stderr says them (bench:network reads it). */
export function phasesLine(phases: RankingPhases, names: number, threads: number): string {
  const perName =
    names > 0
      ? ` (${count(names)} names: ${((phases.screening * 1000) / names).toFixed(2)} ms a name on ${threads} thread${threads === 1 ? '' : 's'})`
      : '';
  return `Phases: ${Object.entries(phases)
    .map(([phase, s]) => `${phase} ${s.toFixed(1)} s${phase === 'screening' ? perName : ''}`)
    .join(' · ')}`;
}

async function rank(io: Io, file: string, opts: RankOptions): Promise<void> {
  const started = performance.now();
  const phases: RankingPhases = {
    parse: 0,
    names: 0,
    graph: 0,
    indexes: 0,
    screening: 0,
    ownership: 0,
    exposure: 0,
    ranking: 0,
    output: 0,
  };
  let lap = performance.now();
  /** Charges the time since the last lap to `phase`. */
  const charge = (phase: keyof RankingPhases) => {
    const now = performance.now();
    phases[phase] += (now - lap) / 1000;
    lap = now;
  };
  const dataDir = opts.data ?? readEnvironment().dataDir;
  const size = await fileSize(file);
  const startScreener = (names: number) =>
    batchScreener(
      io,
      dataDir,
      names,
      { minScore: 0.5, limit: 1, candidatesPerReading: opts.candidates },
      opts.threads ?? readScreenThreads(),
    );
  // A large file: the screening threads build their indexes while this thread reads it. A small one is
  // read first, so that a malformed row is reported before any index is built.
  let screenerReady = size >= EARLY_SCREENER_BYTES ? startScreener(Math.ceil(size / BYTES_PER_NAME)) : undefined;
  let transactions: TransactionTable;
  let screened: Map<number, Designation>;
  let graph: ReturnType<typeof buildCounterpartyGraph>;
  let names = 0;
  let threads = 1;
  try {
    transactions = await readTable(io, file, size);
    charge('parse');
    // Each distinct party name once (case and spacing aside: the table holds one party per such name), and
    // each distinct vessel name once; one batch for both (vessel ids as -(id + 1)), so the threads build
    // their indexes once.
    const { parties: partyQueries, vessels: vesselQueries } = networkScreeningQueries(transactions);
    const all = [...partyQueries, ...vesselQueries.map((v) => ({ ...v, id: -(v.id + 1) }))];
    names = all.length;
    charge('names');
    // The network needs no screening: built before it (while a large file's threads still build their indexes).
    graph = buildCounterpartyGraph(transactions);
    charge('graph');
    screenerReady ??= startScreener(transactions.parties.length + transactions.vessels.values.length);
    const screener = await screenerReady;
    threads = screener.threads;
    charge('indexes');
    screened = await screenQueries(io, screener, all, 'party and vessel names');
    charge('screening');
  } finally {
    await screenerReady?.then((s) => s.close()).catch(() => undefined);
  }
  // Stopping the threads is the end of the screening.
  charge('screening');
  const parties = new Map<number, Designation>();
  const vessels = new Map<number, Designation>();
  for (const [id, d] of screened) (id >= 0 ? parties : vessels).set(id >= 0 ? id : -id - 1, d);
  for (const ownershipFile of opts.ownership ?? []) {
    const blocked = await ownershipBlockedParties(io, ownershipFile, dataDir, transactions);
    for (const [id, d] of blocked) if (!parties.has(id)) parties.set(id, d);
  }
  charge('ownership');
  const exposure = measureExposure(transactions, { parties, vessels }, { graph });
  charge('exposure');
  const ranking = rankFacilitators(exposure, { top: opts.top });
  charge('ranking');
  io.err(
    `Ranked ${count(ranking.scored)} exposed parties (${count(parties.size)} designated parties, ${count(vessels.size)} designated vessels) in ${(phases.exposure + phases.ranking).toFixed(1)} s; ${seconds(started)} in all.`,
  );
  if (opts.json) for (const r of ranking.ranked) io.out(JSON.stringify(rankedPartyJson(r)));
  else printRanking(io, ranking);
  charge('output');
  io.err(phasesLine(phases, names, threads));
}

export function networkCommand(io: Io): Command {
  const network = new Command('network').description('Facilitator discovery: the counterparty network of a transactions file');
  network.addCommand(
    new Command('rank')
      .description('Rank the parties of a transactions file that are not listed by their exposure to designated parties, with evidence')
      .argument('<file>', 'CSV with the header date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel')
      .option('--top <n>', 'how many parties to print', topOf, 20)
      .option('--json', 'one JSON object per ranked party: {"rank","name","countries","score","measures","evidence":[…]}')
      .option('--data <dir>', 'screen against exactly the list files under DIR (default: EMBARGO_DATA_DIR or the bundled lists)')
      .option(
        '--ownership <file>',
        'an ownership file (BODS, FollowTheMoney or ownership CSV): parties it shows blocked by ownership count as designated (repeatable)',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        '--threads <n>',
        'screening threads (default: EMBARGO_SCREEN_THREADS, else one per core from 15,000 names, one below)',
        threadsOf,
      )
      .option(
        '--candidates <n>',
        `listed names aligned in full per party name, 1 to 50 (default ${NETWORK_CANDIDATES_PER_READING}, as embargo screen does; 20 is a third faster and may miss a party)`,
        candidatesOf,
        NETWORK_CANDIDATES_PER_READING,
      )
      .addHelpText(
        'after',
        `
The file: one transaction a row — the payer pays the payee (the seller: goods go from payee to payer).
  date          YYYY-MM-DD
  payer, payee  names as written; case and spacing aside, one spelling is one party
  *_country     ISO 3166 two-letter codes (GB, CN, KP)
  amount        digits with an optional decimal point, more than 0 (1250.50)
  currency      ISO 4217 code with a reference rate (USD, EUR, CNY, …); amounts are summed in USD
  hs            Harmonized System code of the goods, 2 to 10 digits, or empty
  vessel        the vessel's name, or empty
A row that breaks these is refused with its line, column and field (exit code 3); nothing is ranked.

How parties are ranked: each distinct name is screened once (as a legal entity; vessels as vessels). For
every party not designated itself, six measures, each from 0 to 1 and weighted: value with designated
parties (0.2), share of its trade with them (0.2), distinct designated counterparts (0.15), banned North
Korean goods handled — coal, iron, lead, seafood, textiles sold from North Korea or resold from there
(0.15), path length to a designated party (0.1), and its position: how much of the designated parties'
own trade passes through it (0.2). Each ranked party shows every measure with the rows behind it.

Examples:
  $ embargo network rank payments-2025.csv --top 50
  $ embargo network rank shipments.csv --json --ownership owners.csv > ranking.jsonl`,
      )
      .action(async (file: string, opts: RankOptions) => rank(io, file, opts)),
  );
  return network;
}
