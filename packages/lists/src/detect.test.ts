/**
 * Format detection on the real folders: the bundled data/, the whole shared archive (where one
 * publication sits in two formats), folders of symbolic links, and files that are not list data.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_DATA,
  EU_FSF_FIXTURES,
  hasShared,
  hasSharedArchive,
  hasSharedMore,
  SHARED_LISTS,
  sharedList,
  sharedMoreList,
} from '../../../test/shared-data.js';
import { detectPublications } from './detect.js';

const scratch = mkdtempSync(join(tmpdir(), 'embargo-detect-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string): string {
  const path = join(scratch, name);
  mkdirSync(path, { recursive: true });
  return path;
}

const fileNames = (files: { file: { name: string } }[]) => files.map((f) => f.file.name).sort();

describe('detectPublications', () => {
  it('finds the bundled publications, the history beside the newest, each in its format, and ignores PROVENANCE.md', async () => {
    const { publications, ignored } = await detectPublications(BUNDLED_DATA);
    expect(publications.map((p) => [p.source, p.format, p.folder])).toEqual([
      ['au-dfat', 'au-dfat-xlsx', 'au-dfat/2024-11-11'],
      ['ofac-cons', 'ofac-csv', 'ofac-cons/2025-12-19'],
      ['ofac-sdn', 'ofac-csv', 'ofac-sdn/2015-01-17'],
      ['ofac-sdn', 'ofac-csv', 'ofac-sdn/2018-01-26'],
      ['ofac-sdn', 'ofac-csv', 'ofac-sdn/2023-12-28'],
      ['uk-hmt', 'uk-ofsi-xlsx', 'uk-hmt/2025-04-14'],
      ['un-sc', 'un-xml', 'un-sc/2017-07-03'],
      ['un-sc', 'un-xml', 'un-sc/2018-10-29'],
      ['un-sc', 'un-xml', 'un-sc/2026-02-27'],
    ]);
    const sdn = publications[4];
    expect(sdn.files.map((f) => [f.file.name.split('/').pop(), f.role])).toEqual([
      ['add.csv', 'addresses'],
      ['alt.csv', 'aliases'],
      ['sdn.csv', 'primary'],
    ]);
    expect(publications[1].files.map((f) => f.role).sort()).toEqual(['addresses', 'aliases', 'comments', 'primary']);
    expect(ignored).toEqual(['PROVENANCE.md']);
  });

  it.skipIf(!hasSharedArchive())('counts one publication in two formats once, choosing the richer format', async () => {
    const { publications, ignored } = await detectPublications(SHARED_LISTS);
    expect(publications).toHaveLength(15);
    const at = (folder: string) => publications.find((p) => p.folder === folder)!;
    // CSV + legacy XML of 2018-04-06: the XML states its date, the CSV does not.
    expect(at('ofac-cons/2018-04-06').format).toBe('ofac-xml');
    expect(fileNames(at('ofac-cons/2018-04-06').alternates)).toEqual(
      ['cons_add.csv', 'cons_alt.csv', 'cons_comments.csv', 'cons_prim.csv'].map((n) => `ofac-cons/2018-04-06/${n}`),
    );
    // advanced + legacy XML of 2019-03-14: the advanced file carries ownership relationships.
    expect(at('ofac-cons/2019-03-14').format).toBe('ofac-advanced');
    expect(fileNames(at('ofac-cons/2019-03-14').alternates)).toEqual(['ofac-cons/2019-03-14/consolidated.xml']);
    expect(at('ofac-cons/2025-01-10').format).toBe('ofac-enhanced');
    expect(at('uk-hmt-conlist/2014-04-02').format).toBe('uk-hmt-csv');
    expect(ignored.sort()).toEqual([
      'PROVENANCE.md',
      'ofac-cons/2018-04-06/cons_dat_spec.txt',
      'schemas/ofac/sdn_advanced.xsd',
      'schemas/un/sc-sanctions.xsd',
    ]);
  });

  it.skipIf(!hasShared('ofac-cons/2018-04-06/cons_prim.csv'))(
    'follows symbolic links to publication folders, once each, without looping',
    async () => {
      const root = folder('links');
      symlinkSync(sharedList('ofac-sdn/2023-12-28'), join(root, 'sdn'));
      symlinkSync(sharedList('un-sc/2026-02-27'), join(root, 'un'));
      symlinkSync(sharedList('un-sc/2026-02-27'), join(root, 'un-again'));
      symlinkSync(root, join(root, 'loop'));
      symlinkSync(sharedList('ofac-cons/2018-04-06/cons_prim.csv'), join(root, 'cons_prim.csv'));
      const { publications } = await detectPublications(root);
      expect(publications.map((p) => [p.source, p.folder, p.files.length])).toEqual([
        ['ofac-cons', '', 1],
        ['ofac-sdn', 'sdn', 3],
        ['un-sc', 'un', 1],
      ]);
    },
  );

  it('names a symbolic link that points nowhere', async () => {
    const root = folder('dangling');
    symlinkSync(join(root, 'gone'), join(root, 'sdn.csv'));
    await expect(detectPublications(root)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('sdn.csv: symbolic link'),
    });
  });

  it('says a UN XML file re-encoded as UTF-16 is in the wrong encoding, with or without a byte-order mark', async () => {
    const text = readFileSync(sharedList('un-sc/2026-02-27/consolidated.xml'), 'utf8');
    for (const [name, bytes] of [
      ['bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['no-bom', Buffer.from(text, 'utf16le')],
    ] as const) {
      writeFileSync(join(folder(name), 'consolidated.xml'), bytes);
      await expect(detectPublications(join(scratch, name))).rejects.toMatchObject({
        code: 'LIST_PARSE',
        context: { file: 'consolidated.xml', line: 1 },
        message: expect.stringContaining('UTF-16'),
      });
    }
  });

  it('rejects files that are not list data, naming them', async () => {
    writeFileSync(join(folder('unknown-root'), 'list.xml'), '<?xml version="1.0"?>\n<catalog><item/></catalog>\n');
    await expect(detectPublications(join(scratch, 'unknown-root'))).rejects.toMatchObject({
      code: 'LIST_FORMAT_UNKNOWN',
      message: 'list.xml: XML with root <catalog> is not a list format Embargo reads',
    });
    writeFileSync(join(folder('binary'), 'foo.bin'), Buffer.from([0, 1, 2, 3]));
    await expect(detectPublications(join(scratch, 'binary'))).rejects.toMatchObject({
      code: 'LIST_FORMAT_UNKNOWN',
      context: { file: 'foo.bin' },
    });
  });

  it.skipIf(!hasSharedMore('au-dfat/2024-11-11/regulation8_consolidated.xlsx', 'ca-sema/2020-04/sema-lmes.xml'))(
    'recognises the EU, Australian and Canadian files by root element, namespace and workbook name',
    async () => {
      const root = folder('more');
      mkdirSync(join(root, 'eu', '2026-11-28'), { recursive: true });
      cpSync(
        join(EU_FSF_FIXTURES, 'eu-fsf/2026-11-28/xmlFullSanctionsList_1_1.xml'),
        join(root, 'eu', '2026-11-28', 'xmlFullSanctionsList_1_1.xml'),
      );
      mkdirSync(join(root, 'au'));
      cpSync(sharedMoreList('au-dfat/2024-11-11/regulation8_consolidated.xlsx'), join(root, 'au', 'regulation8_consolidated.xlsx'));
      mkdirSync(join(root, 'ca'));
      cpSync(sharedMoreList('ca-sema/2020-04/sema-lmes.xml'), join(root, 'ca', 'sema-lmes.xml'));
      // Beside it, OFSI's workbook: both are zip archives, told apart by name.
      cpSync(sharedList('uk-hmt-conlist/2025-04-14/ConList.xlsx'), join(root, 'au', 'ConList.xlsx'));
      const { publications } = await detectPublications(root);
      expect(publications.map((p) => [p.source, p.format, p.folder, p.files.map((f) => f.file.name)])).toEqual([
        ['au-dfat', 'au-dfat-xlsx', 'au', ['au/regulation8_consolidated.xlsx']],
        ['ca-sema', 'ca-sema-xml', 'ca', ['ca/sema-lmes.xml']],
        ['eu-fsf', 'eu-fsf-xml', 'eu/2026-11-28', ['eu/2026-11-28/xmlFullSanctionsList_1_1.xml']],
        ['uk-hmt', 'uk-ofsi-xlsx', 'au', ['au/ConList.xlsx']],
      ]);
    },
  );

  it('does not take any <export> for the EU file: the root must be in its namespace', async () => {
    writeFileSync(join(folder('other-export'), 'export.xml'), '<?xml version="1.0"?>\n<export xmlns="urn:other"><row/></export>\n');
    await expect(detectPublications(join(scratch, 'other-export'))).rejects.toMatchObject({
      code: 'LIST_FORMAT_UNKNOWN',
      message: 'export.xml: XML with root <export> is not a list format Embargo reads',
    });
  });

  it('rejects an OFAC CSV publication without its primary file', async () => {
    const root = folder('no-primary/2023-12-28');
    cpSync(sharedList('ofac-sdn/2023-12-28/add.csv'), join(root, 'add.csv'));
    await expect(detectPublications(join(scratch, 'no-primary'))).rejects.toMatchObject({
      code: 'LIST_INCOMPLETE',
      message: expect.stringContaining('ofac-sdn publication (ofac-csv) has no primary file: 2023-12-28/add.csv'),
    });
  });
});
