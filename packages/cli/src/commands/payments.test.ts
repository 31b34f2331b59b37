/**
 * `embargo payments screen` on the real sample messages (shared data/payments) against the bundled SDN
 * list: one decision per message in a report or as JSON lines, an unreadable message named with exit
 * code 3 after the others are screened, and the embargoed jurisdictions from --countries.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../capture-io.js';
import { BUNDLED_DATA, SHARED_PAYMENTS, hasSharedPayments } from '../../../../test/shared-data.js';

const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();
const SDN = join(BUNDLED_DATA, 'ofac-sdn');

interface DecisionLine {
  file: string;
  message: number;
  messageId?: string;
  format?: string;
  decision?: string;
  hits?: { field: string; text: string; id: string | null; score: number; rule: string }[];
  error?: { code: string; reason: string };
}

const jsonLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DecisionLine);

describe.skipIf(!HAS_SAMPLES)('embargo payments screen', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embargo-payments-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('prints one JSON decision per message of MT, RJE and ISO 20022 files (the syntax detected)', async () => {
    const files = [join(PAYMENTS, 'mt', 'prowide_MT103-out-ack.rje'), join(PAYMENTS, 'mx', 'wso2_cbpr_p212_pacs008_AtoB.xml')];
    const { code, out, err } = await runCaptured(['payments', 'screen', ...files, '--data', SDN, '--json']);
    expect(code, err).toBe(0);
    const lines = jsonLines(out);
    expect(lines).toHaveLength(14);
    expect(lines.slice(0, 13).every((l) => l.format === 'MT103' && l.file === files[0])).toBe(true);
    expect(lines[13]).toMatchObject({ format: 'pacs.008', messageId: '174c245f-2682-4291-ad67-2a41e530cd27', decision: 'pass', hits: [] });
    expect(err).toMatch(
      /^14 messages: \d+ blocked, \d+ held, \d+ passed; embargoed jurisdictions: KP, IR, CU, SY, UA-43, UA-14, UA-09\.$/m,
    );
  });

  it('blocks a message naming a listed bank, and says why in the report', async () => {
    const file = join(dir, 'ftb.fin');
    await writeFile(
      file,
      readFileSync(join(PAYMENTS, 'mt', 'wso2_cbpr_p212_MT103_AtoB.fin'), 'utf8').replace(':56A:ANBTUS44XXX', ':56A:FTBDKPPYXXX'),
    );
    const { code, out } = await runCaptured(['payments', 'screen', file, '--data', SDN]);
    expect(code).toBe(0);
    expect(out).toMatch(/^BLOCK\s+MT103\s+174c245f/m);
    expect(out).toMatch(/BLOCK\s+56A\s+bic\s+FTBDKPPYXXX\s+ofac:15603 FOREIGN TRADE BANK/);
    expect(out).toMatch(/HOLD\s+56A\s+bic-country/);
    // Without North Korea among the embargoed jurisdictions, only the listed BIC remains.
    const json = jsonLines((await runCaptured(['payments', 'screen', file, '--data', SDN, '--json', '--countries', 'IR,CU'])).out);
    expect(json[0].hits!.map((h) => h.rule)).toEqual(['bic']);
  });

  it('names an unreadable message and exits 3, after screening the others', async () => {
    const file = join(dir, 'cut.rje');
    const batch = readFileSync(join(PAYMENTS, 'mt', 'prowide_MT103-out-ack.rje'), 'utf8');
    await writeFile(file, batch.slice(0, batch.lastIndexOf('-}')));
    const { code, out, err } = await runCaptured(['payments', 'screen', file, '--data', SDN, '--json']);
    expect(code).toBe(3);
    const lines = jsonLines(out);
    expect(lines).toHaveLength(13);
    expect(lines[12].error).toMatchObject({ code: 'PAYMENT_PARSE' });
    expect(err).toMatch(/1 could not be read \(not screened\)/);
    expect(err).toMatch(/cut\.rje: message 13/);
  });

  it('refuses an unknown jurisdiction and a missing file by name, before loading the lists', async () => {
    const unknown = await runCaptured(['payments', 'screen', join(PAYMENTS, 'mt', 'prowide_MT101.fin'), '--countries', 'KP,XX']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown embargoed jurisdiction "XX"/);
    const missing = await runCaptured(['payments', 'screen', join(dir, 'nope.fin'), '--data', SDN]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.fin: cannot read the file \(ENOENT\)/);
  });
});
