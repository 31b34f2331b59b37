/**
 * @module commands/evaluate
 * `embargo evaluate`: a bank's own validation of the filter on its own labelled data, as model-risk rules
 * ask. Screens a queries file exactly as `embargo screen --input` does, scores the matches against a truth
 * file (the core's evaluation metrics), prints the figures, and can write them as JSON, the screening
 * results as JSON lines, and an HTML report with charts.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { EmbargoError, evaluateQuery, summariseEvaluation, type EvaluationMatch, type ScreeningQuery } from '@embargo/core';
import { readAlertThreshold, readEnvironment } from '../config.js';
import type { Io } from '../output.js';
import { startProgress } from '../progress.js';
import { evaluationReportHtml } from '../evaluation/report.js';
import { summaryJson, summaryText } from '../evaluation/summary-text.js';
import { readTruthFile } from '../evaluation/truth-file.js';
import { BATCH_SCREEN_OPTIONS, batchScreener, positiveInt, readPartiesFile } from './screen.js';

interface EvaluateOptions {
  queries: string;
  truth: string;
  data?: string;
  budget?: number;
  report?: string;
  json?: boolean;
  results?: string;
  threads?: number;
}

/** A false-alert budget written as a percentage ("0.5%"): the sign is required, 0.5 alone could mean 50%. */
export function parseBudget(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$/.exec(value);
  const n = match ? Number(match[1]) : NaN;
  if (!match || !(n > 0) || n > 100)
    throw new InvalidArgumentError(`expected a percentage above 0 and at most 100%, such as 0.5%, not "${value}"`);
  return n;
}

/** The queries of the file in order; a line that cannot be screened stops the evaluation, naming it. */
async function readQueries(path: string): Promise<{ id: string; query: ScreeningQuery }[]> {
  const queries: { id: string; query: ScreeningQuery }[] = [];
  const seen = new Set<string>();
  for await (const p of readPartiesFile(path)) {
    if ('refused' in p) throw p.refused;
    if (seen.has(p.id))
      throw new EmbargoError('INVALID_INPUT', `${path}: the id "${p.id}" is given to two queries`, { file: path, field: 'id' });
    seen.add(p.id);
    queries.push(p);
  }
  if (queries.length === 0) throw new EmbargoError('INVALID_INPUT', `${path}: the queries file has no lines`, { file: path });
  return queries;
}

const some = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');

export function evaluateCommand(io: Io): Command {
  return new Command('evaluate')
    .description(
      'Validate the filter on your own labelled data: recall and false alerts at the threshold in force, the threshold for a budget, a report',
    )
    .requiredOption(
      '--queries <file>',
      'the parties to screen: .jsonl of {"id","name","schema"?,"birthDate"?,"country"?} (or .csv), as for screen --input',
    )
    .requiredOption(
      '--truth <file>',
      '.jsonl of {"id","category","expect":[record ids],"forbid":[record ids]}: what each query should and must not alert on',
    )
    .option(
      '--data <dir>',
      'screen against the newest publication of each list under DIR, not its history (default: EMBARGO_DATA_DIR or the bundled lists)',
    )
    .option('--budget <percent>', 'also report the threshold giving the best recall within this false-alert rate, e.g. 0.5%', parseBudget)
    .option('--report <file>', 'write an HTML report (figures, per-category table, recall and score-distribution charts)')
    .option('--results <file>', 'also write the screening results, one JSON line per query as screen --input writes them')
    .option(
      '--threads <n>',
      'threads to screen on (default: EMBARGO_SCREEN_THREADS, else one per core from 15,000 queries, one below)',
      positiveInt,
    )
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      `
The threshold in force is EMBARGO_ALERT_THRESHOLD, else the algorithm's (0.81); each query is screened as
"embargo screen --input" does (matches scoring 0.4 and above, ten at most). A query is found when an
expected record alerts; a false alert is a forbidden record alerting, or for a query expecting nothing and
forbidding nothing, any alert. Truth lines without a query count as unanswered (not found).

Example (the dev set, see the README):
  $ embargo evaluate --queries eval/dev/queries.jsonl --truth eval/dev/truth.jsonl \\
      --data eval/dev/lists --budget 0.5% --report evaluation.html`,
    )
    .action(async (opts: EvaluateOptions) => {
      const threshold = readAlertThreshold();
      const truths = await readTruthFile(opts.truth);
      const queries = await readQueries(opts.queries);
      const dataDir = opts.data ?? readEnvironment().dataDir;
      const screener = await batchScreener(io, dataDir, queries.length, { threshold, ...BATCH_SCREEN_OPTIONS }, opts.threads);
      const thresholdInForce = screener.threshold;

      const truthIds = new Set(truths.map((t) => t.id));
      const unlabelled = queries.filter((q) => !truthIds.has(q.id)).map((q) => q.id);
      if (unlabelled.length > 0)
        io.err(
          `embargo: ${unlabelled.length} queries of ${opts.queries} have no truth line in ${opts.truth} and are not scored: ${some(unlabelled)}`,
        );

      const results = opts.results ? createWriteStream(opts.results) : undefined;
      const matchesById = new Map<string, EvaluationMatch[]>();
      const progress = startProgress(io, queries.length, 'Screening');
      try {
        await screener.screen(queries, async (i, { line, scores }) => {
          matchesById.set(queries[i].id, scores);
          if (results && !results.write(line + '\n')) await new Promise<void>((resolve) => results.once('drain', () => resolve()));
          if (i % 50 === 0) progress.update(i);
        });
      } finally {
        progress.stop();
        await screener.close();
      }
      if (results) await new Promise<void>((resolve, reject) => results.end(() => resolve()).once('error', reject));

      const unanswered = truths.filter((t) => !matchesById.has(t.id)).map((t) => t.id);
      if (unanswered.length > 0)
        io.err(
          `embargo: ${unanswered.length} truth lines of ${opts.truth} have no query in ${opts.queries}; they count as unanswered (not found): ${some(unanswered)}`,
        );

      const rows = truths.map((t) => evaluateQuery(t, matchesById.get(t.id)));
      const summary = summariseEvaluation(rows, thresholdInForce, opts.budget);
      if (opts.report) {
        const html = evaluationReportHtml(summary, rows, {
          queriesFile: opts.queries,
          truthFile: opts.truth,
          dataDir,
          records: screener.records,
          generatedAt: new Date(),
        });
        await writeFile(opts.report, html);
        io.err(`Report written to ${opts.report}`);
      }
      io.out(opts.json ? JSON.stringify(summaryJson(summary)) : summaryText(summary));
    });
}
