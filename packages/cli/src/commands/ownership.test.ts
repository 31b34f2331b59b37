/**
 * End-to-end: `embargo lists load` of the real SDN list of 2023-12-28 into a fresh SQLite file, then
 * `embargo ownership load` of a register extract, `embargo ownership check --json` (one object per derived
 * status, the proof's arithmetic summing to the aggregate), and `embargo exposure` of the ten companies
 * designated on 22 August 2017, whose "Linked To:" neighbours (read by hand from the remarks; the same
 * table as core's exposure-sdn.test.ts) must be listed with the remark as evidence.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedList } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

const HAS_SDN = hasShared('ofac-sdn/2023-12-28/sdn.csv');

const NEIGHBOURS: Record<string, string[]> = {
  '21737': ['20603'],
  '22583': ['15603', '22623'],
  '22603': ['22612'],
  '22605': ['22606'],
  '22606': ['22605', '26096'],
  '22607': ['11599', '22608'],
  '22613': [],
  '22614': [],
  '22703': ['20578', '22702', '22704'],
  '22704': ['20578', '22702', '22703'],
};

const REGISTER = [
  'owner,owned,share,share_max,kind,source,date',
  'KOREA MINING DEVELOPMENT TRADING CORPORATION,Pyongyang Front Trading Ltd,30,,ownership,register.csv,2024-01-31',
  'ofac:22606,Pyongyang Front Trading Ltd,25,,ownership,register.csv,2024-01-31',
  'Ri Nominee,Pyongyang Front Trading Ltd,20,40,ownership,register.csv,2024-01-31',
  'Pyongyang Front Trading Ltd,Front Shipping Co,40,60,ownership,register.csv,2024-01-31',
].join('\n');

describe.skipIf(!HAS_SDN)('embargo ownership and embargo exposure on SDN 2023-12-28', () => {
  let scratch: string;
  let db: string;
  const run = (args: string[]) => runCaptured([...args, '--sqlite', db]);

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'embargo-ownership-'));
    db = join(scratch, 'embargo.db');
    const loaded = await runCaptured(['lists', 'load', sharedList('ofac-sdn/2023-12-28'), '--sqlite', db]);
    expect(loaded.code, loaded.err).toBe(0);
    writeFileSync(join(scratch, 'register.csv'), REGISTER);
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('loads a register and prints each derived status with its proof as JSON', async () => {
    const loaded = await run(['ownership', 'load', join(scratch, 'register.csv')]);
    expect(loaded.code, loaded.err).toBe(0);
    expect(loaded.out).toMatch(/register\.csv: csv, 4 parties and 4 ties; 1 matched to listed records/);
    const checked = await run(['ownership', 'check', '--json']);
    expect(checked.code, checked.err).toBe(0);
    const statuses = checked.out
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            name: string;
            regime: string;
            status: string;
            aggregate: { min: number; max: number };
            proof: string[];
          },
      );
    // 30% + 25% = 55% blocks the firm under OFAC; it holds 40–60% of the shipping company: possibly blocked.
    expect(statuses.map((s) => [s.regime, s.name, s.status, s.aggregate.min, s.aggregate.max])).toEqual([
      ['ofac', 'Front Shipping Co', 'possibly_blocked', 40, 60],
      ['ofac', 'Pyongyang Front Trading Ltd', 'blocked', 55, 55],
    ]);
    const firm = statuses[1];
    expect(firm.proof.at(-1)).toBe(
      'KOREA MINING DEVELOPMENT TRADING CORPORATION 30% + VELMUR MANAGEMENT PTE LTD 25% of Pyongyang Front Trading Ltd = 55% ≥ 50% ⇒ Pyongyang Front Trading Ltd blocked (OFAC FAQ 399)',
    );
    expect(firm.proof[0]).toMatch(
      /^KOREA MINING DEVELOPMENT TRADING CORPORATION is KOREA MINING DEVELOPMENT TRADING CORPORATION \(ofac:9345\), designated: matched with score 1/,
    );
    const table = await run(['ownership', 'check', '--regime', 'uk']);
    expect(table.out).toContain('No entity of tenant default is blocked by ownership or control under UK');
  });

  for (const [company, neighbours] of Object.entries(NEIGHBOURS))
    it(`embargo exposure ofac:${company} lists its Linked To neighbours with the remark`, async () => {
      const { code, out, err } = await run(['exposure', `ofac:${company}`, '--depth', '1', '--json']);
      expect(code, err).toBe(0);
      const { targets } = JSON.parse(out) as {
        targets: { nodeId: string; shortest: { steps: { edge: { kind: string; label?: string; source: { text?: string } } }[] }[] }[];
      };
      expect(targets.map((t) => t.nodeId.replace('ofac:', '')).sort()).toEqual(neighbours);
      for (const t of targets) expect(t.shortest[0].steps[0].edge.source.text ?? t.shortest[0].steps[0].edge.label).toMatch(/^Linked To: /);
      const printed = await run(['exposure', `ofac:${company}`, '--depth', '1']);
      expect(printed.code, printed.err).toBe(0);
      if (neighbours.length === 0) expect(printed.out).toMatch(/no designated person within 1 step/);
      else expect(printed.out.match(/evidence: list record ofac:\d+: "Linked To: /g)?.length).toBe(neighbours.length);
    });
});
