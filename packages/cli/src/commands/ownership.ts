/**
 * @module commands/ownership
 * `embargo ownership load FILE...` reads ownership files (BODS 0.4, FollowTheMoney, or CSV
 * `owner,owned,share[,share_max][,kind][,source][,date]`), matches their parties to the listed records in
 * force, stores them in a tenant and evaluates the OFAC, EU and UK ownership rules; `embargo ownership check`
 * prints every entity blocked or possibly blocked, with its proof; `embargo exposure NAME|ID` the paths from
 * a party to designated persons. All three work on the database `embargo serve` uses, through the same
 * functions as the API (`OwnershipService`), so they derive the same statuses.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_EXPOSURE_DEPTH,
  EmbargoError,
  formatProof,
  formatShare,
  REGIME_IDS,
  type ExposurePath,
  type OwnershipProof,
} from '@embargo/core';
import { OwnershipService } from '@embargo/server';
import { DEFAULT_TENANT } from '@embargo/store';
import { withListsInForce } from '../lists-in-force.js';
import { table, type Io } from '../output.js';
import { startProgress } from '../progress.js';

interface TenantOption {
  tenant: string;
  database?: string;
  sqlite?: string;
}

/** An ownership service over the lists in force in the database; closed after `run`. */
function withOwnership<T>(io: Io, opts: TenantOption, run: (ownership: OwnershipService) => Promise<T>): Promise<T> {
  return withListsInForce(io, opts, (store, screening) =>
    run(new OwnershipService({ store, screening, clock: () => new Date(), newId: randomUUID })),
  );
}

const percent = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(2)}%`;
const aggregateText = (a: { min: number; max: number }) => (a.min === a.max ? percent(a.min) : `${percent(a.min)}–${percent(a.max)}`);

async function load(io: Io, files: string[], opts: TenantOption): Promise<void> {
  await withOwnership(io, opts, async (ownership) => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let progress: ReturnType<typeof startProgress> | undefined;
      const result = await ownership
        .load(opts.tenant, basename(file), text, 'cli', (matched, parties) => {
          progress ??= startProgress(io, parties, `Matching the parties of ${basename(file)}`);
          progress.update(matched);
        })
        .finally(() => progress?.stop());
      const { file: record, evaluation } = result;
      io.out(
        `${file}: ${record.format}, ${record.nodes} parties and ${record.edges} ties${result.stored ? '' : ' (loaded before: nothing stored again)'}; ` +
          `${result.resolved} matched to listed records${result.leftOut ? `; ${result.leftOut} facts left out as not current` : ''}.`,
      );
      for (const p of evaluation.problems.slice(0, 20)) io.err(`  ${p}`);
      if (evaluation.problems.length > 20) io.err(`  … and ${evaluation.problems.length - 20} more problems`);
    }
    const evaluation = await ownership.evaluate(opts.tenant, 'cli');
    io.out('');
    io.out(
      table(
        REGIME_IDS.map((r) => [
          r.toUpperCase(),
          String(evaluation.counts[r]?.blocked ?? 0),
          String(evaluation.counts[r]?.possibly_blocked ?? 0),
        ]),
        ['regime', 'blocked', 'possibly blocked'],
      ),
    );
    io.out('');
    io.out(`Tenant ${opts.tenant}. See every status with its proof: embargo ownership check --tenant ${opts.tenant}`);
  });
}

interface CheckOptions extends TenantOption {
  regime?: string;
  json?: boolean;
}

async function check(io: Io, opts: CheckOptions): Promise<void> {
  await withOwnership(io, opts, async (ownership) => {
    // Evaluated now, against the lists in force: what was stored may predate a list load.
    await ownership.evaluate(opts.tenant, 'cli');
    const statuses = await ownership.allStatuses(opts.tenant, opts.regime ? { regime: opts.regime } : {});
    if (opts.json) {
      for (const s of statuses)
        io.out(
          JSON.stringify({
            id: s.id,
            name: s.name,
            regime: s.regime,
            status: s.status,
            aggregate: { min: s.aggregate.min, max: s.aggregate.max },
            proof: formatProof(s.proof as OwnershipProof),
          }),
        );
      return;
    }
    if (statuses.length === 0) {
      io.out(
        `No entity of tenant ${opts.tenant} is blocked by ownership or control${opts.regime ? ` under ${opts.regime.toUpperCase()}` : ''}.`,
      );
      return;
    }
    for (const s of statuses) {
      io.out(
        `${s.name} (${s.id}) — ${s.regime.toUpperCase()}: ${s.status.replace('_', ' ')}, designated persons hold ${aggregateText(s.aggregate)}`,
      );
      for (const line of formatProof(s.proof as OwnershipProof)) io.out(`    ${line}`);
      io.out('');
    }
    io.out(`${statuses.length} status${statuses.length === 1 ? '' : 'es'} in force.`);
  });
}

interface ExposureOptions extends TenantOption {
  depth: number;
  json?: boolean;
}

/** "A —[ownership 25%]→ B —[listLink]→ C", named as the graph names them. */
function pathText(path: ExposurePath, nameOf: (id: string) => string): string {
  const steps = path.steps.map((s) => `—[${s.edge.kind}${s.edge.share ? ' ' + formatShare(s.edge.share) : ''}]→ ${nameOf(s.to)}`);
  return [path.steps[0] ? nameOf(path.steps[0].from) : '', ...steps].join(' ');
}

/** What a step rests on: the source's words and where they are. */
function evidenceOf(step: ExposurePath['steps'][number]): string {
  const { source, label } = step.edge;
  const where = source.recordId
    ? `list record ${source.recordId}`
    : source.file
      ? `${source.file}${source.row ? ` row ${source.row}` : ''}`
      : source.kind;
  const words = source.text ?? label;
  return words ? `${where}: "${words}"` : where;
}

async function exposure(io: Io, party: string, opts: ExposureOptions): Promise<void> {
  await withOwnership(io, opts, async (ownership) => {
    let id = party;
    const graph = await ownership.graph(opts.tenant);
    if (!graph.nodeIndex.has(party)) {
      const found = await ownership.findNodes(opts.tenant, party, 5);
      if (found.length === 0)
        throw new EmbargoError('NOT_FOUND', `No listed record or party of tenant ${opts.tenant} is named like "${party}".`);
      if (found.length > 1 && found[0].name.toLowerCase() !== party.toLowerCase())
        io.err(
          `"${party}" names ${found.length} parties; showing ${found[0].name} (${found[0].id}). Others: ${found
            .slice(1)
            .map((n) => n.id)
            .join(', ')}`,
        );
      id = found[0].id;
    }
    const targets = (await ownership.exposure(opts.tenant, id, opts.depth)) ?? [];
    if (opts.json) {
      io.out(JSON.stringify({ id, targets }));
      return;
    }
    const node = graph.nodes[graph.nodeIndex.get(id)!];
    const nameOf = (nodeId: string) => {
      const at = graph.nodeIndex.get(nodeId);
      return at === undefined ? nodeId : `${graph.nodes[at].name} (${nodeId})`;
    };
    if (targets.length === 0) {
      io.out(`${node.name} (${id}): no designated person within ${opts.depth} step${opts.depth === 1 ? '' : 's'}.`);
      return;
    }
    io.out(`${node.name} (${id}): ${targets.length} designated person${targets.length === 1 ? '' : 's'} within ${opts.depth} steps`);
    for (const t of targets) {
      io.out('');
      io.out(`${t.name} (${t.nodeId}), ${t.distance} step${t.distance === 1 ? '' : 's'} away`);
      for (const p of t.shortest) {
        io.out(`  ${pathText(p, nameOf)}`);
        for (const s of p.steps) io.out(`      evidence: ${evidenceOf(s)}`);
      }
      const strongest = pathText(t.strongest, nameOf);
      if (!t.shortest.some((p) => pathText(p, nameOf) === strongest))
        io.out(`  strongest: ${strongest} (strength ${t.strongest.strength.toFixed(2)})`);
    }
  });
}

function depthOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 6) throw new InvalidArgumentError('expected a whole number from 1 to 6');
  return n;
}

const tenantOption = () => new Option('--tenant <tenant>', 'whose ownership data (a tenant of the database)').default(DEFAULT_TENANT);

/** The database options every command that reads the store takes (as `embargo lists load` does). */
function withStoreOptions(command: Command): Command {
  return command
    .option('--database <url>', 'postgres:// URL (default: EMBARGO_DATABASE_URL, else SQLite at EMBARGO_SQLITE_PATH)')
    .option('--sqlite <path>', 'SQLite file (default: EMBARGO_SQLITE_PATH or ./var/embargo.db)');
}

export function ownershipCommand(io: Io): Command {
  const command = new Command('ownership').description(
    'Ownership and control: load ownership files and see who the 50% rules block, with proofs',
  );
  withStoreOptions(command.command('load'))
    .description(
      'Load ownership files (BODS 0.4 JSON/JSON lines, FollowTheMoney JSON lines, or CSV) and evaluate the OFAC, EU and UK rules',
    )
    .argument('<files...>', 'the files; the format is found from the content')
    .addOption(tenantOption())
    .addHelpText(
      'after',
      `
CSV files have a header row: owner,owned,share[,share_max][,kind][,source][,date]. owner and owned are
listed record ids (ofac:9647), your own ids (prefix:value) or names; kind is ownership (default), control,
directorship, family or associate; share is a percent, share_max makes it a range. Parties are matched
to the listed records in force (identifiers first, then name with birth date and country). A file that
cannot be read is refused whole, naming the line and field, and nothing is stored.

Examples:
  $ embargo ownership load register.csv
  $ embargo ownership load bods-statements.jsonl --tenant bank-a`,
    )
    .action(async (files: string[], opts: TenantOption) => load(io, files, opts));
  withStoreOptions(command.command('check'))
    .description('Every entity blocked or possibly blocked by ownership or control, with its proof')
    .addOption(new Option('--regime <regime>', 'one regime only').choices([...REGIME_IDS]))
    .option('--json', 'one JSON object per status: {"id","name","regime","status","aggregate":{"min","max"},"proof":[…]}')
    .addOption(tenantOption())
    .addHelpText(
      'after',
      `
OFAC: 50% or more owned, directly or indirectly, by SDN-listed persons together (FAQ 398–401); control
alone does not block. EU: 50% or more with aggregation, and control. UK: more than 50% held by one
designated person (or a joint arrangement), and control. A share known only as a range that straddles a
threshold gives "possibly blocked" with the range of the aggregate.

Examples:
  $ embargo ownership check --regime ofac
  $ embargo ownership check --json | jq 'select(.status == "blocked")'`,
    )
    .action(async (opts: CheckOptions) => check(io, opts));
  return command;
}

export function exposureCommand(io: Io): Command {
  return withStoreOptions(new Command('exposure'))
    .description('Paths from a party (a listed record id, one of your parties, or a name) to designated persons, with evidence')
    .argument('<party>', 'an id (ofac:22606, csv:acme) or a name')
    .option('--depth <n>', `steps at most (default ${DEFAULT_EXPOSURE_DEPTH})`, depthOf, DEFAULT_EXPOSURE_DEPTH)
    .option('--json', 'the paths as JSON')
    .addOption(tenantOption())
    .addHelpText(
      'after',
      `
Every kind of tie counts: ownership and control, directorships, family, associates and the lists' own
links ("Linked To:"). The shortest paths are listed with each step's evidence, and the strongest path
(ownership shares weigh most) where it differs.

Examples:
  $ embargo exposure ofac:22606
  $ embargo exposure "VELMUR MANAGEMENT" --depth 2`,
    )
    .action(async (party: string, opts: ExposureOptions) => exposure(io, party, opts));
}
