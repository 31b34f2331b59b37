/**
 * @module main
 * The `embargo` program: builds the command tree and turns errors into messages and exit codes.
 */
import { Command, CommanderError } from 'commander';
import { auditCommand, AuditBroken } from './commands/audit.js';
import { keysCommand } from './commands/keys.js';
import { usersCommand } from './commands/users.js';
import { listsCommand } from './commands/lists.js';
import { serveCommand } from './commands/serve.js';
import { screenCommand } from './commands/screen.js';
import { evaluateCommand } from './commands/evaluate.js';
import { paymentsCommand } from './commands/payments.js';
import { tradeCommand } from './commands/trade.js';
import { exposureCommand, ownershipCommand } from './commands/ownership.js';
import { workerCommand } from './commands/worker.js';
import { networkCommand } from './commands/network.js';
import { processIo, reportError, type Io } from './output.js';

export function buildProgram(io: Io = processIo): Command {
  const program = new Command('embargo')
    .description('Sanctions screening against the official OFAC, UN and UK lists, with explanations.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  program.addCommand(screenCommand(io));
  program.addCommand(evaluateCommand(io));
  program.addCommand(paymentsCommand(io));
  program.addCommand(tradeCommand(io));
  program.addCommand(workerCommand(io));
  program.addCommand(ownershipCommand(io));
  program.addCommand(exposureCommand(io));
  program.addCommand(networkCommand(io));
  program.addCommand(listsCommand(io));
  program.addCommand(serveCommand(io));
  program.addCommand(keysCommand(io));
  program.addCommand(usersCommand(io));
  program.addCommand(auditCommand(io));
  program.addHelpText(
    'after',
    `
Examples:
  $ embargo screen "Kim Jong Un"                       screen one name against the bundled lists
  $ embargo screen --input customers.csv --output hits.jsonl
  $ embargo evaluate --queries q.jsonl --truth t.jsonl --report evaluation.html   validate the filter on your data
  $ embargo payments screen batch.rje pacs008.xml      a decision per payment message (pass, hold, block)
  $ embargo trade screen shipments.jsonl               a decision per shipment (prohibited, review, allowed)
  $ embargo network rank payments.csv --top 50         parties not listed, ranked by their trade with designated ones
  $ embargo worker --nats nats://127.0.0.1:4222        screen payments from NATS JetStream
  $ embargo lists inspect data --json                  what the list files hold
  $ embargo lists diff old/ new/                       what changed between two publications
  $ embargo serve                                      the HTTP API on http://127.0.0.1:8080
  $ embargo keys create --role client                  an API key for it
  $ embargo audit verify                               check the audit trail has not been tampered with

Environment: EMBARGO_DATA_DIR, EMBARGO_PAYMENT_COUNTRIES, EMBARGO_NATS_URL, EMBARGO_DATABASE_URL, EMBARGO_SQLITE_PATH (see README).`,
  );
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
    c.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Runs the program on argv and returns the exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof AuditBroken) return 1;
    return reportError(io, e);
  }
}
