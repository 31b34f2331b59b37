/**
 * parseOfacCsv on small hand-written publications, one per publication-level quirk: remarks continued in
 * the comments file, rows for records that are not there, repeated ent_nums, Linked To resolution.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ListFile } from '../../format.js';
import { listFile } from '../../io.js';
import { parseOfacCsv } from './parse.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-publication-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file as OFAC does: CRLF after every record and a 0x1A byte at the end. */
function ofacFile(name: string, lines: string[]): ListFile {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => `${l}\r\n`).join('') + '\x1a');
  return listFile(path, name);
}

const prim = (id: number, name: string, type: string, remarks: string) =>
  `${id},"${name}",${type},"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${remarks === '-0-' ? '-0- ' : `"${remarks}"`}`;

describe('parseOfacCsv on hand-written publications', () => {
  it('joins a remark with its continuation exactly, even when the cut falls on a space', async () => {
    const cut = `Website ${'a'.repeat(983)}; Gender `; // 1,000 characters, cut after the space before "Male"
    expect(cut).toHaveLength(1000);
    const list = await parseOfacCsv({
      source: 'ofac-sdn',
      primary: ofacFile('sdn.csv', [prim(1, 'KIM, Il', '"individual"', cut)]),
      comments: ofacFile('sdn_comments.csv', ['1,"Male; a.k.a. \'THE TALL\'."']),
    });
    const kim = list.entities[0];
    expect(kim.properties.gender).toEqual([{ value: 'male' }]);
    expect(kim.properties.weakAlias).toEqual([{ value: 'THE TALL', weak: true }]);
    expect(list.issues).toEqual([]);
  });

  // A cross-file reference that does not resolve means a cut or mixed publication: refused, not reported.
  it.each([
    {
      why: 'an address of a record the primary file does not list',
      files: { addresses: ['1,1,"Street 1","City","Iran",-0- ', '9,2,"Street 2","City","Iran",-0- '] },
      message:
        'cons_add.csv:2: row for record ofac:9, which cons_prim.csv does not list (is cons_prim.csv cut short, or from another day than cons_add.csv?)',
    },
    {
      why: 'an alias of a record the primary file does not list',
      files: { aliases: ['1,3,"aka","B CO",-0- ', '9,3,"aka","B CO",-0- '] },
      message:
        'cons_alt.csv:2: row for record ofac:9, which cons_prim.csv does not list (is cons_prim.csv cut short, or from another day than cons_alt.csv?)',
    },
    {
      why: 'a remarks continuation of a record the primary file does not list',
      files: { comments: ['9,"more."'] },
      message:
        'cons_comments.csv: row for record ofac:9, which cons_prim.csv does not list (is cons_prim.csv cut short, or from another day than cons_comments.csv?)',
    },
  ])('refuses $why, naming the file, line and missing id', async ({ files, message }) => {
    const parse = parseOfacCsv({
      source: 'ofac-cons',
      primary: ofacFile('cons_prim.csv', [prim(1, 'A CO', '-0- ', '-0-')]),
      addresses: 'addresses' in files ? ofacFile('cons_add.csv', files.addresses!) : undefined,
      aliases: 'aliases' in files ? ofacFile('cons_alt.csv', files.aliases!) : undefined,
      comments: 'comments' in files ? ofacFile('cons_comments.csv', files.comments!) : undefined,
    });
    await expect(parse).rejects.toMatchObject({ code: 'LIST_INCOMPLETE', message, context: { recordId: 'ofac:9' } });
  });

  it('keeps the first of two records with the same ent_num and reports the second', async () => {
    const list = await parseOfacCsv({
      source: 'ofac-sdn',
      primary: ofacFile('dup.csv', [prim(5, 'FIRST', '-0- ', '-0-'), prim(5, 'SECOND', '-0- ', '-0-')]),
    });
    expect(list.entities.map((e) => e.caption)).toEqual(['FIRST']);
    expect(list.issues).toMatchObject([{ file: 'dup.csv', line: 2, recordId: 'ofac:5' }]);
  });

  it('resolves Linked To by primary name, then by alias; reports unknown and ambiguous names', async () => {
    const list = await parseOfacCsv({
      source: 'ofac-sdn',
      primary: ofacFile('links.csv', [
        prim(1, 'GRUPO MUNDO MARINO, S.A.', '-0- ', '-0-'),
        prim(2, 'KOREA MINING DEVELOPMENT TRADING CORPORATION', '-0- ', '-0-'),
        prim(3, 'TWIN', '-0- ', '-0-'),
        prim(4, 'TWIN', '-0- ', '-0-'),
        prim(10, 'LINKED', '-0- ', 'Linked To: GRUPO MUNDO MARINO, S.A.; Linked To: KOMID; Linked To: NOBODY; Linked To: TWIN.'),
      ]),
      aliases: ofacFile('links_alt.csv', ['2,1,"aka","KOMID",-0- ']),
    });
    expect(list.relationships).toEqual([
      { from: 'ofac:10', to: 'ofac:1', kind: 'linkedTo', sourceText: 'Linked To: GRUPO MUNDO MARINO, S.A.' },
      { from: 'ofac:10', to: 'ofac:2', kind: 'linkedTo', sourceText: 'Linked To: KOMID' },
    ]);
    expect(list.issues).toEqual([
      {
        file: 'links.csv',
        line: 5,
        recordId: 'ofac:10',
        field: 'remarks',
        raw: 'Linked To: NOBODY',
        message: 'Linked To: no record named "NOBODY" in this publication',
      },
      {
        file: 'links.csv',
        line: 5,
        recordId: 'ofac:10',
        field: 'remarks',
        raw: 'Linked To: TWIN',
        message: 'Linked To: 2 records are named "TWIN" (ofac:3, ofac:4); not linked',
      },
    ]);
  });

  it('reads a publication with a file outside the plain dialect with csv-parse, from the start', async () => {
    const list = await parseOfacCsv({
      source: 'ofac-sdn',
      primary: ofacFile('quoted.csv', [prim(1, 'A CO', '-0- ', '-0-'), prim(2, 'B CO', '-0- ', '-0-')]),
      addresses: ofacFile('quoted_add.csv', ['1,1,"Street 1","City","Iran",-0- ']),
      // A doubled quote, which OFAC has never written, is outside the dialect the files are read in.
      aliases: ofacFile('quoted_alt.csv', ['1,3,"aka","A ""THE FIRST"" CO",-0- ', '2,4,"aka","B2 CO",-0- ']),
    });
    expect(list.entities.map((e) => [e.id, e.properties.alias?.map((a) => a.value)])).toEqual([
      ['ofac:1', ['A "THE FIRST" CO']],
      ['ofac:2', ['B2 CO']],
    ]);
    expect(list.entities[0].properties.address).toEqual([{ value: 'Street 1, City, Iran', country: 'IR' }]);
    expect(list.issues).toEqual([]);
  });

  it('throws a LIST_PARSE error for an empty primary file, naming it', async () => {
    await expect(parseOfacCsv({ source: 'ofac-sdn', primary: ofacFile('empty.csv', []) })).rejects.toThrow(/^empty\.csv: file is empty/);
  });
});
