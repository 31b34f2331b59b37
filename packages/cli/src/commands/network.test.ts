/**
 * `embargo network rank` on a small generated world (bench/network-world.mjs, seed 7: 10,000 rows among
 * 1,000 firms, 8 planted facilitators, designated names from the bundled lists written as customers
 * write them) screened against the bundled lists: the planted facilitators rank on top; the truth file is
 * read only to score the ranking. Then the text report and --top, and a malformed file. One screening
 * thread: the threads themselves are tested with `embargo screen --input`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../capture-io.js';
import { BUNDLED_DATA } from '../../../../test/shared-data.js';
// @ts-expect-error: the generator is a plain script of the benchmarks, without types.
import { generateWorld } from '../../../../bench/network-world.mjs';

const PLANTED = 8;

describe('embargo network rank on a generated world', () => {
  let dir: string;
  let csv: string;
  let truth: { facilitators: { name: string }[]; decoys: { slips: string[]; hubs: string[] } };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-network-'));
    const world = await generateWorld({ rows: 10_000, firms: 1_000, facilitators: PLANTED, seed: 7, out: dir, dataDir: BUNDLED_DATA });
    csv = world.csv;
    truth = JSON.parse(readFileSync(world.truth, 'utf8'));
  }, 300_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('ranks the planted facilitators on top, each with its evidence', async () => {
    const { code, out, err } = await runCaptured([
      'network',
      'rank',
      csv,
      '--json',
      '--top',
      String(PLANTED),
      '--data',
      BUNDLED_DATA,
      '--threads',
      '1',
    ]);
    expect(code, err).toBe(0);
    const ranked = out.split('\n').map((l) => JSON.parse(l));
    expect(ranked.map((r) => r.rank)).toEqual(Array.from({ length: PLANTED }, (_, i) => i + 1));
    const planted = new Set(truth.facilitators.map((f) => f.name));
    // Every planted facilitator in the top 8 but at most one.
    expect(ranked.filter((r) => planted.has(r.name)).length).toBeGreaterThanOrEqual(PLANTED - 1);
    for (const r of ranked) {
      expect(Object.keys(r)).toEqual(['rank', 'name', 'countries', 'score', 'measures', 'evidence']);
      expect(r.score).toBeCloseTo(
        r.evidence.reduce((n: number, e: { contribution: number }) => n + e.contribution, 0),
        3,
      );
    }
    // The evidence quotes the file's rows and names the listed records behind the spellings.
    const value = ranked[0].evidence.find((e: { feature: string }) => e.feature === 'designatedValue');
    expect(value.transactions[0]).toMatchObject({ line: expect.any(Number), date: expect.stringMatching(/^2025-/) });
    const counterparts = ranked[0].evidence.find((e: { feature: string }) => e.feature === 'designatedCounterparts').counterparts;
    expect(counterparts[0].designation.recordId).toMatch(/^(ofac|un|uk):/);
    // Decoys with a single small payment to a designated party rank below every planted facilitator.
    const slips = new Set(truth.decoys.slips);
    expect(ranked.some((r) => slips.has(r.name))).toBe(false);
    expect(err).toMatch(/Screening [\d,]+ party and vessel names on 1 thread…/);
    // Where the time went, phase by phase, the engine's share with its time per distinct name.
    expect(err).toMatch(
      /\nPhases: parse [\d.]+ s · names [\d.]+ s · graph [\d.]+ s · indexes [\d.]+ s · screening [\d.]+ s \([\d,]+ names: [\d.]+ ms a name on 1 thread\) · ownership [\d.]+ s · exposure [\d.]+ s · ranking [\d.]+ s · output [\d.]+ s$/,
    );
  }, 300_000);

  it('prints a readable report: a table, then each party with its evidence', async () => {
    const { code, out } = await runCaptured(['network', 'rank', csv, '--top', '3', '--data', BUNDLED_DATA, '--threads', '1']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^rank +score +party +country +designated +value with them +share +DPRK goods +steps$/);
    expect(out).toMatch(/\n1\. .+ — score 0\.\d{3}; [\d,]+ rows, [\d,]+ counterparties\n/);
    expect(out).toMatch(/ {2}Value with designated parties: USD [\d,]+ with designated parties — /);
    expect(out).toMatch(/ {4}line \d+: 2025-\d\d-\d\d .+ → .+ \(\w\w\) \w{3} [\d,.]+/);
    expect(out).not.toMatch(/\n4\. /);
  }, 300_000);
});

describe('embargo network rank refuses', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-network-bad-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('a malformed row, naming the line, column and field, with exit code 3', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(
      file,
      'date,payer,payer_country,payee,payee_country,amount,currency,hs,vessel\n2025-01-01,A Ltd,GB,B Ltd,North Korea,10,USD,,\n',
    );
    const { code, err } = await runCaptured(['network', 'rank', file, '--data', BUNDLED_DATA]);
    expect(code).toBe(3);
    expect(err).toContain(
      `embargo: ${file}: line 2, column 5 (payee_country): "North Korea" is not an ISO 3166 two-letter country code in capitals (GB, CN, KP)`,
    );
  }, 120_000);

  it('a missing file, and a --top that is not a number', async () => {
    expect((await runCaptured(['network', 'rank', join(dir, 'none.csv')])).code).toBe(2);
    const { code, err } = await runCaptured(['network', 'rank', join(dir, 'none.csv'), '--top', 'ten']);
    expect(code).toBe(2);
    expect(err).toMatch(/--top.*expected a whole number from 1 to 100000/);
  });
});
