/**
 * parseOfacCsv on every real OFAC CSV publication in the shared data, with the counts from PROVENANCE.md.
 * The quirks of single files are tested in read-csv.test.ts and mapping.test.ts; publication-level quirks
 * (comments joined, orphans, duplicates) on small hand-written publications in publication.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countBySchema, values, type Entity } from '@embargo/core';
import type { ParsedList } from '../../format.js';
import { listFile } from '../../io.js';
import { hasSharedArchive, sharedList } from '../../../../../test/shared-data.js';
import { parseOfacCsv, type OfacCsvFiles } from './parse.js';

interface RealPublication {
  dir: string;
  source: OfacCsvFiles['source'];
  files: { primary: string; addresses?: string; aliases?: string; comments?: string };
  /** From PROVENANCE.md: entries, types (the blank type is an entity), DPRK tags. */
  entries: number;
  schemata: Partial<Record<string, number>>;
  dprkEntries: number;
  dprkTags: Record<string, number>;
  /** distinct_ent_num of the alias file, when there is one. */
  withAliases?: number;
}

const SDN = { primary: 'sdn.csv' };
const SDN_ALL = { primary: 'sdn.csv', addresses: 'add.csv', aliases: 'alt.csv', comments: 'sdn_comments.csv' };
const CONS_ALL = { primary: 'cons_prim.csv', addresses: 'cons_add.csv', aliases: 'cons_alt.csv', comments: 'cons_comments.csv' };

const PUBLICATIONS: RealPublication[] = [
  {
    dir: 'ofac-sdn/2015-01-17',
    source: 'ofac-sdn',
    files: SDN,
    entries: 5876,
    schemata: { Organization: 2620, Person: 2824, Vessel: 264, Airplane: 168 },
    dprkEntries: 39,
    dprkTags: { DPRK2: 13, DPRK: 27 },
  },
  {
    dir: 'ofac-sdn/2018-01-26',
    source: 'ofac-sdn',
    files: SDN,
    entries: 6068,
    schemata: { Organization: 2324, Person: 3545, Vessel: 81, Airplane: 118 },
    dprkEntries: 299,
    dprkTags: { DPRK2: 80, DPRK: 42, DPRK3: 104, DPRK4: 75 },
  },
  {
    dir: 'ofac-sdn/2021-07-07',
    source: 'ofac-sdn',
    files: SDN_ALL,
    entries: 8976,
    schemata: { Organization: 3673, Person: 4620, Vessel: 406, Airplane: 277 },
    dprkEntries: 414,
    dprkTags: { DPRK2: 87, DPRK: 50, DPRK3: 122, DPRK4: 160, 'DPRK-NKSPEA': 2 },
    withAliases: 4139,
  },
  {
    dir: 'ofac-sdn/2023-12-28',
    source: 'ofac-sdn',
    files: { primary: 'sdn.csv', addresses: 'add.csv', aliases: 'alt.csv' },
    entries: 13821,
    schemata: { Organization: 6033, Person: 6646, Vessel: 764, Airplane: 378 },
    dprkEntries: 479,
    dprkTags: { DPRK2: 108, DPRK: 57, DPRK3: 146, DPRK4: 173, 'DPRK-NKSPEA': 2 },
    withAliases: 6667,
  },
  {
    dir: 'ofac-sdn/2024-05-03',
    source: 'ofac-sdn',
    files: SDN,
    entries: 14965,
    schemata: { Organization: 6884, Person: 6854, Vessel: 851, Airplane: 376 },
    dprkEntries: 484,
    dprkTags: { DPRK2: 111, DPRK: 57, DPRK3: 147, DPRK4: 174, 'DPRK-NKSPEA': 2 },
  },
  {
    dir: 'ofac-cons/2018-04-06',
    source: 'ofac-cons',
    files: CONS_ALL,
    entries: 639,
    schemata: { Organization: 471, Person: 94, Vessel: 74 },
    dprkEntries: 0,
    dprkTags: {},
    withAliases: 495,
  },
  {
    dir: 'ofac-cons/2025-12-19',
    source: 'ofac-cons',
    files: CONS_ALL,
    entries: 442,
    schemata: { Organization: 363, Person: 79 },
    dprkEntries: 0,
    dprkTags: {},
    withAliases: 395,
  },
];

/** Every test here reads the archive of older publications. */
const ARCHIVE = hasSharedArchive();
const parsed = new Map<string, ParsedList>();

function load(p: RealPublication, files: Partial<RealPublication['files']> = p.files): Promise<ParsedList> {
  const file = (name?: string) => (name ? listFile(sharedList(`${p.dir}/${name}`), `${p.dir}/${name}`) : undefined);
  return parseOfacCsv({
    source: p.source,
    primary: file(files.primary ?? p.files.primary)!,
    addresses: file(files.addresses),
    aliases: file(files.aliases),
    comments: file(files.comments),
  });
}

const list = (dir: string) => parsed.get(dir)!;
const entity = (dir: string, entNum: number): Entity | undefined => list(dir).entities.find((e) => e.id === `ofac:${entNum}`);

beforeAll(async () => {
  if (!ARCHIVE) return;
  for (const p of PUBLICATIONS) parsed.set(p.dir, await load(p));
});

describe.skipIf(!ARCHIVE).each(PUBLICATIONS)('$dir', (p) => {
  it('has every entry, with the SDN_Type counts as schemata', () => {
    const result = list(p.dir);
    expect(result).toMatchObject({ format: 'ofac-csv', source: p.source, published: null });
    expect(result.entities).toHaveLength(p.entries);
    expect(countBySchema(result.entities)).toEqual(p.schemata);
    expect(new Set(result.entities.map((e) => e.id)).size).toBe(p.entries);
  });

  it('splits "] [" programs into the DPRK tags PROVENANCE.md counts', () => {
    const programs = list(p.dir).entities.map((e) => values(e, 'program'));
    expect(programs.filter((tags) => tags.some((t) => t.startsWith('DPRK')))).toHaveLength(p.dprkEntries);
    const tagCounts: Record<string, number> = {};
    for (const tag of programs.flat().filter((t) => t.startsWith('DPRK'))) tagCounts[tag] = (tagCounts[tag] ?? 0) + 1;
    expect(tagCounts).toEqual(p.dprkTags);
    expect(programs.flat().some((t) => t.includes('[') || t.includes(']'))).toBe(false);
  });

  it('attaches every address and alias row to its record', () => {
    const result = list(p.dir);
    expect(result.issues.filter((i) => /not in the primary file/.test(i.message))).toEqual([]);
    if (p.withAliases !== undefined) {
      // alt.csv holds only strong names (weak ones are quoted in the remarks), so this counts alt.csv's records.
      const strong = result.entities.filter((e) =>
        [...(e.properties.alias ?? []), ...(e.properties.previousName ?? [])].some((s) => !s.weak),
      );
      expect(strong).toHaveLength(p.withAliases);
    }
  });

  it('keeps the remarks as notes and reads at least one field from nearly every remark', () => {
    const withNotes = list(p.dir).entities.filter((e) => e.properties.notes);
    const readSomething = withNotes.filter((e) =>
      Object.keys(e.properties).some((k) => !['name', 'program', 'notes', 'title'].includes(k)),
    );
    expect(withNotes.length).toBeGreaterThan(p.entries / 2);
    expect(readSomething.length / withNotes.length).toBeGreaterThan(0.97);
  });
});

describe.skipIf(!ARCHIVE)('facts from the real files', () => {
  it('21736 JANG, Sung Nam has passport 563120368 issued by North Korea', () => {
    for (const dir of ['ofac-sdn/2018-01-26', 'ofac-sdn/2021-07-07', 'ofac-sdn/2023-12-28', 'ofac-sdn/2024-05-03']) {
      const jang = entity(dir, 21736)!;
      expect(jang.caption).toBe('JANG, Sung Nam');
      expect(jang.schema).toBe('Person');
      expect(jang.properties.name![0].parts).toEqual({ family: 'JANG', given: 'Sung Nam' });
      expect(jang.properties.passportNumber).toContainEqual(
        expect.objectContaining({ value: '563120368', country: 'KP', kind: 'Passport', note: 'issued 22 Mar 2013; expires 22 Mar 2018' }),
      );
      expect(values(jang, 'program')).toContain('NPWMD');
    }
  });

  it('22603 (designated 22 Aug 2017) is in 2018-01-26 under a DPRK program and not in 2015-01-17', () => {
    const e = entity('ofac-sdn/2018-01-26', 22603)!;
    expect(e.caption).toBe('DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.');
    expect(e.schema).toBe('Organization');
    expect(values(e, 'program')).toEqual(['DPRK3']);
    expect(entity('ofac-sdn/2015-01-17', 22603)).toBeUndefined();
  });

  it('reads range and circa-range dates of birth', () => {
    expect(entity('ofac-sdn/2015-01-17', 15496)!.properties.birthDate).toEqual([
      { value: '1929', until: '1930', original: '1929 to 1930' },
    ]);
    expect(entity('ofac-sdn/2018-01-26', 11748)!.properties.birthDate).toContainEqual({
      value: '1979',
      until: '1982',
      approximate: true,
      original: 'circa 1979-1982',
    });
  });

  it('joins a remark cut at 1,000 characters with its continuation in sdn_comments.csv', () => {
    const dir = 'ofac-sdn/2021-07-07';
    const tian = entity(dir, 28263)!;
    expect(tian.properties.notes![0].value).toMatch(/a\.k\.a\. 'snowsjohn'; Linked To: LAZARUS GROUP\.$/);
    expect(tian.properties.weakAlias).toContainEqual({ value: 'snowsjohn', weak: true });
    expect(list(dir).relationships).toContainEqual({
      from: 'ofac:28263',
      to: 'ofac:27307',
      kind: 'linkedTo',
      sourceText: 'Linked To: LAZARUS GROUP',
    });
    // "…Linked To: PROMO RAI" + "Z S.A.S.; …": the continuation goes on mid-word.
    expect(entity(dir, 12300)!.properties.notes![0].value).toContain('Linked To: PROMO RAIZ S.A.S.;');
    expect(list(dir).issues.filter((i) => /cut at 1,000/.test(i.message))).toEqual([]);
  });

  it('without the comments file, reports each cut remark instead', async () => {
    const p = PUBLICATIONS.find((x) => x.dir === 'ofac-sdn/2021-07-07')!;
    const alone = await load(p, { primary: 'sdn.csv' });
    const cut = alone.issues.filter((i) => /cut at 1,000/.test(i.message));
    // sdn_comments.csv of this publication continues 5 records (PROVENANCE.md).
    expect(cut.map((i) => i.recordId).sort()).toEqual(['ofac:12300', 'ofac:28263', 'ofac:28264', 'ofac:29703', 'ofac:30518']);
    expect(cut[0]).toMatchObject({ file: 'ofac-sdn/2021-07-07/sdn.csv', line: expect.any(Number) });
  });

  it('resolves Linked To names to records of the same publication, and reports the others', () => {
    const dir = 'ofac-cons/2025-12-19';
    expect(list(dir).relationships.length).toBeGreaterThan(200);
    const ids = new Set(list(dir).entities.map((e) => e.id));
    for (const r of list(dir).relationships) {
      expect(ids.has(r.from) && ids.has(r.to) && r.from !== r.to).toBe(true);
      expect(r.kind).toBe('linkedTo');
    }
    // HAMAS is on the SDN list, not on the consolidated list.
    expect(list(dir).issues).toContainEqual(expect.objectContaining({ recordId: 'ofac:9647', raw: 'Linked To: HAMAS' }));
  });

  it('accepts the empty cons_comments.csv of 2018-04-06', () => {
    expect(list('ofac-cons/2018-04-06').issues).toEqual([]);
  });

  it('joins the continuations of cons_comments.csv (10 records in 2025-12-19)', () => {
    const dir = 'ofac-cons/2025-12-19';
    expect(list(dir).issues.filter((i) => /cut at 1,000/.test(i.message))).toEqual([]);
    const long = list(dir).entities.filter((e) => (e.properties.notes?.[0].value.length ?? 0) > 1000);
    expect(long).toHaveLength(10);
  });
});
