/**
 * `embargo evaluate`: a hand-made queries/truth set over the bundled UN list (every figure worked out by
 * hand below), input errors that name the file and line, the HTML report; and, where the shared dev set is
 * present, the same figures as the reference scorer `score.mjs` on `embargo screen --input`'s output.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../capture-io.js';
import { BUNDLED_DATA, SHARED_DIR, SHARED_EVAL_DEV, hasShared } from '../../../../test/shared-data.js';

async function embargo(...args: string[]) {
  const { code, out, err } = await runCaptured(args);
  return { code, stdout: out, stderr: err };
}

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('embargo evaluate on a hand-made set over the bundled UN list', () => {
  let dir: string;
  let queries: string;
  let truth: string;
  const data = join(BUNDLED_DATA, 'un-sc');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-evaluate-'));
    queries = join(dir, 'queries.jsonl');
    truth = join(dir, 'truth.jsonl');
    await writeFile(
      queries,
      jsonl([
        { id: 'q1', name: 'Jang Sung Nam', schema: 'Person' }, // JANG SUNG NAM, un:KPi.057, 1.0: alerts
        { id: 'q2', name: 'Kim Jong Un' }, // first match KIM JUNG JONG, un:KPi.021, about 0.57 (UN in JUNG's place): no alert
        { id: 'q3', name: 'Evangeline Ashworth-Pemberton' }, // nothing returned
        { id: 'q4', name: 'Ri Won Ho' }, // RI WON HO, un:KPi.033, 1.0: alerts
        { id: 'q5', name: 'Jang Sung Nam' }, // un:KPi.057 alerts, which this query forbids
        { id: 'q7', name: 'Ri Won Ho' }, // no truth line: warned about, not scored
      ]),
    );
    await writeFile(
      truth,
      jsonl([
        { id: 'q1', category: 'person', expect: ['un:KPi.057'], forbid: [] }, // found, top-1
        { id: 'q2', category: 'person', expect: ['un:KPi.021'], forbid: [] }, // not found (no alert), top-1
        { id: 'q3', category: 'negative', expect: [], forbid: [] }, // no false alert
        { id: 'q4', category: 'negative', expect: [], forbid: [] }, // false alert
        { id: 'q5', category: 'dob', expect: [], forbid: ['un:KPi.057'] }, // false alert
        { id: 'q6', category: 'person', expect: ['un:KPi.001'], forbid: [] }, // no query: unanswered, not found
      ]),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints recall, top-1 and false-alert rate at the threshold in force, the budgets and the categories', async () => {
    const { code, stdout, stderr } = await embargo('evaluate', '--queries', queries, '--truth', truth, '--data', data, '--budget', '70%');
    expect(code, stderr).toBe(0);
    // Positives q1 q2 q6: 1 found, 2 first; negatives q3 q4 q5: 2 false alerts.
    expect(stdout).toContain('Queries 6 (answered 5). At the alert threshold in force, 0.81:');
    expect(stdout).toContain('recall 33.3%   top-1 66.7%   false-alert rate 66.67%');
    // Sweep on best scores {0.57…, 1} (q3's nothing is left out): at both, q4 and q5 alert (66.7%): no 1% budget is met.
    expect(stdout).toContain('≤ 1%     no threshold keeps false alerts within 1% while finding anything');
    expect(stdout).toContain('≤ 0.1%   no threshold keeps false alerts within 0.1% while finding anything');
    // Within 70%, the lowest best score (q2's) finds q1 and q2.
    expect(stdout).toMatch(
      /Your budget, 70%: EMBARGO_ALERT_THRESHOLD=0\.57\d* gives recall 66\.7% at score ≥ 0\.57\d* \(false-alert rate 66\.67%\)/,
    );
    expect(stdout).toMatch(/dob\s+1\s+false-alert rate 100\.0%\s+1 false alert\n/);
    expect(stdout).toMatch(/negative\s+2\s+false-alert rate 50\.0%\s+1 false alert\n/);
    expect(stdout).toMatch(/person\s+3\s+recall 33\.3%\s+1 found, 0 false alerts/);
    expect(stderr).toContain(`1 queries of ${queries} have no truth line in ${truth} and are not scored: q7`);
    expect(stderr).toContain(`1 truth lines of ${truth} have no query in ${queries}; they count as unanswered (not found): q6`);
  });

  it('--json prints the same figures; the EMBARGO_ALERT_THRESHOLD in force is the one evaluated', async () => {
    const { code, stdout, stderr } = await embargo('evaluate', '--queries', queries, '--truth', truth, '--data', data, '--json');
    expect(code, stderr).toBe(0);
    const figures = JSON.parse(stdout) as Record<string, unknown>;
    expect(figures).toMatchObject({ queries: 6, answered: 5, thresholdInForce: 0.81, recall: 100 / 3, top1: 200 / 3, userBudget: null });
    expect(figures.budgets).toEqual([
      { budget: 1, recall: 0, threshold: null, falseAlertRate: 0 },
      { budget: 0.5, recall: 0, threshold: null, falseAlertRate: 0 },
      { budget: 0.1, recall: 0, threshold: null, falseAlertRate: 0 },
    ]);
    process.env.EMBARGO_ALERT_THRESHOLD = '0.55';
    try {
      const lowered = JSON.parse(
        (await embargo('evaluate', '--queries', queries, '--truth', truth, '--data', data, '--json')).stdout,
      ) as Record<string, unknown>;
      expect(lowered).toMatchObject({ thresholdInForce: 0.55, recall: 200 / 3 }); // q2's 0.57 now alerts
    } finally {
      delete process.env.EMBARGO_ALERT_THRESHOLD;
    }
  });

  it('--report writes a self-contained HTML page with both charts; --results the screening output', async () => {
    const report = join(dir, 'report.html');
    const results = join(dir, 'results.jsonl');
    const { code, stderr } = await embargo(
      'evaluate',
      '--queries',
      queries,
      '--truth',
      truth,
      '--data',
      data,
      '--report',
      report,
      '--results',
      results,
    );
    expect(code, stderr).toBe(0);
    const html = await readFile(report, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('Recall against false-alert rate');
    expect(html).toContain('Distribution of the best scores');
    expect(html).not.toMatch(/<script|<link|src=|href=/);
    const lines = (await readFile(results, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q7']);
  });

  it('refuses a malformed truth line, a query that cannot be screened, and a budget without its % sign', async () => {
    const badTruth = join(dir, 'bad-truth.jsonl');
    await writeFile(
      badTruth,
      jsonl([
        { id: 'q1', category: 'person', expect: ['un:KPi.057'], forbid: [] },
        { id: 'q2', category: 'person', expect: 'un:KPi.021', forbid: [] },
      ]),
    );
    let r = await embargo('evaluate', '--queries', queries, '--truth', badTruth, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${badTruth}:2: expect must be an array of record ids`);

    await writeFile(
      badTruth,
      jsonl([{ id: 'q1', category: 'person', expect: [], forbid: [] }]) +
        '{"id": "q1", "category": "person", "expect": [], "forbid": []}\n',
    );
    r = await embargo('evaluate', '--queries', queries, '--truth', badTruth, '--data', data);
    expect(r.stderr).toContain(`${badTruth}:2: id "q1" is already the id of line 1`);

    const badQueries = join(dir, 'bad-queries.jsonl');
    await writeFile(badQueries, '{"id": "q1", "name": "Jang Sung Nam"}\n{"id": "q2", "name": 42}\n');
    r = await embargo('evaluate', '--queries', badQueries, '--truth', truth, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${badQueries}:2: name must be a string`);

    r = await embargo('evaluate', '--queries', join(dir, 'missing.jsonl'), '--truth', truth, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'missing.jsonl')}: cannot read the file (ENOENT)`);

    r = await embargo('evaluate', '--queries', queries, '--truth', truth, '--data', data, '--budget', '0.5');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a percentage above 0 and at most 100%, such as 0.5%, not "0.5"');
  });
});

describe.skipIf(!hasShared('eval/dev/queries.jsonl', 'eval/dev/truth.jsonl', 'eval/dev/lists', 'eval/score.mjs'))(
  'embargo evaluate on the dev set gives the figures of score.mjs',
  () => {
    it('recall, top-1, false-alert rate, the 1% and 0.1% sweep and every category are those of score.mjs on screen --input', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'embargo-evaluate-dev-'));
      try {
        const [queries, truth, lists] = ['queries.jsonl', 'truth.jsonl', 'lists'].map((f) => join(SHARED_EVAL_DEV, f)) as [
          string,
          string,
          string,
        ];
        const evaluated = await embargo('evaluate', '--queries', queries, '--truth', truth, '--data', lists, '--json');
        expect(evaluated.code, evaluated.stderr).toBe(0);
        const ours = JSON.parse(evaluated.stdout) as {
          queries: number;
          answered: number;
          recall: number;
          top1: number;
          falseAlertRate: number;
          budgets: { budget: number; recall: number; threshold: number | null; falseAlertRate: number }[];
          categories: ({ category: string; n: number } & ({ recall: number; falseAlerts: number } | { falseAlertRate: number }))[];
        };

        const results = join(dir, 'results.jsonl');
        const screened = await embargo('screen', '--data', lists, '--input', queries, '--output', results);
        expect(screened.code, screened.stderr).toBe(0);
        const { stdout } = await promisify(execFile)(process.execPath, [
          join(SHARED_DIR, 'eval', 'score.mjs'),
          '--truth',
          truth,
          '--results',
          results,
          '--json',
        ]);
        const reference = JSON.parse(stdout) as {
          queries: number;
          answered: number;
          recall: number;
          top1: number;
          falseAlertRate: number;
          recallAtFar1: { recall: number; threshold: number | null; fpr: number };
          recallAtFar01: { recall: number; threshold: number | null; fpr: number };
          categories: Record<string, { n: number; recall?: number; falseAlerts?: number; falseAlertRate?: number }>;
        };

        expect({
          queries: ours.queries,
          answered: ours.answered,
          recall: ours.recall,
          top1: ours.top1,
          falseAlertRate: ours.falseAlertRate,
        }).toEqual({
          queries: reference.queries,
          answered: reference.answered,
          recall: reference.recall,
          top1: reference.top1,
          falseAlertRate: reference.falseAlertRate,
        });
        const byBudget = (b: number) => ours.budgets.find((x) => x.budget === b)!;
        expect(byBudget(1)).toEqual({
          budget: 1,
          recall: reference.recallAtFar1.recall,
          threshold: reference.recallAtFar1.threshold,
          falseAlertRate: reference.recallAtFar1.fpr,
        });
        expect(byBudget(0.1)).toEqual({
          budget: 0.1,
          recall: reference.recallAtFar01.recall,
          threshold: reference.recallAtFar01.threshold,
          falseAlertRate: reference.recallAtFar01.fpr,
        });
        // score.mjs rounds its category figures to one decimal.
        const ourCategories = Object.fromEntries(
          ours.categories.map((c) => [
            c.category,
            'recall' in c
              ? { n: c.n, recall: +c.recall.toFixed(1), falseAlerts: c.falseAlerts }
              : { n: c.n, falseAlertRate: +c.falseAlertRate.toFixed(1) },
          ]),
        );
        expect(ourCategories).toEqual(reference.categories);
        expect(Object.keys(ourCategories)).toEqual(Object.keys(reference.categories));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 180_000);
  },
);
