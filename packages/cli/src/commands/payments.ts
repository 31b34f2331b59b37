/**
 * @module commands/payments
 * `embargo payments screen FILE...`: payment messages (SWIFT MT, RJE batches, ISO 20022 XML; the syntax is
 * detected) screened against the lists, one decision per message: a readable report, or `--json` with one
 * object per message. A message that cannot be read is reported with the field or line and makes the exit
 * code 3, after every other message has been screened: a filter never passes what it could not read.
 */
import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import {
  EmbargoError,
  embargoedJurisdictionsOf,
  OFAC_EMBARGOED_JURISDICTIONS,
  paymentHitJson,
  PaymentScreener,
  type PaymentDecision,
  type PaymentParseError,
  type PaymentScreeningRules,
} from '@embargo/core';
import { parsePaymentMessages } from '@embargo/payments';
import { readEnvironment } from '../config.js';
import { table, type Io } from '../output.js';
import { buildEngine } from './screen.js';

interface PaymentsScreenOptions {
  data?: string;
  json?: boolean;
  countries?: string;
  holdAt?: number;
  blockAt?: number;
  textHoldAt?: number;
}

function score01(value: string): number {
  const n = Number(value);
  if (!/^\s*(0(\.\d+)?|1(\.0+)?|\.\d+)\s*$/.test(value) || !Number.isFinite(n))
    throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

/** The jurisdictions in force: `--countries`, else EMBARGO_PAYMENT_COUNTRIES, else all of OFAC's. */
export function paymentJurisdictions(option: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  const codes = option ?? env.EMBARGO_PAYMENT_COUNTRIES;
  if (codes === undefined) return OFAC_EMBARGOED_JURISDICTIONS;
  const list = codes.split(',').map((c) => c.trim());
  // "none" says it in so many words: an empty value could be a mistake in a deployment file.
  if (list.length === 1 && list[0].toLowerCase() === 'none') return [];
  return embargoedJurisdictionsOf(list.filter((c) => c !== ''));
}

/** One message's outcome in a file: its decision, or why it could not be read. */
type MessageOutcome = { file: string; message: number } & ({ decision: PaymentDecision } | { error: PaymentParseError });

function errorText(file: string, e: PaymentParseError): string {
  const where = [e.line !== undefined ? `line ${e.line}` : undefined, e.field !== undefined ? `field ${e.field}` : undefined]
    .filter(Boolean)
    .join(', ');
  return `${file}: message ${e.message}${where ? ` (${where})` : ''}: ${e.reason}`;
}

function jsonLine(o: MessageOutcome): string {
  if ('error' in o) return JSON.stringify({ file: o.file, message: o.message, error: { code: 'PAYMENT_PARSE', ...o.error } });
  const d = o.decision;
  return JSON.stringify({
    file: o.file,
    message: o.message,
    messageId: d.messageId,
    format: d.format,
    decision: d.decision,
    hits: d.hits.map(paymentHitJson),
    screened: d.screened,
  });
}

const DECISION_WORDS = { pass: 'PASS', hold: 'HOLD', block: 'BLOCK' } as const;

function printOutcome(io: Io, o: MessageOutcome): void {
  if ('error' in o) {
    io.out(`✗ ${errorText(o.file, o.error)}`);
    io.out('');
    return;
  }
  const d = o.decision;
  const { parties, bics, texts, windows } = d.screened;
  io.out(`${DECISION_WORDS[d.decision].padEnd(5)}  ${d.format}  ${d.messageId}  (${o.file}, message ${o.message})`);
  io.out(`       screened ${parties} party names, ${bics} BICs, ${texts} address and free-text fields (${windows} text windows)`);
  if (d.hits.length > 0) {
    const rows = d.hits.map((h) => [
      h.action.toUpperCase(),
      h.source,
      h.rule,
      h.text.length > 40 ? h.text.slice(0, 39) + '…' : h.text,
      h.id ? `${h.id} ${h.caption ?? ''}`.slice(0, 48) : `${h.jurisdiction}`,
      h.score.toFixed(2),
    ]);
    io.out(
      table(rows, ['action', 'field', 'rule', 'seen', 'listed', 'score'])
        .split('\n')
        .map((l) => '       ' + l)
        .join('\n'),
    );
  }
  io.out('');
}

async function screenPaymentFiles(io: Io, files: string[], opts: PaymentsScreenOptions): Promise<void> {
  const jurisdictions = paymentJurisdictions(opts.countries);
  // Every file is read and parsed before the lists are loaded: a missing file fails at once, not after.
  const parsed = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new EmbargoError('INVALID_INPUT', `${file}: cannot read the file (${e.code ?? e.message})`, { file });
      });
      return { file, results: parsePaymentMessages(text) };
    }),
  );
  const engine = await buildEngine(io, opts.data ?? readEnvironment().dataDir);
  const rules: Partial<PaymentScreeningRules> = { jurisdictions };
  if (opts.holdAt !== undefined) rules.holdAt = opts.holdAt;
  if (opts.blockAt !== undefined) rules.blockAt = opts.blockAt;
  if (opts.textHoldAt !== undefined) rules.textHoldAt = opts.textHoldAt;
  const screener = new PaymentScreener(engine, rules);
  const counts = { pass: 0, hold: 0, block: 0, unreadable: 0 };
  for (const { file, results } of parsed) {
    results.forEach((result, i) => {
      const outcome: MessageOutcome = result.error
        ? { file, message: i + 1, error: result.error }
        : { file, message: i + 1, decision: screener.screen(result.payment) };
      if ('error' in outcome) counts.unreadable++;
      else counts[outcome.decision.decision]++;
      if (opts.json) io.out(jsonLine(outcome));
      else printOutcome(io, outcome);
    });
  }
  const total = counts.pass + counts.hold + counts.block + counts.unreadable;
  io.err(
    `${total} message${total === 1 ? '' : 's'}: ${counts.block} blocked, ${counts.hold} held, ${counts.pass} passed` +
      (counts.unreadable > 0 ? `, ${counts.unreadable} could not be read (not screened)` : '') +
      `; embargoed jurisdictions: ${jurisdictions.map((j) => j.code).join(', ') || 'none'}.`,
  );
  if (counts.unreadable > 0) {
    const first = parsed.flatMap(({ file, results }) => results.flatMap((r) => (r.error ? [errorText(file, r.error)] : [])))[0];
    throw new EmbargoError('PAYMENT_PARSE', `${counts.unreadable} message(s) could not be read; the first: ${first}`);
  }
}

export function paymentsCommand(io: Io): Command {
  const payments = new Command('payments').description(
    'Screen payment messages: SWIFT MT (FIN, RJE) and ISO 20022 (pacs.008, pacs.009, pain.001)',
  );
  payments.addCommand(
    new Command('screen')
      .description('Screen payment message files, one decision (pass, hold, block) per message with its hits')
      .argument('<file...>', 'message files: MT (.fin, .rje, .txt) or ISO 20022 XML; the syntax is detected from the content')
      .option(
        '--data <dir>',
        'screen against the newest publication of each list under DIR, not its history (default: EMBARGO_DATA_DIR or the bundled lists)',
      )
      .option('--json', 'one JSON object per message: {"messageId","format","decision","hits":[{"field","text","id","score","rule",…}]}')
      .option(
        '--countries <codes>',
        `embargoed jurisdictions, comma-separated, or "none" (default: EMBARGO_PAYMENT_COUNTRIES, else ${OFAC_EMBARGOED_JURISDICTIONS.map((j) => j.code).join(',')})`,
      )
      .option(
        '--hold-at <score>',
        "a party name scoring this holds the payment (default: the matching algorithm's alert threshold, 0.81)",
        score01,
      )
      .option('--block-at <score>', 'a party name scoring this blocks it (default 0.95)', score01)
      .option('--text-hold-at <score>', 'a listed name in free text scoring this holds it (default 0.9)', score01)
      .addHelpText(
        'after',
        `
What is checked: every party's name (ordering customer, beneficiary, ultimate parties, every bank named by
name) against the listed names; every BIC against the BICs the lists carry (another branch of a listed
bank too); party and BIC countries and place names against the embargoed jurisdictions; free text (70, 72,
77B, remittance information, address lines) for listed names (a word cut at a line end is joined), BICs
and vessels' IMO numbers. Any block-grade hit blocks; any other hit holds.

Exit codes: 0 when every message was read (whatever the decisions), 3 when one could not be (named above).

Examples:
  $ embargo payments screen incoming/*.fin
  $ embargo payments screen batch.rje --json > decisions.jsonl
  $ embargo payments screen pacs008.xml --countries KP,IR,CU,SY`,
      )
      .action(async (files: string[], opts: PaymentsScreenOptions) => screenPaymentFiles(io, files, opts)),
  );
  return payments;
}
