/**
 * @module commands/screen
 * `embargo screen`: screen one name (a readable ranked table with explanations) or a file of parties
 * (JSON lines out, one per party, with a progress bar on stderr).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { EmbargoError, ScreeningEngine, type ScreeningMatch, type ScreeningQuery } from '@embargo/core';
import { readAlertThreshold, readEnvironment, readScreenThreads } from '../config.js';
import { table, type Io } from '../output.js';
import { startProgress } from '../progress.js';
import { parseNewestInDirectory } from './lists.js';
import { readPartiesCsv } from './parties-csv.js';
import { partyOrRefusal, validateQuery, type BatchParty } from './party-input.js';
import { matchJson, refuseNoLists, type LineOptions, type PartyToScreen } from '../batch/screened-line.js';
import { mainThreadScreener, threadScreener, threadsFor, type BatchScreener } from '../batch/screening-threads.js';

interface ScreenOptions {
  dob?: string;
  country?: string;
  schema?: string;
  data?: string;
  input?: string;
  output?: string;
  threshold?: number;
  minScore?: number;
  limit?: number;
  json?: boolean;
  strict?: boolean;
  threads?: number;
}

function number01(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export async function buildEngine(io: Io, dataDir: string): Promise<ScreeningEngine> {
  // The newest publication of each source only: the earlier ones in a data folder are history.
  const pubs = await parseNewestInDirectory(io, dataDir);
  refuseNoLists(dataDir, pubs);
  return new ScreeningEngine(pubs.flatMap((p) => p.entities));
}

export { matchJson };

/**
 * How batch mode screens each party: a lower floor than one name's 0.5 and ten matches, so that reviews
 * and `embargo evaluate`'s threshold sweep see the near misses below the alert threshold.
 */
export const BATCH_SCREEN_OPTIONS = { minScore: 0.4, limit: 10 } as const;

function scoreBar(score: number): string {
  const filled = Math.round(score * 10);
  return '█'.repeat(filled) + '░'.repeat(10 - filled);
}

/**
 * The parties of a batch file, CSV (by its name) or JSON lines; a file that cannot be read is an input
 * error naming it, before anything is screened.
 */
export async function* readPartiesFile(path: string): AsyncGenerator<BatchParty> {
  await access(path, constants.R_OK).catch((e: NodeJS.ErrnoException) => {
    throw new EmbargoError('INVALID_INPUT', `${path}: cannot read the file (${e.code ?? e.message})`, { file: path });
  });
  yield* /\.csv$/i.test(path) ? readPartiesCsv(path) : readPartiesJsonl(path);
}

/** The party of each line; a line that cannot be screened is a refusal naming it (see `BatchParty`). */
export async function* readPartiesJsonl(path: string): AsyncGenerator<BatchParty> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let row: Record<string, unknown> | undefined;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      row = undefined;
    }
    const { id, name, schema, birthDate, country, identifiers } = (row ?? {}) as Record<string, never>;
    yield partyOrRefusal(String(id ?? n), () => {
      if (row === undefined || typeof row !== 'object' || Array.isArray(row))
        throw new EmbargoError('INVALID_INPUT', `${path}:${n}: not valid JSON (one object a line)`);
      return validateQuery({ name, schema, birthDate, country, identifiers }, `${path}:${n}`);
    });
  }
}

/**
 * The screener for a batch of `parties`: worker threads over the cores for a large batch, the main
 * thread for a small one (see `threadsFor`). Shared with `embargo evaluate`.
 */
export async function batchScreener(
  io: Io,
  dataDir: string,
  parties: number,
  options: LineOptions,
  requestedThreads: number | undefined,
): Promise<BatchScreener> {
  const threads = threadsFor(parties, requestedThreads ?? readScreenThreads());
  if (threads > 1) return threadScreener(dataDir, options, threads);
  return mainThreadScreener(await buildEngine(io, dataDir), options);
}

/** Bytes of output buffered before a batch waits for the file to take them. */
const OUTPUT_BUFFER = 4 << 20;

async function screenBatch(io: Io, dataDir: string, opts: ScreenOptions): Promise<void> {
  const input = opts.input!;
  const parties: BatchParty[] = [];
  const source = readPartiesFile(input);
  let refused = 0;
  for await (const p of source) {
    if ('refused' in p) {
      // --strict: the first bad line stops the run, before anything is screened.
      if (opts.strict) throw p.refused;
      refused++;
      io.err(`embargo: ${p.refused.message} (refused: not screened)`);
    }
    parties.push(p);
  }
  const toScreen = parties.filter((p): p is PartyToScreen => !('refused' in p));
  const screener = await batchScreener(
    io,
    dataDir,
    toScreen.length,
    {
      threshold: opts.threshold,
      minScore: opts.minScore ?? BATCH_SCREEN_OPTIONS.minScore,
      limit: opts.limit ?? BATCH_SCREEN_OPTIONS.limit,
    },
    opts.threads,
  );
  // A large buffer: lines of a few kilobytes each would otherwise wait for the disk every few lines.
  const out: NodeJS.WritableStream = opts.output ? createWriteStream(opts.output, { highWaterMark: OUTPUT_BUFFER }) : process.stdout;
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  // A refused party keeps its place in the output, with the reason and no matches to mistake for "none".
  let written = 0;
  const writeRefusedUpTo = async (end: number) => {
    for (; written < end; written++) {
      const p = parties[written];
      if ('refused' in p) await write(JSON.stringify({ id: p.id, error: { code: p.refused.code, message: p.refused.message } }));
    }
  };
  const position = parties.flatMap((p, i) => ('refused' in p ? [] : [i]));
  const progress = startProgress(io, parties.length, 'Screening');
  let alerts = 0;
  const started = performance.now();
  try {
    await screener.screen(toScreen, async (i, result) => {
      await writeRefusedUpTo(position[i]);
      if (result.alert) alerts++;
      await write(result.line);
      written++;
      if (i % 50 === 0) progress.update(written);
    });
    await writeRefusedUpTo(parties.length);
  } finally {
    progress.stop();
    await screener.close();
  }
  if (opts.output) await new Promise<void>((resolve) => out.end(() => resolve()));
  const seconds = (performance.now() - started) / 1000;
  const refusedNote =
    refused > 0 ? ` ${refused} line${refused === 1 ? ' was' : 's were'} refused (listed above; "error" in the output).` : '';
  const threadsNote = screener.threads > 1 ? ` on ${screener.threads} threads` : '';
  io.err(
    `Screened ${toScreen.length} parties in ${seconds.toFixed(1)} s${threadsNote} (${Math.round(toScreen.length / Math.max(seconds, 1e-3))}/s): ${alerts} with alerts.${refusedNote}`,
  );
}

function printMatches(io: Io, query: ScreeningQuery, matches: ScreeningMatch[], size: number): void {
  if (matches.length === 0) {
    io.out(`No listed party resembles "${query.name}" (screened against ${size.toLocaleString('en')} records).`);
    return;
  }
  const rows = matches.map((m, i) => [
    String(i + 1),
    `${scoreBar(m.score)} ${m.score.toFixed(2)}`,
    m.alert ? 'ALERT' : '',
    m.id,
    m.entity.schema,
    m.entity.caption.length > 48 ? m.entity.caption.slice(0, 47) + '…' : m.entity.caption,
  ]);
  io.out(table(rows, ['#', 'score', '', 'record', 'type', 'listed name']));
  io.out('');
  for (const [i, m] of matches.entries()) io.out(`${i + 1}. ${m.explanation.summary}`);
}

export function screenCommand(io: Io): Command {
  return new Command('screen')
    .description('Screen a name (or a file of parties) against the sanctions lists')
    .argument('[name]', 'the name to screen, in any script')
    .option('--dob <date>', 'birth date: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--country <country>', 'country code or name (nationality, residence, registration)')
    .option('--schema <schema>', 'Person, Organization, Company, Vessel or Airplane')
    .option(
      '--data <dir>',
      'screen against the newest publication of each list under DIR, not its history (default: EMBARGO_DATA_DIR or the bundled lists)',
    )
    .option('--input <file>', 'batch mode: a .jsonl file of {"id","name","schema"?,"birthDate"?,"country"?} or a .csv with those columns')
    .option('--output <file>', 'batch mode: where to write one JSON line per party (default: stdout)')
    .option('--threshold <t>', "alert threshold from 0 to 1 (default: EMBARGO_ALERT_THRESHOLD, else the algorithm's, 0.81)", number01)
    .option('--min-score <s>', 'leave out candidates scoring below this (default 0.5; 0.4 in batch mode)', number01)
    .option('--limit <k>', 'most matches per party (default 10)', positiveInt)
    .option('--json', 'print the matches as JSON')
    .option(
      '--threads <n>',
      'batch mode: threads to screen on, each with its own index (default: EMBARGO_SCREEN_THREADS, else one per core from 15,000 parties, one below)',
      positiveInt,
    )
    .option('--strict', 'batch mode: stop at the first line that cannot be screened (default: report it, write it out refused, go on)')
    .addHelpText(
      'after',
      `
Examples:
  $ embargo screen "Kim Jong Un" --schema Person
  $ embargo screen "Андрей Сербин" --dob 1970
  $ embargo screen --input parties.jsonl --output results.jsonl --data ../lists`,
    )
    .action(async (name: string | undefined, opts: ScreenOptions) => {
      if (!name && !opts.input)
        throw new EmbargoError('INVALID_INPUT', 'give a name to screen, or --input FILE for batch mode (see embargo screen --help)');
      opts.threshold ??= readAlertThreshold();
      const dataDir = opts.data ?? readEnvironment().dataDir;
      if (opts.input) return screenBatch(io, dataDir, opts);
      const engine = await buildEngine(io, dataDir);
      const query = validateQuery(
        { name: name!, birthDate: opts.dob, country: opts.country, schema: opts.schema as ScreeningQuery['schema'] },
        'query',
      );
      const matches = engine.screen(query, { threshold: opts.threshold, minScore: opts.minScore, limit: opts.limit });
      if (opts.json) return io.out(JSON.stringify({ query, matches: matches.map(matchJson) }, null, 2));
      printMatches(io, query, matches, engine.size);
    });
}
