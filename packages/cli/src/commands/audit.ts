/**
 * @module commands/audit
 * `embargo audit verify`: walks the hash-chained audit trail and says whether any row was edited,
 * deleted or moved (exit 1 if so).
 */
import { Command } from 'commander';
import { withStore } from '../config.js';
import type { Io } from '../output.js';

/** Thrown to end the command with exit code 1 after its message was printed. */
export class AuditBroken extends Error {}

export function auditCommand(io: Io): Command {
  const audit = new Command('audit').description('Check the audit trail');
  audit
    .command('verify')
    .description('Recompute every audit row hash and link; exit 1 at the first row edited, deleted or moved')
    .option('--json', 'print JSON {"ok","rows","firstBad"}')
    .addHelpText(
      'after',
      `
Examples:
  $ embargo audit verify                                  OK: 1234 audit rows, chain intact.
  $ EMBARGO_DATABASE_URL=postgres://localhost/embargo embargo audit verify --json`,
    )
    .action(async (opts: { json?: boolean }) => {
      const result = await withStore((store) => store.verifyAudit());
      if (opts.json) io.out(JSON.stringify(result));
      else if (result.ok) io.out(`OK: ${result.rows} audit rows, chain intact.`);
      else io.out(`BROKEN at row ${result.firstBad?.seq} (after ${result.rows} good rows): ${result.firstBad?.reason}`);
      if (!result.ok) throw new AuditBroken(result.firstBad?.reason);
    });
  return audit;
}
