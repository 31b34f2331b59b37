/**
 * @module commands/trade
 * `embargo trade screen FILE...`: shipments and letters of credit (JSON Lines, a JSON array, or CSV; the
 * syntax is detected) screened against the DPRK goods measures and the lists, one decision per shipment
 * (prohibited, review, allowed) with its reasons: a readable report, or `--json` with one object per
 * shipment. A record that cannot be read is reported with its line and field and makes the exit code 3,
 * after every other record has been screened. `embargo trade rules` prints the measures in force, each
 * with its citation and how far it was checked; `embargo trade revenue` the revenue-at-risk table of the
 * default example.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import {
  DPRK_EXPORT_ESTIMATES,
  DPRK_MEASURES,
  EmbargoError,
  formatHsCode,
  revenueAtRisk,
  shipmentDecisionJson,
  ShipmentScreener,
  type ShipmentDecision,
  type ShipmentParseError,
} from '@embargo/core';
import { parseShipments } from '@embargo/payments';
import { readEnvironment } from '../config.js';
import { table, type Io } from '../output.js';
import { buildEngine } from './screen.js';

interface TradeScreenOptions {
  data?: string;
  json?: boolean;
}

type RecordOutcome = { file: string; record: number } & ({ decision: ShipmentDecision } | { error: ShipmentParseError });

function errorText(file: string, e: ShipmentParseError): string {
  return `${file}:${e.line}: record ${e.record}${e.field ? `, field ${e.field}` : ''}: ${e.reason}`;
}

function jsonLine(o: RecordOutcome): string {
  if ('error' in o) return JSON.stringify({ file: o.file, record: o.record, error: { code: 'SHIPMENT_PARSE', ...o.error } });
  return JSON.stringify({ file: o.file, record: o.record, ...shipmentDecisionJson(o.decision) });
}

const DECISION_WORDS = { prohibited: 'PROHIBITED', review: 'REVIEW', allowed: 'ALLOWED' } as const;

function printOutcome(io: Io, o: RecordOutcome): void {
  if ('error' in o) {
    io.out(`✗ ${errorText(o.file, o.error)}`);
    io.out('');
    return;
  }
  const d = o.decision;
  io.out(`${DECISION_WORDS[d.decision].padEnd(10)}  ${d.id}  (${o.file}, record ${o.record})`);
  const { goods, parties, vessel } = d.screened;
  io.out(`            screened ${goods} goods line(s), ${parties} part${parties === 1 ? 'y' : 'ies'}${vessel ? ' and the vessel' : ''}`);
  for (const r of d.reasons) {
    io.out(
      `            ${r.effect === 'prohibited' ? '■' : '□'} ${r.kind.padEnd(7)} ${r.rule}${r.kind === 'party' || r.kind === 'vessel' ? ` — ${r.id}` : ''}`,
    );
    io.out(`                      ${r.detail}`);
  }
  io.out('');
}

async function screenShipmentFiles(io: Io, files: string[], opts: TradeScreenOptions): Promise<void> {
  // Every file is read and parsed before the lists are loaded: a missing file fails at once, not after.
  const parsed = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new EmbargoError('INVALID_INPUT', `${file}: cannot read the file (${e.code ?? e.message})`, { file });
      });
      return { file, results: parseShipments(text) };
    }),
  );
  const engine = await buildEngine(io, opts.data ?? readEnvironment().dataDir);
  const screener = new ShipmentScreener(engine, DPRK_MEASURES);
  const counts = { prohibited: 0, review: 0, allowed: 0, unreadable: 0 };
  for (const { file, results } of parsed) {
    results.forEach((result, i) => {
      const outcome: RecordOutcome = result.error
        ? { file, record: i + 1, error: result.error }
        : { file, record: i + 1, decision: screener.screen(result.shipment) };
      if ('error' in outcome) counts.unreadable++;
      else counts[outcome.decision.decision]++;
      if (opts.json) io.out(jsonLine(outcome));
      else printOutcome(io, outcome);
    });
  }
  const total = counts.prohibited + counts.review + counts.allowed + counts.unreadable;
  io.err(
    `${total} shipment${total === 1 ? '' : 's'}: ${counts.prohibited} prohibited, ${counts.review} for review, ${counts.allowed} allowed` +
      (counts.unreadable > 0 ? `, ${counts.unreadable} could not be read (not screened)` : '') +
      `; DPRK measures version ${DPRK_MEASURES.version}.`,
  );
  if (counts.unreadable > 0) {
    const first = parsed.flatMap(({ file, results }) => results.flatMap((r) => (r.error ? [errorText(file, r.error)] : [])))[0];
    throw new EmbargoError('SHIPMENT_PARSE', `${counts.unreadable} record(s) could not be read; the first: ${first}`);
  }
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rules in the columns of the draft they came from (`dprk_sectoral_measures.csv`), with what was checked. */
function rulesCsv(): string {
  const header = [
    'resolution',
    'paragraph',
    'citation',
    'direction',
    'kind',
    'measure',
    'hs_codes',
    'hs_source',
    'cap',
    'exemptions',
    'in_force',
    'replaced',
    'verification',
    'checked',
    'not_confirmed',
    'sources',
  ];
  const rows = DPRK_MEASURES.measures.map((m) => [
    m.resolution,
    m.paragraph,
    m.citation,
    m.direction,
    m.kind,
    m.words,
    m.hs.map((h) => h.code + (h.coverage === 'part' ? '(part)' : '')).join(';'),
    m.hsSource,
    m.cap?.words ?? '',
    m.exemptions.map((e) => `${e.kind}: ${e.words}`).join(' | '),
    m.appliesFrom ?? m.adopted,
    m.replaced ? `${m.replaced.on} by ${m.replaced.by}` : '',
    m.verification.state,
    m.verification.checked,
    m.verification.unchecked,
    m.verification.sources.join(' | '),
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n');
}

function printRules(io: Io, json: boolean | undefined, csv: boolean | undefined): void {
  if (json) {
    io.out(JSON.stringify(DPRK_MEASURES, null, 2));
    return;
  }
  if (csv) {
    io.out(rulesCsv());
    return;
  }
  const rows = DPRK_MEASURES.measures.map((m) => [
    m.citation,
    (m.appliesFrom ?? m.adopted) + (m.replaced ? `→${m.replaced.on}` : ''),
    m.direction === 'export-from-dprk' ? 'from DPRK' : 'to DPRK',
    m.kind,
    m.hs.map((h) => formatHsCode(h.code) + (h.coverage === 'part' ? '*' : '')).join(' '),
    m.verification.state,
  ]);
  io.out(table(rows, ['citation', 'in force', 'direction', 'kind', 'HS (* in part)', 'checked']));
  io.out('');
  io.out(`DPRK measures version ${DPRK_MEASURES.version}; --json prints every row with its words, caps, exemptions and sources.`);
}

const usd = (v: number) => `$${Math.round(v / 1_000_000).toLocaleString('en-US')}m`;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

function printRevenue(io: Io, json: boolean | undefined): void {
  const result = revenueAtRisk(DPRK_EXPORT_ESTIMATES, DPRK_MEASURES);
  if (json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(`DPRK export revenue at risk, ${result.year} estimates: total ${usd(result.total)}`);
  io.out('');
  io.out(
    table(
      result.byResolution.map((r) => [`UNSCR ${r.resolution}`, usd(r.banned), percent(r.share), r.commodities.join(', ') || '—']),
      ['resolution', 'banned', 'share', 'commodities'],
    ),
  );
  io.out('');
  io.out(
    table(
      result.byCommodity.map((c) => [c.commodity, usd(c.value), percent(c.share), c.bannedBy?.citation ?? '—', c.source.url]),
      ['commodity', 'value', 'share', 'banned by', 'source'],
    ),
  );
}

export function tradeCommand(io: Io): Command {
  const trade = new Command('trade').description('Screen shipments and letters of credit against the DPRK goods measures and the lists');
  trade.addCommand(
    new Command('screen')
      .description('Screen shipment files, one decision (prohibited, review, allowed) per shipment with its reasons')
      .argument('<file...>', 'shipments: JSON Lines, a JSON array, or CSV with a header row; the syntax is detected from the content')
      .option('--data <dir>', 'screen against exactly the list files under DIR (default: EMBARGO_DATA_DIR or the bundled lists)')
      .option('--json', 'one JSON object per shipment: {"id","decision","reasons":[{"kind","rule","id","detail","effect"}],…}')
      .addHelpText(
        'after',
        `
A shipment (JSON, one per line or in an array):
  {"id","date":"YYYY-MM-DD","origin","destination","portOfLoading":{"name","country"},"portOfDischarge":{"name","country"},
   "vessel":{"name","imo"},"goods":[{"hs":"2701.12","description","value","currency"}],"parties":[{"role","name","country"}]}
Countries as ISO codes or English names; HS codes as text (chapter, heading, subheading); roles: seller, shipper,
exporter, beneficiary, buyer, consignee, importer, notify, applicant, issuing-bank, advising-bank, confirming-bank,
carrier, shipowner, agent, other. CSV: the same fields as columns (portOfLoadingCountry, vesselImo, partyRole…), one
goods line or party per row, rows with the same id making one shipment.

What is checked: each goods line against the DPRK measures in force on the shipment's date, by direction (export
from the DPRK, supply to it) and HS code (a cap, or a code covering more than the measure, is for review, the cap
cited; an exemption the shipment shows, such as coal carried through Rajin, too); the route (DPRK origin or
destination, DPRK-origin goods loaded at a third port, a DPRK port on the way); every party's name against the lists;
the vessel by IMO number (a listed number prohibits) and by name (for review). Any prohibiting reason prohibits.

Exit codes: 0 when every record was read (whatever the decisions), 3 when one could not be (named above).

Examples:
  $ embargo trade screen docs/examples/shipments.jsonl
  $ embargo trade screen lcs.csv --json > decisions.jsonl`,
      )
      .action(async (files: string[], opts: TradeScreenOptions) => screenShipmentFiles(io, files, opts)),
  );
  trade.addCommand(
    new Command('rules')
      .description('The DPRK goods measures in force: citation, dates, direction, HS codes, and how far each was checked')
      .option('--json', 'every row in full: the resolution’s words, caps, exemptions, verification and sources')
      .option('--csv', 'one CSV row per measure, in the columns of the draft it came from, with what was checked')
      .action((opts: { json?: boolean; csv?: boolean }) => printRules(io, opts.json, opts.csv)),
  );
  trade.addCommand(
    new Command('revenue')
      .description(
        'Revenue at risk of the default example: the public estimates of DPRK exports, by resolution and commodity, with sources',
      )
      .option('--json', 'the calculation in full')
      .action((opts: { json?: boolean }) => printRevenue(io, opts.json)),
  );
  return trade;
}
