import { isEmbargoError, values } from '@embargo/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFile } from '../../io.js';
import { detectScript, parseUnXml } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-un-xml-'));
let count = 0;
function fileWith(content: string | Uint8Array) {
  const path = join(dir, `case-${++count}.xml`);
  writeFileSync(path, content);
  return listFile(path, `cases/case-${count}.xml`);
}

const list = (records: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">\n<INDIVIDUALS>\n${records}\n</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n`;
const individual = (ref: string, inner: string) =>
  `<INDIVIDUAL><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>IL</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER><LISTED_ON>2017-08-05</LISTED_ON>${inner}</INDIVIDUAL>`;

async function parseError(content: string | Uint8Array): Promise<Error> {
  try {
    await parseUnXml(fileWith(content));
  } catch (e) {
    expect(isEmbargoError(e)).toBe(true);
    return e as Error;
  }
  throw new Error('expected a parse error');
}

describe('fatal problems name the file and line', () => {
  test('truncated XML', async () => {
    const text = list(individual('KPi.001', ''));
    const error = await parseError(text.slice(0, text.indexOf('</INDIVIDUAL>') + 5));
    expect(error.message).toMatch(/^cases\/case-\d+\.xml:4: malformed XML: unclosed tag/);
  });

  test('wrong root element', async () => {
    const error = await parseError('<?xml version="1.0"?>\n<sdnList><sdnEntry/></sdnList>');
    expect(error.message).toMatch(/^cases\/case-\d+\.xml:2: root element is <sdnList>, expected <CONSOLIDATED_LIST>/);
  });

  test('empty file', async () => {
    expect((await parseError('')).message).toMatch(/^cases\/case-\d+\.xml:1: file is empty/);
  });

  test('bytes that are not UTF-8, located by line', async () => {
    const text = Buffer.from(list(individual('KPi.001', '<COMMENTS1>x</COMMENTS1>')));
    const bad = Buffer.concat([
      text.subarray(0, text.indexOf('x</COMMENTS1>')),
      Buffer.from([0xff]),
      text.subarray(text.indexOf('x</COMMENTS1>') + 1),
    ]);
    expect((await parseError(bad)).message).toMatch(/^cases\/case-\d+\.xml:4: file is not valid UTF-8/);
  });

  test('a file that does not exist', async () => {
    await expect(parseUnXml(listFile(join(dir, 'missing.xml'), 'missing.xml'))).rejects.toThrow(
      /^missing\.xml: cannot read file \(ENOENT\)/,
    );
  });
});

describe('record quirks', () => {
  test('a date of birth given only in words, and a BETWEEN range noted "Approximately"', async () => {
    const parsed = await parseUnXml(
      fileWith(
        list(
          individual(
            'KPi.001',
            `<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
             <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1955</FROM_YEAR><TO_YEAR>1958</TO_YEAR><NOTE>Approximately</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
             <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>30-35 years old</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
             <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></INDIVIDUAL_DATE_OF_BIRTH>`,
          ),
        ),
      ),
    );
    const [e] = parsed.entities;
    expect(e.properties.birthDate).toEqual([
      { value: '1973-11', original: 'Nov. 1973' },
      { value: '1955', until: '1958', approximate: true },
    ]);
    expect(parsed.issues).toEqual([expect.objectContaining({ recordId: 'un:KPi.001', raw: '30-35 years old', line: 6 })]);
  });

  test('aliases: double quotes around a nickname or one of its words are dropped, a single quote kept', async () => {
    const parsed = await parseUnXml(
      fileWith(
        list(
          individual(
            'KPi.001',
            `<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>"KOMID"</ALIAS_NAME></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>“General” Sidiki</ALIAS_NAME></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>“Tek”; “Teki”</ALIAS_NAME></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>‘Abd al-Rahman</ALIAS_NAME></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>“”</ALIAS_NAME></INDIVIDUAL_ALIAS>`,
          ),
        ),
      ),
    );
    const [e] = parsed.entities;
    expect(values(e, 'alias')).toEqual(['KOMID', 'General Sidiki', '‘Abd al-Rahman']);
    // The note keeps the list's text as written.
    expect(e.properties.weakAlias).toEqual([
      { value: 'Tek', weak: true, note: 'listed together as "“Tek”; “Teki”"' },
      { value: 'Teki', weak: true, note: 'listed together as "“Tek”; “Teki”"' },
    ]);
  });

  test('aliases: an unknown QUALITY is reported, an original-script note becomes a name, a DOB under an alias is kept', async () => {
    const parsed = await parseUnXml(
      fileWith(
        list(
          individual(
            'QDi.001',
            `<INDIVIDUAL_ALIAS><QUALITY>Medium</QUALITY><ALIAS_NAME>Abu Kim</ALIAS_NAME></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Sever</ALIAS_NAME><NOTE>original script: Север</NOTE></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Kim Ali</ALIAS_NAME><DATE_OF_BIRTH>1955</DATE_OF_BIRTH><COUNTRY_OF_BIRTH>Algeria</COUNTRY_OF_BIRTH></INDIVIDUAL_ALIAS>
             <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`,
          ),
        ),
      ),
    );
    const [e] = parsed.entities;
    expect(values(e, 'alias')).toEqual(['Abu Kim', 'Kim Ali']);
    expect(e.properties.weakAlias).toEqual([
      { value: 'Sever', weak: true },
      { value: 'Север', script: 'Cyrl', weak: true, note: 'original script of "Sever"' },
    ]);
    expect(e.properties.birthDate).toEqual([{ value: '1955', note: 'under the name "Kim Ali"' }]);
    expect(e.properties.birthPlace).toEqual([{ value: 'Algeria', country: 'DZ', note: 'under the name "Kim Ali"' }]);
    expect(parsed.issues).toEqual([expect.objectContaining({ field: 'QUALITY', raw: 'Medium' })]);
  });

  test('documents: a number inside TYPE_OF_DOCUMENT2, none at all, and the French and Spanish passport types', async () => {
    const parsed = await parseUnXml(
      fileWith(
        list(
          individual(
            'TAi.001',
            `<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT><TYPE_OF_DOCUMENT2>Afghan national identification card (tazkira) number 57388</TYPE_OF_DOCUMENT2><NOTE>issued in Lashkar Gah District</NOTE></INDIVIDUAL_DOCUMENT>
             <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NOTE>issued in 1993</NOTE></INDIVIDUAL_DOCUMENT>
             <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Número de pasaporte</TYPE_OF_DOCUMENT><NUMBER>PS381420397</NUMBER><COUNTRY_OF_ISSUE>RPDC</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>
             <INDIVIDUAL_DOCUMENT/>`,
          ),
        ),
      ),
    );
    const [e] = parsed.entities;
    expect(e.properties.idNumber).toEqual([
      { value: '57388', kind: 'Afghan national identification card (tazkira) number', note: 'issued in Lashkar Gah District' },
    ]);
    expect(e.properties.passportNumber).toEqual([{ value: 'PS381420397', kind: 'Número de pasaporte', country: 'KP' }]);
    expect(parsed.issues).toEqual([expect.objectContaining({ message: 'document without a number', raw: 'Passport | issued in 1993' })]);
  });

  test('countries: "na" is no nationality, a remark in brackets is dropped, an unknown one is reported', async () => {
    const parsed = await parseUnXml(
      fileWith(
        list(
          individual(
            'QDi.002',
            `<NATIONALITY><VALUE>na</VALUE><VALUE>Indonesia (as at Dec. 2003)</VALUE><VALUE>Possibly Ethiopian</VALUE></NATIONALITY>`,
          ),
        ),
      ),
    );
    expect(parsed.entities[0].properties.nationality).toEqual([{ value: 'ID', original: 'Indonesia (as at Dec. 2003)' }]);
    expect(parsed.issues).toEqual([expect.objectContaining({ field: 'NATIONALITY', raw: 'Possibly Ethiopian' })]);
  });

  test('a repeated REFERENCE_NUMBER is reported and the later record ignored', async () => {
    const parsed = await parseUnXml(
      fileWith(list(`${individual('KPi.001', '')}\n${individual('KPi.001', '<TITLE><VALUE>Dr</VALUE></TITLE>')}`)),
    );
    expect(parsed.entities).toHaveLength(1);
    expect(parsed.entities[0].properties.title).toBeUndefined();
    expect(parsed.issues).toEqual([expect.objectContaining({ recordId: 'un:KPi.001', line: 5 })]);
  });
});

describe('detectScript', () => {
  test.each([
    { why: 'Hangul', text: '김정은', expect: 'Hang' },
    { why: 'Chinese', text: '阿不都·哈克', expect: 'Hani' },
    { why: 'Arabic', text: 'محمد صلاح الدين', expect: 'Arab' },
    { why: 'Cyrillic', text: 'Давид Майер', expect: 'Cyrl' },
    { why: "Ge'ez (Tigrinya)", text: 'ኤርሚኣስ ግርማይ', expect: 'Ethi' },
    { why: 'Latin text has no script code', text: 'JAMAAH ANSHARUT DAULAH', expect: undefined },
  ])('$why', ({ text, expect: script }) => {
    expect(detectScript(text)).toBe(script);
  });
});
