/**
 * @module capture-io
 * Running the `embargo` program in-process with its output kept instead of printed: what the
 * end-to-end tests drive, and what a program embedding the CLI can use.
 */
import { run } from './main.js';
import type { Io } from './output.js';

export interface CapturedRun {
  /** The exit code `embargo` would have exited with. */
  code: number;
  /** Everything printed on stdout, one `io.out` call per line group. */
  out: string;
  /** Everything printed on stderr (errors, download notices). */
  err: string;
}

/**
 * Runs `embargo <args>` and returns its exit code and output. Progress bars stay off (not a terminal).
 * @example const { code, out } = await runCaptured(['lists', 'inspect', 'data', '--json']);
 */
export async function runCaptured(args: string[]): Promise<CapturedRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), errIsTty: false };
  const code = await run(['node', 'embargo', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
