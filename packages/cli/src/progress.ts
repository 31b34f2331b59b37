/**
 * @module progress
 * Progress bars on stderr for long work (loading lists, batch screening). They draw only when stderr
 * is a terminal, so logs and CI output stay clean.
 */
import cliProgress from 'cli-progress';
import type { Io } from './output.js';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

export function startProgress(io: Io, total: number, what: string): Progress {
  if (!io.errIsTty || total <= 0) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${what} [{bar}] {percentage}% {value}/{total} {label}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, label = '') => bar.update(done, { label }),
    stop: () => bar.stop(),
  };
}
