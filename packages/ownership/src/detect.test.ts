/**
 * parseOwnershipFile picks the format by content, whatever the file is called, and refuses text in none.
 */
import { describe, expect, it } from 'vitest';
import { hasSharedOwnership, sharedOwnership } from '../../../test/shared-data.js';
import { OwnershipParseError } from './errors.js';
import { testdataFile } from './test-support.js';
import { parseOwnershipFile } from './detect.js';

describe('parseOwnershipFile', () => {
  it.skipIf(!hasSharedOwnership())('reads a BODS array and BODS JSON lines as BODS', () => {
    const text = sharedOwnership('bods_examples/joint-ownership.json');
    expect(parseOwnershipFile('upload.txt', text).format).toBe('bods');
    const lines = (JSON.parse(text) as unknown[]).map((s) => JSON.stringify(s)).join('\n');
    const parsed = parseOwnershipFile('upload.jsonl', `\uFEFF${lines}\n`);
    expect(parsed.format).toBe('bods');
    expect(parsed.edges).toHaveLength(3);
  });

  it('reads FtM JSON lines, and an FtM JSON array, as FtM', () => {
    const text = testdataFile('ftm/hongfa-register.ftm.jsonl');
    expect(parseOwnershipFile('register.json', text).format).toBe('ftm');
    const array = `[${text.trim().split('\n').join(',\n')}]`;
    expect(parseOwnershipFile('register.json', array).edges).toHaveLength(11);
  });

  it('reads a CSV by its header, in any case and with a BOM', () => {
    expect(parseOwnershipFile('x.json', testdataFile('csv/velmur-owners.csv')).format).toBe('csv');
    expect(parseOwnershipFile('x', '\uFEFFOwner,Owned,Share\nofac:22606,Acme,60\n').edges).toHaveLength(1);
  });

  it('passes asOf on', () => {
    const text = testdataFile('ftm/hongfa-register.ftm.jsonl');
    expect(parseOwnershipFile('r.jsonl', text).leftOut[0].reason).toBe('the Ownership ended on 2017-09-30');
    expect(parseOwnershipFile('r.jsonl', text, { asOf: '2017-01-01' }).leftOut[0].reason).not.toMatch(/ended/);
  });

  const refused: { why: string; text: string; expect: RegExp }[] = [
    { why: 'an empty file', text: ' \n', expect: /^e: line 1: the file is empty; expected BODS 0\.4 statements/ },
    {
      why: 'JSON of another kind',
      text: '[{"name": "Acme", "owner": "Kim"}]',
      expect: /^e: statement 1: JSON, but its first record is neither a BODS statement nor an FtM entity/,
    },
    { why: 'a CSV of another kind', text: 'name,birth_date\nKim,1961\n', expect: /^e: line 1: not an ownership file; expected/ },
    { why: 'broken JSON', text: '[{"statementId": ', expect: /^e: line 1: not JSON/ },
    { why: 'an XML file', text: '<?xml version="1.0"?><rr:RelationshipRecords/>', expect: /^e: line 1: not an ownership file/ },
  ];
  for (const r of refused)
    it(`refuses ${r.why}`, () => {
      expect(() => parseOwnershipFile('e', r.text)).toThrow(OwnershipParseError);
      expect(() => parseOwnershipFile('e', r.text)).toThrow(r.expect);
    });

  it.skipIf(!hasSharedOwnership())('refuses the GLEIF relationship records (XML, no shares): not a format it reads', () => {
    expect(() => parseOwnershipFile('gleif_rr_sample_rr-data.xml', sharedOwnership('gleif_rr_sample_rr-data.xml'))).toThrow(
      /^gleif_rr_sample_rr-data\.xml: line 1: not an ownership file/,
    );
  });
});
