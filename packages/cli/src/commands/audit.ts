/**
 * @module commands/audit
 * `embargo audit verify [--checkpoint FILE]`: walks the signed, hash-chained audit trail, compares the
 * decisions, keys and users with it, and (given a checkpoint) checks the trail still holds what the
 * checkpoint vouches for; exit 1 at the first problem. `embargo audit checkpoint FILE`: writes a signed
 * checkpoint of the trail's head, for operators to keep outside the database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { EmbargoError } from '@embargo/core';
import { parseAuditCheckpoint, type AuditCheckpoint, type AuditVerification } from '@embargo/store';
import { withStore } from '../config.js';
import type { Io } from '../output.js';

/** Thrown to end the command with exit code 1 after its message was printed. */
export class AuditBroken extends Error {}

function readCheckpoint(file: string): AuditCheckpoint {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EmbargoError('INVALID_INPUT', `Cannot read the checkpoint ${file}: ${(error as Error).message}`, { file });
  }
  return parseAuditCheckpoint(text, file);
}

/** The verdict in words, one line per finding. */
function describe(result: AuditVerification): string[] {
  const lines: string[] = [];
  if (result.firstBad) lines.push(`BROKEN at row ${result.firstBad.seq} (after ${result.rows} good rows): ${result.firstBad.reason}`);
  else if (result.mismatch) lines.push(`BROKEN: ${result.mismatch.reason}`);
  else lines.push(`OK: ${result.rows} audit rows, chain intact.`);
  if (result.unsignedRows)
    lines.push(
      `Rows 1–${result.unsignedRows} were written before signing began: the chain covers them, their signatures do not (see the store README).`,
    );
  if (result.checkpoint) lines.push(`${result.checkpoint.ok ? 'Checkpoint OK' : 'Checkpoint FAILED'}: ${result.checkpoint.reason}.`);
  return lines;
}

export function auditCommand(io: Io): Command {
  const audit = new Command('audit').description('Check the audit trail, and export signed checkpoints of it');
  audit
    .command('verify')
    .description(
      'Recompute every audit row hash, link and signature, compare decisions, keys and users with their rows; exit 1 at the first problem',
    )
    .option('--checkpoint <file>', 'also check that the trail still holds every row this checkpoint (from `audit checkpoint`) vouches for')
    .option('--json', 'print JSON {"ok","rows","unsignedRows","firstBad","mismatch","checkpoint"}')
    .addHelpText(
      'after',
      `
The audit key (EMBARGO_AUDIT_KEY_FILE) must be the one that signed the trail.

Examples:
  $ embargo audit verify                                  OK: 1234 audit rows, chain intact.
  $ embargo audit verify --checkpoint /mnt/vault/audit-2026-12-06.json
  $ EMBARGO_DATABASE_URL=postgres://localhost/embargo embargo audit verify --json`,
    )
    .action(async (opts: { json?: boolean; checkpoint?: string }) => {
      const checkpoint = opts.checkpoint === undefined ? undefined : readCheckpoint(opts.checkpoint);
      const result = await withStore((store) => store.verifyAudit({ checkpoint }));
      if (opts.json) io.out(JSON.stringify(result));
      else for (const line of describe(result)) io.out(line);
      if (!result.ok) throw new AuditBroken(result.firstBad?.reason ?? result.mismatch?.reason ?? result.checkpoint?.reason);
    });
  audit
    .command('checkpoint')
    .description('Write a signed checkpoint of the audit trail (head row, hash, row count, time) to FILE; keep it outside the database')
    .argument('<file>', 'where to write it (refused if it exists)')
    .addHelpText(
      'after',
      `
Keep checkpoints where whoever can write to the database cannot (another machine, write-once storage),
for example one a day; \`embargo audit verify --checkpoint FILE\` then fails if any row up to the
checkpoint was changed or removed, or the trail is shorter than it says.

Example:
  $ embargo audit checkpoint /mnt/vault/audit-$(date +%F).json`,
    )
    .action(async (file: string) => {
      const checkpoint = await withStore((store) => store.auditCheckpoint(new Date()));
      try {
        writeFileSync(file, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
      } catch (error) {
        throw new EmbargoError('INVALID_INPUT', `Cannot write the checkpoint to ${file}: ${(error as Error).message}`, { file });
      }
      io.err(
        `Checkpoint of row ${checkpoint.seq} (${checkpoint.rows} rows, hash ${checkpoint.headHash.slice(0, 12)}…) written to ${file}.`,
      );
    });
  return audit;
}
