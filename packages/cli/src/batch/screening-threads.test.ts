/**
 * Batch screening on worker threads: the same output, byte for byte and in input order, as one thread,
 * on the real UN list with every listed name as a party (and refused lines interleaved); a thread's
 * failure stops the batch loudly. The threads run the built code (`npx tsc -b packages/cli` first, as
 * the test command does).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadListDirectory } from '@embargo/lists';
import { runCaptured } from '../capture-io.js';
import { sharedList } from '../../../../test/shared-data.js';
import { MIN_PARTIES_PER_THREAD, screenInThreads, threadsFor } from './screening-threads.js';

describe('threadsFor', () => {
  it('by default, one thread per MIN_PARTIES_PER_THREAD parties, at most one per core, one for a small batch', () => {
    const cores = availableParallelism();
    expect(threadsFor(10)).toBe(1);
    expect(threadsFor(2 * MIN_PARTIES_PER_THREAD - 1)).toBe(1);
    expect(threadsFor(2 * MIN_PARTIES_PER_THREAD)).toBe(Math.min(2, cores));
    expect(threadsFor(1_000 * MIN_PARTIES_PER_THREAD)).toBe(cores);
  });

  it('as many threads as asked for, but no more than the batch has chunks to share', () => {
    expect(threadsFor(100_000, 1)).toBe(1);
    expect(threadsFor(100_000, 3)).toBe(3);
    expect(threadsFor(1_000, 2)).toBe(2);
    expect(threadsFor(10, 2)).toBe(1);
    expect(threadsFor(0, 4)).toBe(1);
  });
});

describe('embargo screen --input on threads', () => {
  let dir: string;
  let data: string;
  let input: string;
  let names: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-threads-'));
    data = join(dir, 'lists');
    await mkdir(join(data, 'un-sc'), { recursive: true });
    const un = sharedList('un-sc/2026-02-27/consolidated.xml');
    await copyFile(un, join(data, 'un-sc', 'consolidated.xml'));
    // Every listed record's name as a party, a typo variant of each, and a refused line every 97 parties:
    // chunks enough for two threads (asked for with --threads), with results that differ from line to line.
    names = (await loadListDirectory(data)).flatMap((p) => p.entities.map((e) => e.caption));
    const lines: string[] = [];
    names.forEach((name, i) => {
      lines.push(JSON.stringify({ id: `p-${i}`, name }));
      lines.push(JSON.stringify({ id: `t-${i}`, name: name.slice(0, -1) + (name.endsWith('a') ? 'e' : 'a') }));
      if (i % 97 === 0) lines.push(JSON.stringify({ id: `bad-${i}`, name: 42 }));
    });
    input = join(dir, 'parties.jsonl');
    await writeFile(input, lines.join('\n') + '\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the same lines in the same order on two threads as on one, refused lines in their places', async () => {
    const one = join(dir, 'one.jsonl');
    const two = join(dir, 'two.jsonl');
    const single = await runCaptured(['screen', '--data', data, '--input', input, '--output', one, '--threads', '1']);
    expect(single.code, single.err).toBe(0);
    const threaded = await runCaptured(['screen', '--data', data, '--input', input, '--output', two, '--threads', '2']);
    expect(threaded.code, threaded.err).toBe(0);
    expect(threaded.err).toMatch(/Screened \d+ parties in [\d.]+ s on 2 threads/);
    expect(single.err).not.toMatch(/on \d+ threads/);
    const expected = await readFile(one, 'utf8');
    expect(await readFile(two, 'utf8')).toBe(expected);
    const ids = expected
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.slice(0, 4)).toEqual(['p-0', 't-0', 'bad-0', 'p-1']);
    expect(ids.filter((id) => id.startsWith('bad-'))).toHaveLength(Math.ceil(names.length / 97));
    // Listed names find their records: the output is screening, not empty lines in the right order.
    const found = expected.split('\n').filter((l) => l.startsWith('{"id":"p-') && l.includes('"alert":true')).length;
    expect(found).toBeGreaterThan(names.length * 0.95);
  });

  it('a folder without lists is refused, naming it, on threads as on one thread', async () => {
    const empty = join(dir, 'no-lists');
    await mkdir(empty, { recursive: true });
    await writeFile(join(empty, 'notes.txt'), 'not a list\n');
    const single = await runCaptured(['screen', '--data', empty, '--input', input, '--threads', '1']);
    const threaded = await runCaptured(['screen', '--data', empty, '--input', input, '--threads', '2']);
    expect(single.code).toBe(2);
    expect(single.err).toContain(`${empty}: no list files found, so there is nothing to screen against`);
    expect(threaded.code).toBe(single.code);
    expect(threaded.err).toBe(single.err);
  });
});

describe('screenInThreads', () => {
  /** A thread that answers its first chunk and then exits, as a crashed thread would. */
  const dyingThread = () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads');
       let answered = 0;
       parentPort.on('message', (m) => {
         if (answered++ > 0) process.exit(3);
         parentPort.postMessage({ chunk: m.chunk, results: m.parties.map((p) => ({ line: p.id, alert: false, scores: [] })) });
       });`,
      { eval: true },
    );

  it('rejects, naming the thread, when a thread stops with parties still to screen; what was handed on is in order', async () => {
    const workers = [dyingThread()];
    const parties = Array.from({ length: 500 }, (_, i) => ({ id: `p-${i}`, query: { name: `Name ${i}` } }));
    const handed: string[] = [];
    await expect(screenInThreads(workers, parties, (_, r) => void handed.push(r.line))).rejects.toThrow(
      /screening thread 1 stopped \(exit code 3\) with parties still to screen/,
    );
    expect(handed.length).toBeLessThan(parties.length);
    expect(handed).toEqual(parties.slice(0, handed.length).map((p) => p.id));
    await Promise.all(workers.map((w) => w.terminate()));
  });
});
