/**
 * The Canadian file's layouts and quirks on hand-written records — the 2022 element names (EntityOrShip,
 * ShipIMONumber, DateOfListing) and the bilingual ones of later files (LastName-NomDeFamille …) — and the
 * copies that must be refused with file and line: the real file cut short or broken, another root.
 */
import { isEmbargoError, values } from '@embargo/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasSharedMore, sharedMoreList } from '../../../../../test/shared-data.js';
import { listFile } from '../../io.js';
import { parseCaSemaXml } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-ca-'));
let count = 0;
function fileWith(content: string) {
  const path = join(dir, `case-${++count}.xml`);
  writeFileSync(path, content);
  return listFile(path, `cases/case-${count}.xml`);
}
const dataSet = (records: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<data-set>\n${records}\n</data-set>\n`;

async function refusal(content: string): Promise<string> {
  try {
    await parseCaSemaXml(fileWith(content));
  } catch (e) {
    expect(isEmbargoError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('the later layouts read as the 2020 one', () => {
  test('2022 names: a ship with its IMO number and build date, a listing date, aliases separated by semicolons', async () => {
    const list = await parseCaSemaXml(
      fileWith(
        dataSet(`<record><Country>Russia / Russie</Country><EntityOrShip>OCEAN TEST</EntityOrShip><TitleOrShip>Oil tanker</TitleOrShip><ShipIMONumber>9123456</ShipIMONumber><DateOfBirthOrShipBuildDate>2004</DateOfBirthOrShipBuildDate><Schedule>1, Part 7</Schedule><Item>12</Item><DateOfListing>2024-02-24</DateOfListing><Aliases>OCEAN TEST I; OCEAN-TEST</Aliases></record>
<record><Country>Belarus / Bélarus</Country><LastName>TESTOVICH</LastName><GivenName>Ivan</GivenName><TitleOrShip>Colonel/colonel</TitleOrShip><DateOfBirthOrShipBuildDate>14 May 1963</DateOfBirthOrShipBuildDate><Schedule>1, Part 1</Schedule><Item>3</Item><DateOfListing>2020-09-29</DateOfListing></record>`),
      ),
    );
    const [ship, person] = list.entities;
    expect([ship.id, ship.schema, ship.caption]).toEqual(['ca:russia-1p7-12', 'Vessel', 'OCEAN TEST']);
    expect(values(ship, 'imoNumber')).toEqual(['9123456']);
    expect(values(ship, 'alias')).toEqual(['OCEAN TEST I', 'OCEAN-TEST']);
    expect(values(ship, 'notes')).toEqual(['Build date: 2004']);
    expect(values(ship, 'listingDate')).toEqual(['2024-02-24']);
    expect(values(ship, 'birthDate')).toEqual([]);
    expect([person.id, person.schema, person.caption]).toEqual(['ca:belarus-1p1-3', 'Person', 'TESTOVICH, Ivan']);
    expect(person.properties.title).toEqual([{ value: 'Colonel', original: 'Colonel/colonel' }]);
    expect(person.properties.birthDate).toEqual([{ value: '1963-05-14', original: '14 May 1963' }]);
    expect(list.issues).toEqual([]);
  });

  test('bilingual names (LastName-NomDeFamille, Item-NumeroDarticle …); an element it does not know is reported', async () => {
    const list = await parseCaSemaXml(
      fileWith(
        dataSet(
          `<record><Country-Pays>Iran</Country-Pays><LastName-NomDeFamille>TESTI</LastName-NomDeFamille><GivenName-Prenom>Ali</GivenName-Prenom><DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire>1970-01-02</DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire><Schedule-Annexe>1</Schedule-Annexe><Item-NumeroDarticle>201</Item-NumeroDarticle><Remark-Remarque>x</Remark-Remarque></record>`,
        ),
      ),
    );
    expect(list.entities.map((e) => [e.id, e.caption, values(e, 'birthDate')])).toEqual([['ca:iran-1-201', 'TESTI, Ali', ['1970-01-02']]]);
    expect(list.issues).toEqual([
      {
        file: `cases/case-${count}.xml`,
        line: 3,
        field: 'Remark-Remarque',
        message: 'element <Remark-Remarque> is not read by the Canadian list parser',
      },
    ]);
  });

  test('a record without an item number or a name is reported and skipped; a repeated one is reported', async () => {
    const list = await parseCaSemaXml(
      fileWith(
        dataSet(`<record><Country>Iran</Country><Entity>NO ITEM CO</Entity><Schedule>1</Schedule></record>
<record><Country>Iran</Country><Schedule>1</Schedule><Item>7</Item></record>
<record><Country>Iran</Country><Entity>SEVEN CO</Entity><Schedule>1</Schedule><Item>8</Item></record>
<record><Country>Iran</Country><Entity>SEVEN CO AGAIN</Entity><Schedule>1</Schedule><Item>8</Item></record>`),
      ),
    );
    expect(list.entities.map((e) => e.id)).toEqual(['ca:iran-1-8']);
    expect(list.issues.map((i) => [i.line, i.message])).toEqual([
      [3, 'record has no regime or item number; skipped'],
      [4, 'record has no LastName, GivenName or Entity; skipped'],
      [6, 'record (regime, schedule and item) listed twice; the later one was skipped'],
    ]);
  });
});

describe('refusals name the file and the line', () => {
  test.skipIf(!hasSharedMore('ca-sema/2020-04/sema-lmes.xml'))('the real file cut short, and broken inside a record', async () => {
    const xml = readFileSync(sharedMoreList('ca-sema/2020-04/sema-lmes.xml'), 'utf8');
    const cut = xml.slice(0, xml.length >> 1);
    const lines = cut.split('\n').length;
    expect(await refusal(cut)).toMatch(new RegExp(`^cases/case-\\d+\\.xml:${lines}: XML ends early \\(unclosed tag: `));
    const broken = xml.replace('<Entity>Dagon Brewery</Entity>', '<Entity>Dagon Brewery</Entiy>');
    const line = xml.slice(0, xml.indexOf('<Entity>Dagon Brewery')).split('\n').length;
    expect(await refusal(broken)).toMatch(new RegExp(`^cases/case-\\d+\\.xml:${line}: malformed XML: unexpected close tag`));
  });

  test('another list’s root element', async () => {
    expect(await refusal('<?xml version="1.0"?>\n<CONSOLIDATED_LIST/>')).toMatch(
      /^cases\/case-\d+\.xml:2: root element <CONSOLIDATED_LIST> is not Canada's consolidated sanctions list \(sema-lmes\.xml\) \(expected <data-set>\)$/,
    );
  });
});
