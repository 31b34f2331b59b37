/**
 * `embargo screen` against a small real list (UN 2026-02-27, copied into a temporary folder): batch mode
 * from JSON lines and from CSV, input errors that name the file and line, and single-name mode. The
 * program runs in-process through `run(argv, io)`; one test starts the real `bin/embargo.js`.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../capture-io.js';
import { sharedList } from '../../../../test/shared-data.js';

const BIN = fileURLToPath(new URL('../../bin/embargo.js', import.meta.url));

async function embargo(...args: string[]) {
  const { code, out, err } = await runCaptured(args);
  return { code, stdout: out, stderr: err };
}

const jsonLines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; matches: Record<string, unknown>[] });

/** The documented batch output: {"id","matches":[{"id","score","alert","name","explanation"}]}. */
function expectDocumentedShape(line: { id: string; matches: Record<string, unknown>[] }) {
  expect(typeof line.id).toBe('string');
  expect(Array.isArray(line.matches)).toBe(true);
  for (const m of line.matches) {
    expect(m).toEqual(
      expect.objectContaining({ id: expect.any(String), score: expect.any(Number), alert: expect.any(Boolean), name: expect.any(String) }),
    );
    expect(m.explanation).toEqual(expect.objectContaining({ summary: expect.any(String), scorers: expect.any(Array) }));
  }
}

describe('embargo screen', () => {
  let dir: string;
  let data: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-screen-'));
    data = join(dir, 'lists');
    await mkdir(join(data, 'un-sc'), { recursive: true });
    await copyFile(sharedList('un-sc/2026-02-27/consolidated.xml'), join(data, 'un-sc', 'consolidated.xml'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('batch mode: one JSON line per query of a JSONL file, in input order', async () => {
    const input = join(dir, 'parties.jsonl');
    const output = join(dir, 'results.jsonl');
    await writeFile(
      input,
      [
        { id: 'c-1', name: 'Jang Sung Nam', schema: 'Person' },
        { id: 'c-2', name: 'Evangeline Ashworth-Pemberton', birthDate: '1991-04-02', country: 'GB' },
        { id: 'c-3', name: '장성남' },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n') + '\n\n',
    );
    const { code, stderr } = await embargo('screen', '--data', data, '--input', input, '--output', output);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/Screened 3 parties/);
    const lines = await jsonLines(output);
    expect(lines.map((l) => l.id)).toEqual(['c-1', 'c-2', 'c-3']);
    lines.forEach(expectDocumentedShape);
    // UN KPi.057 JANG SUNG NAM (PROVENANCE.md cross-list example), in Latin letters and in Hangul.
    expect(lines[0].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    expect(lines[2].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    expect(lines[1].matches.filter((m) => m.alert)).toEqual([]);
  });

  it('batch mode: a CSV with loosely named columns (full name, date of birth, type)', async () => {
    const input = join(dir, 'parties.csv');
    const output = join(dir, 'results-csv.jsonl');
    await writeFile(
      input,
      '\uFEFFCustomer,Full Name,Date of Birth,Type\r\nk-7,"JANG, Sung Nam",,individual\r\nk-8,Quentin Marlowe-Fairbanks,1979-12-01,person\r\n',
    );
    const { code, stderr } = await embargo('screen', '--data', data, '--input', input, '--output', output);
    expect(code, stderr).toBe(0);
    const lines = await jsonLines(output);
    expect(lines.map((l) => l.id)).toEqual(['k-7', 'k-8']);
    lines.forEach(expectDocumentedShape);
    expect(lines[0].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    expect(lines[1].matches.filter((m) => m.alert)).toEqual([]);
  });

  it.each([
    {
      why: 'a line that is not JSON',
      file: 'bad.jsonl',
      text: '{"id":"a","name":"Jang Sung Nam"}\n{"id":"b", name: oops}\n',
      error: /bad\.jsonl:2: not valid JSON/,
    },
    {
      why: 'a JSON line without a name',
      file: 'noname.jsonl',
      text: '{"id":"a","name":"Jang Sung Nam"}\n\n{"id":"c"}\n',
      error: /noname\.jsonl:3: name is missing/,
    },
    {
      why: 'an unknown schema',
      file: 'schema.jsonl',
      text: '{"id":"a","name":"Jang Sung Nam","schema":"Boat"}\n',
      error: /schema\.jsonl:1: schema "Boat" is unknown/,
    },
    {
      why: 'a birth date that is not ISO',
      file: 'dob.jsonl',
      text: '{"id":"a","name":"Jang Sung Nam","birthDate":"14/03/1970"}\n',
      error: /dob\.jsonl:1: birthDate "14\/03\/1970" is not a date written YYYY, YYYY-MM or YYYY-MM-DD/,
    },
    // Issue 12 point 4: impossible dates name the line, in JSON lines and CSV; unpadded ones are refused.
    {
      why: 'an impossible birth date on line 2',
      file: 'month13.jsonl',
      text: '{"id":"a","name":"Jang Sung Nam","birthDate":"1970-07-14"}\n{"id":"b","name":"Jang Sung Nam","birthDate":"1984-13-45"}\n',
      error: /month13\.jsonl:2: birthDate month 13 does not exist/,
    },
    {
      why: 'a CSV row with February 30',
      file: 'feb30.csv',
      text: 'id,name,dob\n1,Jang Sung Nam,1970-07-14\n2,Jang Sung Nam,2023-02-30\n',
      error: /feb30\.csv:3: birthDate day 30 does not exist in 2023-02/,
    },
    {
      why: 'an unpadded date',
      file: 'unpadded.jsonl',
      text: '{"id":"a","name":"Jang Sung Nam","birthDate":"1969-7-16"}\n',
      error: /unpadded\.jsonl:1: birthDate .*\("1969-07-16"\)/,
    },
    // Point 5: no coercion, names with content.
    {
      why: 'a number for a name',
      file: 'number.jsonl',
      text: '{"id":"a","name":12}\n',
      error: /number\.jsonl:1: name must be a string, not 12/,
    },
    {
      why: 'a list for a name',
      file: 'list.jsonl',
      text: '{"id":"a","name":["Kim Jong Un"]}\n',
      error: /list\.jsonl:1: name must be a string/,
    },
    {
      why: 'a name of zero-width characters',
      file: 'zero-width.jsonl',
      text: '{"id":"a","name":"\u200b\ufeff"}\n',
      error: /zero-width\.jsonl:1: name holds no letter or digit/,
    },
    {
      why: 'a CSV name of punctuation',
      file: 'punct.csv',
      text: 'id,name\n1,Jang Sung Nam\n2,--..\n',
      error: /punct\.csv:3: name holds no letter or digit/,
    },
    {
      why: 'a CSV row with an unknown type',
      file: 'type.csv',
      text: 'id,name,type\n1,Jang Sung Nam,person\n2,Sea Star,boat\n',
      error: /type\.csv:3: unknown type "boat"/,
    },
    {
      why: 'a CSV without a name column',
      file: 'noname.csv',
      text: 'id,customer name\n1,Jang Sung Nam\n',
      error: /noname\.csv:2: no name/,
    },
  ])('batch mode --strict: $why is an input error naming file and line', async ({ file, text, error }) => {
    const input = join(dir, file);
    await writeFile(input, text);
    const { code, stdout, stderr } = await embargo(
      'screen',
      '--data',
      data,
      '--input',
      input,
      '--output',
      join(dir, `${file}.out`),
      '--strict',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(error);
    expect(stderr).toMatch(/^embargo: /);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe('');
  });

  it('batch mode: a file that cannot be read is an input error naming it', async () => {
    const missing = join(dir, 'missing.jsonl');
    const { code, stderr } = await embargo('screen', '--data', data, '--input', missing);
    expect(code).toBe(2);
    expect(stderr).toContain(`embargo: ${missing}: cannot read the file (ENOENT)`);
  });

  it('batch mode: a line that cannot be screened is reported and written out refused, and the other lines are screened', async () => {
    const input = join(dir, 'mixed.jsonl');
    await writeFile(
      input,
      [
        '{"id":"a","name":"Jang Sung Nam","birthDate":"1970-07-14"}',
        '{"id":"b","name":"Jang Sung Nam","birthDate":"1984-13-45"}',
        '{"id":"c", name: oops}',
        '{"id":"d","name":"Jang Sung Nam"}',
      ].join('\n') + '\n',
    );
    const output = join(dir, 'mixed.out');
    const { code, stderr } = await embargo('screen', '--data', data, '--input', input, '--output', output);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/mixed\.jsonl:2: birthDate month 13 does not exist \(refused: not screened\)/);
    expect(stderr).toMatch(/mixed\.jsonl:3: not valid JSON/);
    expect(stderr).toMatch(/Screened 2 parties .* 2 lines were refused/);
    const lines = (await readFile(output, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', '3', 'd']);
    expect(lines[1]).toEqual({ id: 'b', error: { code: 'INVALID_INPUT', message: expect.stringContaining('month 13 does not exist') } });
    expect(lines[2]).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(lines[1]).not.toHaveProperty('matches');
    expect((lines[0].matches as { id: string; alert: boolean }[])[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    expect((lines[3].matches as { id: string; alert: boolean }[])[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
  });

  it('single-name mode prints a ranked table with the matched record id and an explanation', async () => {
    const { code, stdout, stderr } = await embargo('screen', 'Jang Sung Nam', '--data', data);
    expect(code, stderr).toBe(0);
    const [header, rule, first] = stdout.split('\n');
    expect(header).toMatch(/#\s+score\s+record\s+type\s+listed name/);
    expect(rule).toMatch(/^─+/);
    expect(first).toMatch(/^1\s+█+░*\s+\d\.\d\d\s+ALERT\s+un:KPi\.057\s+Person\s+JANG SUNG NAM/);
    expect(stdout).toMatch(/^1\. Matched primary name "JANG SUNG NAM".*: alert \(/m);
  });

  it('single-name mode says so when nothing resembles the name', async () => {
    const { code, stdout } = await embargo('screen', 'Evangeline Ashworth-Pemberton', '--data', data);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No listed party resembles "Evangeline Ashworth-Pemberton" \(screened against [\d,]+ records\)\.$/);
  });

  it('single-name mode --json gives the same match shape as batch mode', async () => {
    const { code, stdout } = await embargo('screen', 'Jang Sung Nam', '--data', data, '--json', '--dob', '1970-07-14');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { query: { name: string; birthDate: string }; matches: Record<string, unknown>[] };
    expect(answer.query).toMatchObject({ name: 'Jang Sung Nam', birthDate: '1970-07-14' });
    expectDocumentedShape({ id: 'query', matches: answer.matches });
    expect(answer.matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
    const scorers = (answer.matches[0].explanation as { scorers: { name: string }[] }).scorers.map((s) => s.name);
    expect(scorers).toContain('birthDateAgreement');
  });

  it.each([
    { why: 'an impossible --dob', args: ['Jang Sung Nam', '--dob', '1984-13-45'], error: /query: birthDate month 13 does not exist/ },
    { why: 'a name of punctuation', args: ['.. ,,'], error: /query: name holds no letter or digit/ },
  ])('single-name mode: $why is an input error', async ({ args, error }) => {
    const { code, stderr } = await embargo('screen', ...args, '--data', data);
    expect(code).toBe(2);
    expect(stderr).toMatch(error);
  });

  it('an EMBARGO_ALERT_THRESHOLD that is not a number from 0 to 1 is an error naming the variable', async () => {
    process.env.EMBARGO_ALERT_THRESHOLD = '1.5';
    try {
      const { code, stderr } = await embargo('screen', 'Jang Sung Nam', '--data', data);
      expect(code).toBe(2);
      expect(stderr).toMatch(/EMBARGO_ALERT_THRESHOLD is "1.5": expected a number from 0 to 1/);
    } finally {
      delete process.env.EMBARGO_ALERT_THRESHOLD;
    }
  });

  it('without a name or --input, says what to give', async () => {
    const { code, stderr } = await embargo('screen', '--data', data);
    expect(code).toBe(2);
    expect(stderr).toMatch(/give a name to screen, or --input FILE/);
  });

  it('the installed command writes batch results to stdout (bin/embargo.js, built)', async () => {
    const input = join(dir, 'stdout.jsonl');
    await writeFile(input, '{"id":"s-1","name":"JANG Sung-nam"}\n');
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'screen', '--data', data, '--input', input], { encoding: 'utf8' });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; matches: Record<string, unknown>[] });
    expect(lines).toHaveLength(1);
    expectDocumentedShape(lines[0]);
    expect(lines[0].matches[0]).toMatchObject({ id: 'un:KPi.057', alert: true });
  });
});
