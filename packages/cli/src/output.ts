/**
 * @module output
 * How the CLI speaks: results on stdout, progress and errors on stderr, and an exit code per error
 * kind, so scripts can tell a bad list file from a bad argument.
 */
import { ERROR_CODES, isEmbargoError, type ErrorCode } from '@embargo/core';

/** Exit codes, one per error code; the compiler checks that every code has one. */
export const EXIT_CODE = {
  LIST_PARSE: 3,
  LIST_FORMAT_UNKNOWN: 3,
  LIST_INCOMPLETE: 3,
  LIST_SHRANK: 3,
  LIST_OLDER: 3,
  LIST_DOWNLOAD: 4,
  INVALID_INPUT: 2,
  PAYMENT_PARSE: 3,
  SHIPMENT_PARSE: 3,
  OWNERSHIP_PARSE: 3,
  TRANSACTIONS_PARSE: 3,
  NOT_FOUND: 5,
  STORE_UNAVAILABLE: 6,
  STORE_CONFLICT: 6,
  UNAUTHENTICATED: 7,
  FORBIDDEN: 7,
  DECISION_NOT_ALLOWED: 6,
  FOUR_EYES_REQUIRED: 7,
  RATE_LIMITED: 6,
  SCREENING_UNAVAILABLE: 6,
} as const satisfies Record<ErrorCode, number>;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars draw only there). */
  errIsTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  errIsTty: Boolean(process.stderr.isTTY),
};

/** Prints an error the user can act on (never a stack trace) and returns the exit code. */
export function reportError(io: Io, e: unknown): number {
  if (isEmbargoError(e)) {
    io.err(`embargo: ${e.message}`);
    if (e.code in ERROR_CODES && e.code.startsWith('LIST_')) io.err('Nothing was stored; the lists in force are unchanged.');
    return EXIT_CODE[e.code];
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`embargo: unexpected error: ${message}`);
  if (process.env.EMBARGO_DEBUG) io.err(e instanceof Error ? (e.stack ?? '') : '');
  return 1;
}

/** A fixed-width text table for terminal output. */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const lines = all.map(line);
  if (header) lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return lines.join('\n');
}
