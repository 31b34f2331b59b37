/**
 * The screening engine on a small hand-made list: one row per behaviour, named by `why`. The list is
 * modelled on real SDN entries (same name shapes and legal forms) with a few fillers, so that token
 * rarity behaves as it does on a real list (a surname shared by several people counts less).
 */
import { describe, expect, it } from 'vitest';
import type { Entity, Properties } from '../model/entity.js';
import type { SchemaName } from '../model/schema.js';
import { ScreeningEngine } from './engine.js';
import { nameForms, type NameKind } from './name-form.js';
import type { ScreeningQuery } from './query.js';

function entity(id: string, schema: SchemaName, name: string, more: Record<string, string[]> = {}): Entity {
  const properties: Properties = { name: [{ value: name }] };
  for (const [property, values] of Object.entries(more)) properties[property as keyof Properties] = values.map((value) => ({ value }));
  return { id: `test:${id}`, source: 'ofac-sdn', schema, caption: name, properties };
}

const LIST: Entity[] = [
  entity('kim-jong-un', 'Person', 'KIM, Jong Un', { birthDate: ['1984-01-08'], nationality: ['KP'] }),
  entity('kim-tong-chol', 'Person', 'KIM, Tong Chol', { birthDate: ['1968-08-07'] }),
  entity('kim-yong-nam', 'Person', 'KIM, Yong Nam', { birthDate: ['1928-02-04'] }),
  entity('kim-song-il', 'Person', 'KIM, Song Il'),
  entity('ri-hong-sop', 'Person', 'RI, Hong Sop', { birthDate: ['1940'] }),
  entity('serbin', 'Person', 'SERBIN, Andrey', { birthDate: ['1986-11-01'], nationality: ['RU'] }),
  // Given name first, as the UN lists write names.
  entity('pisklin', 'Person', 'Mikhail Yurevich PISKLIN', { birthDate: ['1980-12-01'] }),
  entity('petrov', 'Person', 'PETROV, Ivan Sergeyevich', { passportNumber: ['710588176'], birthDate: ['1975-03-03'] }),
  entity('hassan', 'Person', 'HASSAN, Mahmoud Abdel Rahman', { weakAlias: ['ABU KHALED'], birthDate: ['1970-05-05'] }),
  entity('jinhou', 'Company', 'JINHOU INTERNATIONAL HOLDINGS CO., LTD.'),
  entity('gefest', 'Company', 'GEFEST-M LLC', { country: ['RU'] }),
  entity('tianfu', 'Company', 'DANDONG TIANFU TRADE CO., LTD.'),
  entity('velmur', 'Company', 'VELMUR MANAGEMENT PTE LTD'),
  entity('chon-ma-san', 'Vessel', 'CHON MA SAN', { imoNumber: ['8660313'] }),
  entity('ocean-trading', 'Company', 'OCEAN TRADING COMPANY LIMITED'),
  entity('sea-star', 'Vessel', 'SEA STAR'),
  entity('ep-cfo', 'Airplane', 'EP-CFO'),
  entity('unit-29155', 'Organization', 'MILITARY UNIT 29155'),
  entity('unit-74455', 'Organization', 'MILITARY UNIT 74455'),
  entity('yv3071', 'Airplane', 'YV3071'),
  // Listed with a second surname and a second given name, as Spanish names are.
  entity('ortega', 'Person', 'ORTEGA VILLALOBOS, Ernesto Julian'),
  entity('ortiz', 'Person', 'ORTIZ VILLANUEVA, Ernesto Ramon'),
];

const engine = new ScreeningEngine(LIST);

interface Row {
  why: string;
  query: ScreeningQuery;
  /** `alert`: this record is the top match and alerts; `no-alert`: it does not alert (or is not returned). */
  expect: 'alert' | 'no-alert';
  id: string;
  /** Set where the engine does otherwise today: the row states the desired behaviour and runs as `it.fails`. */
  engineMisses?: string;
}

const ROWS: Row[] = [
  // Aircraft registration marks, written without the hyphen or with one slip; the next mark of a series is another aircraft.
  { why: 'a registration mark without its hyphen alerts', query: { name: 'EPCFO', schema: 'Airplane' }, expect: 'alert', id: 'ep-cfo' },
  { why: 'a registration mark with a character dropped alerts', query: { name: 'YV371' }, expect: 'alert', id: 'yv3071' },
  { why: 'a registration mark with neighbours swapped alerts', query: { name: 'EP-COF' }, expect: 'alert', id: 'ep-cfo' },
  // Numbers written as words are the digits the lists write, read in the groups they are spoken in.
  {
    why: 'a unit number written as words alerts',
    query: { name: 'Military Unit Twenty-Nine One Fifty-Five' },
    expect: 'alert',
    id: 'unit-29155',
  },
  {
    why: 'another unit number written as words is another unit',
    query: { name: 'Military Unit Seventy-Four Four Fifty-Five' },
    expect: 'no-alert',
    id: 'unit-29155',
  },
  { why: 'the next mark of a series does not alert', query: { name: 'EP-CFA' }, expect: 'no-alert', id: 'ep-cfo' },
  { why: 'the next number of a series does not alert', query: { name: 'YV3072' }, expect: 'no-alert', id: 'yv3071' },
  { why: 'a person is never read as a registration mark', query: { name: 'Epcfo', schema: 'Person' }, expect: 'no-alert', id: 'ep-cfo' },
  // A country named after a firm's name says where it is, not which firm.
  {
    why: 'a country word added to a firm name still alerts',
    query: { name: 'Velmur Management Pte Ltd Singapore' },
    expect: 'alert',
    id: 'velmur',
  },
  // A name given without the middle names and second surname the list records.
  {
    why: 'given name and first surname alone alert on the fuller listed name',
    query: { name: 'Ernesto Ortega' },
    expect: 'alert',
    id: 'ortega',
  },
  { why: '…but not on a similar surname', query: { name: 'Ernesto Ortega' }, expect: 'no-alert', id: 'ortiz' },
  { why: '…nor when a word is only spelled alike', query: { name: 'Ernesta Ortego' }, expect: 'no-alert', id: 'ortega' },
  // A surname alone (OFAC FAQ 5).
  { why: 'surname alone does not alert', query: { name: 'Kim' }, expect: 'no-alert', id: 'kim-jong-un' },
  { why: 'surname alone does not alert (rare surname)', query: { name: 'Serbin' }, expect: 'no-alert', id: 'serbin' },
  {
    why: 'surname and one syllable of a Korean given name does not alert (Jong is not Jong Un)',
    query: { name: 'Kim Jong' },
    expect: 'no-alert',
    id: 'kim-jong-un',
    engineMisses: 'kim+jong cover most of the name and "one name contains the other" gives back half of what the leftover "un" took',
  },
  // Word order and the SURNAME, Given convention.
  { why: 'word order is free: given name first', query: { name: 'Andrey Serbin' }, expect: 'alert', id: 'serbin' },
  { why: 'word order is free: given names last, no comma', query: { name: 'Serbin Andrey' }, expect: 'alert', id: 'serbin' },
  {
    why: 'SURNAME, Given query finds a name listed given name first',
    query: { name: 'PISKLIN, Mikhail Yurevich' },
    expect: 'alert',
    id: 'pisklin',
  },
  { why: 'given-first query finds a SURNAME, Given listing', query: { name: 'Tong Chol Kim' }, expect: 'alert', id: 'kim-tong-chol' },
  // Korean given names: one name, written joined, hyphenated or spaced.
  { why: 'Korean given name joined', query: { name: 'Kim Jongun' }, expect: 'alert', id: 'kim-jong-un' },
  { why: 'Korean given name hyphenated', query: { name: 'Kim Jong-un' }, expect: 'alert', id: 'kim-jong-un' },
  { why: 'Korean given name spaced, upper case', query: { name: 'KIM JONG UN' }, expect: 'alert', id: 'kim-jong-un' },
  {
    why: 'Korean given name joined, listed spaced (Tongchol ~ Tong Chol)',
    query: { name: 'Kim Tongchol' },
    expect: 'alert',
    id: 'kim-tong-chol',
  },
  { why: 'Korean name in Hangul', query: { name: '김정은' }, expect: 'alert', id: 'kim-jong-un' },
  { why: 'another Korean given name is another person', query: { name: 'Kim Jong Il' }, expect: 'no-alert', id: 'kim-jong-un' },
  // Legal forms.
  { why: 'Co., Ltd. vs Company Limited', query: { name: 'Jinhou International Holdings Company Limited' }, expect: 'alert', id: 'jinhou' },
  { why: 'Co., Ltd. vs Ltd', query: { name: 'Dandong Tianfu Trade Ltd' }, expect: 'alert', id: 'tianfu' },
  { why: 'no legal form in the query', query: { name: 'Velmur Management' }, expect: 'alert', id: 'velmur' },
  { why: 'Pte Ltd vs Private Limited', query: { name: 'Velmur Management Private Limited' }, expect: 'alert', id: 'velmur' },
  { why: 'OOO vs LLC', query: { name: 'OOO Gefest-M' }, expect: 'alert', id: 'gefest' },
  { why: 'Latvian SIA vs LLC', query: { name: 'SIA Gefest-M' }, expect: 'alert', id: 'gefest' },
  { why: 'an abbreviated word among others', query: { name: 'Ocean Trdg Co Ltd' }, expect: 'alert', id: 'ocean-trading' },
  { why: 'Turkish Ltd. Sti. vs Pte Ltd', query: { name: 'Velmur Management Ltd. Sti.' }, expect: 'alert', id: 'velmur' },
  { why: 'Cyrillic ООО vs LLC', query: { name: 'ООО Гефест-М' }, expect: 'alert', id: 'gefest' },
  { why: 'legal form alone does not make a match', query: { name: 'Company Limited' }, expect: 'no-alert', id: 'ocean-trading' },
  {
    why: 'legal form and generic words alone do not make a match',
    query: { name: 'International Holdings Co., Ltd.' },
    expect: 'no-alert',
    id: 'jinhou',
  },
  {
    why: 'generic words with another distinctive word do not match',
    query: { name: 'Jinhai Trading Co., Ltd.' },
    expect: 'no-alert',
    id: 'tianfu',
  },
  // Schemata.
  { why: 'a Person query never matches a Vessel', query: { name: 'Chon Ma San', schema: 'Person' }, expect: 'no-alert', id: 'chon-ma-san' },
  { why: 'a Vessel query matches the vessel', query: { name: 'Chon Ma San', schema: 'Vessel' }, expect: 'alert', id: 'chon-ma-san' },
  {
    why: 'a Company query never matches a Person',
    query: { name: 'Kim Jong Un', schema: 'Company' },
    expect: 'no-alert',
    id: 'kim-jong-un',
  },
  // Weak aliases (OFAC weak a.k.a.).
  { why: 'weak alias alone does not alert', query: { name: 'Abu Khaled' }, expect: 'no-alert', id: 'hassan' },
  {
    why: 'weak alias with the listed birth date alerts',
    query: { name: 'Abu Khaled', birthDate: '1970-05-05' },
    expect: 'alert',
    id: 'hassan',
  },
  {
    why: 'weak alias with another birth date does not alert',
    query: { name: 'Abu Khaled', birthDate: '1982-01-01' },
    expect: 'no-alert',
    id: 'hassan',
  },
  // Identifiers.
  {
    why: 'identifier match lifts a name with another patronymic to an alert',
    query: { name: 'Petrov Ivan Nikolayevich', identifiers: [{ value: '71 0588176' }] },
    expect: 'alert',
    id: 'petrov',
  },
  {
    why: 'the same name without the identifier does not alert (patronymic differs)',
    query: { name: 'Petrov Ivan Nikolayevich' },
    expect: 'no-alert',
    id: 'petrov',
  },
  {
    why: 'identifier match alerts even when only the given name matches',
    query: { name: 'Ivan Petrovsky', identifiers: [{ value: '71 0588176' }] },
    expect: 'alert',
    id: 'petrov',
  },
  {
    why: 'the given name alone, without the identifier, does not alert',
    query: { name: 'Ivan Petrovsky' },
    expect: 'no-alert',
    id: 'petrov',
  },
  {
    why: 'IMO number of a vessel alerts under a name sharing nothing with its listed one (a renamed vessel)',
    query: { name: 'Ocean Breeze Star', schema: 'Vessel', identifiers: [{ type: 'imoNumber', value: 'IMO 8660313' }] },
    expect: 'alert',
    id: 'chon-ma-san',
  },
  {
    why: 'a shared passport number alerts whatever the name',
    query: { name: 'John Smith', identifiers: [{ value: '71 0588176' }] },
    expect: 'alert',
    id: 'petrov',
  },
  {
    why: 'IMO number of a vessel alerts under a name written differently',
    query: { name: 'Chonmasan', schema: 'Vessel', identifiers: [{ type: 'imoNumber', value: 'IMO 8660313' }] },
    expect: 'alert',
    id: 'chon-ma-san',
  },
  // Birth dates.
  {
    why: 'birth-date conflict lowers the score below the threshold',
    query: { name: 'Kim Jong Un', birthDate: '1950-06-25' },
    expect: 'no-alert',
    id: 'kim-jong-un',
  },
  { why: 'birth year agreeing keeps the alert', query: { name: 'Kim Jong Un', birthDate: '1984' }, expect: 'alert', id: 'kim-jong-un' },
  {
    why: 'a listed birth year agrees with a full query date in it',
    query: { name: 'Ri Hong Sop', birthDate: '1940-10-02' },
    expect: 'alert',
    id: 'ri-hong-sop',
  },
];

describe('ScreeningEngine on a hand-made list', () => {
  for (const { why, query, expect: verdict, id, engineMisses } of ROWS) {
    // engineMisses: a real desired behaviour the engine does not have yet (see the row's note).
    (engineMisses ? it.fails : it)(`${why}: "${query.name}" → ${verdict}`, () => {
      const matches = engine.screen(query, { limit: 20, minScore: 0 });
      const match = matches.find((m) => m.id === `test:${id}`);
      if (verdict === 'alert') {
        expect(matches[0]?.id, matches[0]?.explanation.summary).toBe(`test:${id}`);
        expect(match?.alert, match?.explanation.summary).toBe(true);
      } else {
        expect(match?.alert ?? false, match?.explanation.summary).toBe(false);
      }
    });
  }

  it('birth-date conflict lowers the same name below its score without a date', () => {
    const kimJongUn = (birthDate?: string) =>
      engine.screen({ name: 'Kim Jong Un', birthDate }, { minScore: 0 }).find((m) => m.id === 'test:kim-jong-un')!;
    const [plain, conflict] = [kimJongUn(), kimJongUn('1950-06-25')];
    expect(plain.alert).toBe(true);
    expect(conflict.score).toBeLessThan(plain.score);
    expect(conflict.score).toBeLessThan(engine.algorithm.threshold);
    expect(conflict.explanation.scorers.map((s) => s.name)).toContain('birthDateConflict');
  });

  it('a custom threshold decides the alert', () => {
    const [top] = engine.screen({ name: 'Kim Jong Un' }, { threshold: 1.01 });
    expect(top.id).toBe('test:kim-jong-un');
    expect(top.alert).toBe(false);
  });

  it('every match explains itself: nameSimilarity among its scorers, the matched name in its summary', () => {
    const queries = ROWS.map((r) => r.query);
    let seen = 0;
    for (const query of queries) {
      for (const m of engine.screen(query, { limit: 20, minScore: 0 })) {
        seen++;
        expect(m.explanation.scorers.map((s) => s.name)).toContain('nameSimilarity');
        expect(m.explanation.summary).toContain(m.explanation.matched.name);
        expect(m.explanation.summary).toMatch(m.alert ? /: alert \(/ : /: no alert \(/);
        expect(m.explanation.threshold).toBe(engine.algorithm.threshold);
        const listedNames = (['name', 'alias', 'previousName', 'weakAlias'] as const).flatMap((p) =>
          (m.entity.properties[p] ?? []).map((s) => s.value),
        );
        expect(listedNames).toContain(m.explanation.matched.name);
      }
    }
    expect(seen).toBeGreaterThan(queries.length);
  });

  // Options as callers give them (the API's default minScore 0.5, a batch's 0.4): a name that shares
  // nothing with the record's must not leave out a record that holds the query's identifier.
  it.each([
    {
      why: 'a renamed vessel, by its IMO number',
      query: { name: 'Ocean Breeze Star', schema: 'Vessel' as const, identifiers: [{ type: 'imoNumber', value: 'IMO 8660313' }] },
      id: 'test:chon-ma-san',
    },
    {
      why: 'a person under another name, by a passport number',
      query: { name: 'John Smith', identifiers: [{ value: '71 0588176' }] },
      id: 'test:petrov',
    },
  ])('alerts on $why whatever the name, with the default minScore and a batch one', ({ query, id }) => {
    for (const options of [{}, { minScore: 0.4 }]) {
      const match = engine.screen(query, options).find((m) => m.id === id);
      expect(match?.alert, JSON.stringify(options)).toBe(true);
      expect(match!.score).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('returns matches best first, at most `limit`, none below `minScore`', () => {
    const matches = engine.screen({ name: 'Kim Tong Il' }, { limit: 3, minScore: 0.3 });
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThanOrEqual(3);
    for (const [i, m] of matches.entries()) {
      expect(m.score).toBeGreaterThanOrEqual(0.3);
      if (i > 0) expect(m.score).toBeLessThanOrEqual(matches[i - 1].score);
    }
  });
});

describe('records linked across lists', () => {
  // The UN and OFAC designate one man under different names; they share a passport number.
  const un: Entity = {
    id: 'un:QDi.999',
    source: 'un-sc',
    schema: 'Person',
    caption: 'ABDUL QADEER BASIR ABDUL BASEER',
    properties: { name: [{ value: 'ABDUL QADEER BASIR ABDUL BASEER' }], passportNumber: [{ value: 'D 000974' }] },
  };
  const ofac: Entity = {
    id: 'ofac:99999',
    source: 'ofac-sdn',
    schema: 'Person',
    caption: 'HAQQANI, Basir',
    properties: { name: [{ value: 'HAQQANI, Basir' }], passportNumber: [{ value: 'D000974' }] },
  };
  const linkedEngine = new ScreeningEngine([...LIST, un, ofac]);

  it('a name on one list matches the linked record on the other, and says through which record', () => {
    const matches = linkedEngine.screen({ name: 'Abdul Qadeer Basir Abdul Baseer' });
    const viaLink = matches.find((m) => m.id === 'ofac:99999')!;
    expect(viaLink.alert).toBe(true);
    expect(viaLink.score).toBe(matches.find((m) => m.id === 'un:QDi.999')!.score);
    expect(viaLink.explanation.matched.record).toMatchObject({ id: 'un:QDi.999', reason: 'passportNumber', value: 'd000974' });
    expect(viaLink.explanation.summary).toContain('of the linked record un:QDi.999 (the same passport number');
  });

  it('a record scored below minScore still lends its name: a higher minScore gives the lower one’s answer, cut', () => {
    // The UN's record carries a birth date the query contradicts; OFAC's carries none.
    const dated: Entity = { ...un, properties: { ...un.properties, birthDate: [{ value: '1960-01-01' }] } };
    const engine = new ScreeningEngine([...LIST, dated, ofac]);
    const query = { name: 'Abdul Qadeer Basir Abdul Baseer', birthDate: '1975-06-15' };
    const low = engine.screen(query, { minScore: 0.5 });
    expect(low.find((m) => m.id === 'un:QDi.999')!.score).toBeLessThan(0.81);
    const viaLink = low.find((m) => m.id === 'ofac:99999')!;
    expect(viaLink.alert).toBe(true);
    const high = engine.screen(query, { minScore: 0.81 });
    expect(high.map((m) => [m.id, m.score])).toEqual(low.filter((m) => m.score >= 0.81).map((m) => [m.id, m.score]));
  });

  it('a record keeps its own better match', () => {
    const [top] = linkedEngine.screen({ name: 'Basir Haqqani' });
    expect(top.id).toBe('ofac:99999');
    expect(top.explanation.matched.record).toBeUndefined();
  });

  it('without the shared number nothing carries over', () => {
    const unlinked = new ScreeningEngine([...LIST, un, { ...ofac, properties: { name: ofac.properties.name } }]);
    expect(unlinked.screen({ name: 'Abdul Qadeer Basir Abdul Baseer' }).some((m) => m.id === 'ofac:99999')).toBe(false);
  });
});

describe('one-word names', () => {
  // Real SDN records: STAN LLC and STANKOPROM OOO are different Russian firms; SANAN and SANANDAJ different tankers.
  const firms = new ScreeningEngine([
    entity('stan', 'Company', 'STAN LLC'),
    entity('stankoprom', 'Company', 'STANKOPROM OOO'),
    entity('sanandaj', 'Vessel', 'SANANDAJ'),
    ...LIST,
  ]);
  // Compared with every name, as the index-equivalence test does: blocking keys do not join STAN and STANKOPROM.
  firms.index.candidates = () => firms.index.names.map((_, id) => id);
  const alerting = (name: string) =>
    firms
      .screen({ name })
      .filter((m) => m.alert)
      .map((m) => m.id);

  it('are not read as abbreviations of one another', () => {
    expect(alerting('Stankoprom Ooo')).toEqual(['test:stankoprom']);
    expect(alerting('SANAN')).toEqual([]);
    const stan = firms.screen({ name: 'Stankoprom Ooo' }, { minScore: 0 }).find((m) => m.id === 'test:stan');
    expect(stan?.explanation.scorers.find((s) => s.name === 'singleWordSpelling')?.detail).toBe('a single word matched as an abbreviation');
  });
});

describe('Korean syllables across romanisations', () => {
  const withNationality = (id: string, name: string, nationality: string) => entity(id, 'Person', name, { nationality: [nationality] });
  const koreans = new ScreeningEngine([
    withNationality('hwang-pyong-so', 'HWANG, Pyong So', 'KP'),
    withNationality('kim-jong-gak', 'KIM, Jong Gak', 'KP'),
    withNationality('pong-tan', 'PONG, Tan', 'TH'),
    withNationality('o-yong-ho', 'O, Yong Ho', 'KP'),
    ...LIST,
  ]);
  const top = (name: string) => koreans.screen({ name, schema: 'Person' })[0];

  it('reads Revised Romanization (Byeong, Gak) as McCune–Reischauer (Pyong, Kak) for Korean persons', () => {
    expect(top('Hwang Byeong-seo')).toMatchObject({ id: 'test:hwang-pyong-so', alert: true });
    expect(top('Kim Chong Kak')).toMatchObject({ id: 'test:kim-jong-gak', alert: true });
    expect(top('Hwang Byeong-seo').explanation.tokens.find((t) => t.listed === 'pyong')).toMatchObject({
      query: 'byeong',
      how: 'romanisation',
    });
  });

  it('a one-letter family name is a name, not an initial (O, Yong Ho)', () => {
    expect(top('O Yong Ho')).toMatchObject({ id: 'test:o-yong-ho', alert: true });
    expect(top('O Yong Ho').explanation.tokens.map((t) => t.listed)).toContain('o');
  });

  it('not for other persons', () => {
    expect(koreans.screen({ name: 'Bong Dan', schema: 'Person' }).some((m) => m.id === 'test:pong-tan' && m.alert)).toBe(false);
  });
});

describe('Ukrainian and Belarusian names', () => {
  const people = new ScreeningEngine([
    entity('rogov', 'Person', 'ROGOV, Volodymyr Valeriyovych', { nationality: ['UA'] }),
    entity('rogov-ru', 'Person', 'ROGOV, Ivan', { nationality: ['RU'] }),
    ...LIST,
  ]);
  const alerts = (name: string) =>
    people
      .screen({ name, schema: 'Person' })
      .filter((m) => m.alert)
      .map((m) => m.id);

  const how = (name: string, id: string) =>
    people
      .screen({ name, schema: 'Person' }, { minScore: 0 })
      .find((m) => m.id === id)
      ?.explanation.tokens.find((t) => t.listed === 'rogov')?.how;

  it("read a Ukrainian person's h as the g of the Russian form (Rohov / Rogov)", () => {
    expect(alerts('Rohov, Volodymyr')).toEqual(['test:rogov']);
    expect(how('Rohov, Volodymyr', 'test:rogov')).toBe('romanisation');
  });

  it("but not a Russian person's: there it is a letter typed differently", () => {
    expect(how('Rohov, Ivan', 'test:rogov-ru')).toBe('spelling');
  });
});

describe('acronyms of firms’ names', () => {
  const firms = new ScreeningEngine([
    entity('ftb', 'Company', "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"),
    entity('nitc', 'Company', 'N.I.T.C. REPRESENTATIVE OFFICE'),
    ...LIST,
  ]);
  const top = (name: string, schema?: ScreeningQuery['schema']) => firms.screen({ name, schema })[0];

  it('read an acronym as the words it stands for, small words skipped, either way round', () => {
    expect(top('Foreign Trade Bank of the DPRK')).toMatchObject({ id: 'test:ftb', alert: true });
    expect(top('NITC Representative Office')).toMatchObject({ id: 'test:nitc', alert: true });
    expect(top('Foreign Trade Bank of the DPRK').explanation.tokens).toContainEqual(
      expect.objectContaining({ query: 'dprk', listed: 'democratic peoples republic of korea', how: 'abbreviation, joined' }),
    );
  });

  it('not in people’s names', () => {
    expect(firms.screen({ name: 'Foreign Trade Bank of the DPRK', schema: 'Person' }).some((m) => m.alert)).toBe(false);
  });
});

describe('kinds of armed group', () => {
  const groups = new ScreeningEngine([
    entity('zaynabiyoun', 'Organization', 'ZAYNABIYOUN BRIGADE'),
    entity('aqsa', 'Organization', 'AL-AQSA MARTYRS BRIGADE'),
    ...LIST,
  ]);
  const top = (name: string) => groups.screen({ name })[0];

  it('say little beside the name: ZAYNABIYOUN is the Zaynabiyoun Brigade, and a brigade a battalion', () => {
    expect(top('Zaynabiyoun')).toMatchObject({ id: 'test:zaynabiyoun', alert: true });
    expect(top('Al-Aqsa Martyrs Battalion')).toMatchObject({ id: 'test:aqsa', alert: true });
  });

  it('nor do country abbreviations firms append (HK, UAE)', () => {
    const firms = new ScreeningEngine([entity('ms', 'Company', 'M AND S TRADING'), ...LIST]);
    expect(firms.screen({ name: 'M AND S TRADING HK' })[0]).toMatchObject({ id: 'test:ms', alert: true });
  });

  it('nor do the words of money changers (money, financial)', () => {
    const firms = new ScreeningEngine([entity('swaid', 'Company', 'SWAID AND SONS FOR EXCHANGE CO.'), ...LIST]);
    expect(firms.screen({ name: 'SUWAYD AND SONS MONEY EXCHANGE' })[0]).toMatchObject({ id: 'test:swaid', alert: true });
  });

  it('and alone name no one', () => {
    expect(groups.screen({ name: 'Martyrs Brigade' }).some((m) => m.alert)).toBe(false);
  });
});

describe('a name in Arabic script among many that share one of its skeleton words', () => {
  // Eighty persons whose names share the skeleton word 'mt' and have two words, as the query has: the
  // listed MATIULLAH (mt + l in one word) is found by the two skeleton words read together.
  const fillers = Array.from({ length: 80 }, (_, i) =>
    entity(`muti-${i}`, 'Person', `MUTI, Khan${String.fromCharCode(97 + (i % 26))}${i}`),
  );
  const persons = new ScreeningEngine([entity('matiullah', 'Person', 'MATIULLAH'), ...fillers, ...LIST]);

  it('is found through neighbouring skeleton words read as one (مطيع الله, MATIULLAH)', () => {
    expect(persons.screen({ name: 'مطيع الله' })[0]).toMatchObject({ id: 'test:matiullah', alert: true });
  });
});

describe('letters joined by dots in a firm’s name', () => {
  const firms = new ScreeningEngine([
    entity('naz', 'Company', 'NAZ TECHNOLOGY CO., LTD.'),
    entity('dgd', 'Company', 'D.G.D. INVESTMENTS LTD.'),
    entity('lee', 'Person', 'LEE, J.R.'),
    ...LIST,
  ]);

  it('are also read as one word', () => {
    const readings = (name: string, kind: NameKind) => nameForms(name, kind).map((f) => f.reading);
    expect(readings('N.A.Z. TECHNOLOGY', 'organisation')).toEqual(['n a z technology', 'naz technology']);
    expect(readings('N.A.Z. TECHNOLOGY', 'unknown')).toEqual(['n a z technology', 'naz technology']);
    // Dotted legal forms are legal forms either way.
    expect(readings('SMILEWALLET B.V.', 'organisation')).toEqual(['smilewallet b v']);
  });

  it('match a name written with dots or without, on either side', () => {
    expect(firms.screen({ name: 'N.A.Z. TECHNOLOGY' })[0]).toMatchObject({ id: 'test:naz', alert: true });
    expect(firms.screen({ name: 'DGD INVESTMENTS LIMITED' })[0]).toMatchObject({ id: 'test:dgd', alert: true });
  });

  it('but a person’s dotted letters stay initials', () => {
    expect(nameForms('J.R. LEE', 'person').map((f) => f.reading)).toEqual(['j r lee']);
    const [top] = firms.screen({ name: 'J.R. LEE', schema: 'Person' });
    expect(top.explanation.tokens.map((t) => t.query)).toEqual(expect.arrayContaining(['j', 'r']));
  });
});

describe('token rarity', () => {
  it('counts a listed name once, however many forms it is compared in', () => {
    const weightOf = (names: string[]) => {
      const engine = new ScreeningEngine(names.map((name, i) => entity(`f${i}`, 'Company', name)));
      return engine.index.tokenWeight(nameForms('ZARYA', 'organisation')[0].tokens[0]);
    };
    const fillers = Array.from({ length: 30 }, (_, i) => `FIRM ${String.fromCharCode(65 + (i % 26))}${i}`);
    // Each of these names is also compared without its closing parenthesis, or with its dotted letters joined.
    const withVariants = ['ZARYA (ZR) LLC', 'ZARYA (Z) OOO', 'ZARYA A.B.C.'];
    expect(weightOf([...withVariants, ...fillers])).toBe(weightOf(['ZARYA LLC', 'ZARYA OOO', 'ZARYA ABC', ...fillers]));
  });
});

describe('a one-word name in Arabic script of two consonants', () => {
  const listed = new ScreeningEngine([
    entity('faiz', 'Person', 'FAIZ'),
    entity('tagwirei', 'Person', 'TAGWIREI, Kudakwashe Regimond', { alias: ['KUDA'] }),
    entity('ur-ckz', 'Airplane', 'UR-CKZ'),
    entity('qaida', 'Organization', "AL QA'IDA"),
    ...LIST,
  ]);

  it('finds the party listed by that one name (فيض, FAIZ)', () => {
    expect(listed.screen({ name: 'فيض' })[0]).toMatchObject({ id: 'test:faiz', alert: true });
  });

  it('but not a fuller-named party by its one-word alias, nor an aircraft: القاعدة is k-d, as KUDA and UR-CKZ are', () => {
    const matches = listed.screen({ name: 'القاعدة' }, { limit: 20 });
    expect(matches[0]).toMatchObject({ id: 'test:qaida', alert: true });
    expect(matches.filter((m) => m.alert).map((m) => m.id)).toEqual(['test:qaida']);
  });
});

describe("a Korean person's given name listed alone as an alias", () => {
  const koreans = new ScreeningEngine([
    entity('kim-yong-chol', 'Person', 'KIM, Yong Chol', { alias: ['YOUNG-CHUL'], nationality: ['KP'] }),
    ...LIST,
  ]);

  it('finds the person under that name alone, or with the family name', () => {
    expect(koreans.screen({ name: 'Young-chul' })[0]).toMatchObject({ id: 'test:kim-yong-chol', alert: true });
    expect(koreans.screen({ name: 'Kim Young-chul' })[0]).toMatchObject({ id: 'test:kim-yong-chol', alert: true });
  });

  it('does not alert on the given name with another family name: Hyun Young-chul is not KIM Yong Chol', () => {
    const match = koreans.screen({ name: 'Hyun Young-chul' }).find((m) => m.id === 'test:kim-yong-chol');
    expect(match?.alert ?? false).toBe(false);
    expect(match?.explanation.scorers.map((s) => s.name)).toContain('familyNameLeftOut');
  });
});

describe('ث in a name in Arabic script', () => {
  const persons = new ScreeningEngine([
    entity('saqib', 'Person', 'NOOR MOHAMMAD SAQIB'),
    entity('uthman', 'Person', 'UTHMAN, Khalid'),
    ...LIST,
  ]);

  it('is read as s, as Persian and Urdu say it, and as th', () => {
    expect(persons.screen({ name: 'نور محمد ثاقب' })[0]).toMatchObject({ id: 'test:saqib', alert: true, score: 1 });
    expect(persons.screen({ name: 'خالد عثمان' })[0]).toMatchObject({ id: 'test:uthman', alert: true });
  });
});

describe('a typing error in a word its key rewrites', () => {
  const firms = new ScreeningEngine([entity('fregat', 'Company', 'FREGAT OOO'), entity('sokhra', 'Company', 'OOO SOKHRA'), ...LIST]);

  it('still finds the name: FREEAT keys as friat, SOKHRA as sohra, yet each is one letter from the other', () => {
    expect(firms.screen({ name: 'FREeAT OOO' })[0]).toMatchObject({ id: 'test:fregat', alert: true });
    expect(firms.screen({ name: 'Ooo Sokihra' })[0]).toMatchObject({ id: 'test:sokhra', alert: true });
  });
});

describe('the Persian ezafe', () => {
  const setad = new ScreeningEngine([entity('setad', 'Organization', 'SETAD-E FARMAN-EJRAEI-YE EMAM'), ...LIST]);

  it('counts as little as an article: written or left out, Setad-e Farman-e Ejraei-e Emam is one body', () => {
    expect(setad.screen({ name: 'SETAD-E EJRAEI-E FARMAN-E HAZRAT-E EMAM' })[0]).toMatchObject({ id: 'test:setad', alert: true });
    expect(setad.screen({ name: 'Setad Farman Ejraei Hazrat Emam' })[0]).toMatchObject({ id: 'test:setad', alert: true });
  });
});

describe('two words read as one', () => {
  const joined = new ScreeningEngine([
    entity('ansarul', 'Organization', 'ANSARUL ISLAM'),
    entity('ekogrupp', 'Company', 'OOO EKOGRUPP'),
    entity('taloon', 'Company', 'TALOON COMPANY'),
    ...LIST,
  ]);
  const score = (name: string, id: string) => joined.screen({ name }, { minScore: 0 }).find((m) => m.id === `test:${id}`)?.score ?? 0;

  it('may differ in the vowel of an article between them (Ansar al-Islam, Ansarul Islam)', () => {
    expect(score('Ansar al-Islam', 'ansarul')).toBeGreaterThanOrEqual(0.81);
  });

  it('but not in the vowels of two words of a name: Akay Group is not Ekogrupp, nor Thi Lun Taloon', () => {
    expect(score('Akay Group', 'ekogrupp')).toBeLessThan(0.81);
    expect(score('THI, Lun', 'taloon')).toBeLessThan(0.81);
  });
});

describe('the index, for a query of a rare and a common name', () => {
  it('ranks first, among the names the rare word selects, those that also have the common one', () => {
    const tag = (i: number) => `Q${i.toString(36)}x`;
    const people = new ScreeningEngine([
      // MOHAMMAD is on more names than any key may select on its own; SAID selects thirty-one.
      ...Array.from({ length: 900 }, (_, i) => entity(`m${i}`, 'Person', `MOHAMMAD, ${tag(i)}`)),
      ...Array.from({ length: 30 }, (_, i) => entity(`s${i}`, 'Person', `SAID, ${tag(i)}`)),
      entity('target', 'Person', 'SAID, Karim Mohammad'),
    ]);
    const target = people.index.names.findIndex((n) => n.form.original === 'SAID, Karim Mohammad');
    const query = nameForms('Said Mohammad', 'person')[0];
    people.index.weighQuery([query]);
    expect(people.index.candidates(query, 5)[0]).toBe(target);
  });
});

describe('a name in Cyrillic', () => {
  const people = new ScreeningEngine([
    entity('muranov', 'Person', 'MURANOV, Aleksandr Yurievich'),
    entity('lukashenka', 'Person', 'LUKASHENKA, Alyaksandr Ryhorovich'),
    ...LIST,
  ]);

  it('does not take other vowels in two places for a variant: Миронов is not MURANOV', () => {
    const match = people.screen({ name: 'Александр Миронов' }).find((m) => m.id === 'test:muranov');
    expect(match?.alert ?? false).toBe(false);
  });

  it('but in one place it may be: the Russian Лукашенко is the Belarusian LUKASHENKA', () => {
    expect(people.screen({ name: 'Александр Лукашенко' })[0]).toMatchObject({ id: 'test:lukashenka', alert: true });
  });
});

describe('a Chinese place in a firm’s name', () => {
  const firms = new ScreeningEngine([
    entity('hongxiang', 'Company', 'DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD'),
    entity('xianghe', 'Company', 'DANDONG XIANGHE TRADING CO., LTD.'),
    entity('xiuna', 'Company', 'HEBEI XIUNA TRADING CO., LTD.'),
    ...LIST,
  ]);

  it('says where the firm is, not which it is: the name may leave it out', () => {
    expect(firms.screen({ name: 'Hongxiang Industrial Development' })[0]).toMatchObject({ id: 'test:hongxiang', alert: true });
    expect(firms.screen({ name: 'HEBEI XIUNA COMMERCE AND TRADE CO, LTD.' })[0]).toMatchObject({ id: 'test:xiuna', alert: true });
  });

  it('and with generic words alone names no firm', () => {
    expect(firms.screen({ name: 'Dandong Trading Co Ltd' }).filter((m) => m.alert)).toEqual([]);
  });
});

describe('a kunya', () => {
  const people = new ScreeningEngine([entity('gasmi', 'Person', 'GASMI, Salah', { alias: ['Abou Mohamed Salah'] }), ...LIST]);

  it('is not the name it is made of: SALAH Muhammad is not Abou Mohamed SALAH', () => {
    const match = people.screen({ name: 'SALAH, Muhammad' }).find((m) => m.id === 'test:gasmi');
    expect(match?.alert ?? false).toBe(false);
    expect(match?.explanation.scorers.map((s) => s.name)).toContain('kunyaReadAsName');
  });

  it('but matches itself', () => {
    expect(people.screen({ name: 'Abu Mohamed Salah' })[0]).toMatchObject({ id: 'test:gasmi', alert: true });
  });
});

describe('a parenthesis ending a listed name', () => {
  const groups = new ScreeningEngine([
    entity('jamwa', 'Organization', 'Jaysh al-Muhajirin wal-Ansar (JAMWA)'),
    entity('ftb', 'Company', 'FOREIGN TRADE BANK (FTB)'),
    ...LIST,
  ]);

  it('may be left out: an acronym or qualifier the list adds is not a word the customer left out', () => {
    const [top] = groups.screen({ name: 'Jaysh al-Muhajirin wal-Ansar' });
    expect(top).toMatchObject({ id: 'test:jamwa', alert: true, score: 1 });
    expect(top.explanation.matched.name).toBe('Jaysh al-Muhajirin wal-Ansar (JAMWA)');
  });

  it('may be left out before the legal form, but not inside the name', () => {
    const firms = new ScreeningEngine([
      entity('pedco', 'Company', 'PETROIRAN DEVELOPMENT COMPANY (PEDCO) LIMITED'),
      entity('sc', 'Company', 'SC (DALIAN) INDUSTRY AND TRADE CO., LTD.'),
      ...LIST,
    ]);
    expect(firms.screen({ name: 'PETROIRAN DEVELOPMENT COMPANY LIMITED' })[0]).toMatchObject({ id: 'test:pedco', score: 1 });
    const sc = firms.screen({ name: 'SC INDUSTRY AND TRADE CO., LTD.' }).find((m) => m.id === 'test:sc');
    expect(sc?.score ?? 0).toBeLessThan(1);
  });

  it('still counts when the query has it', () => {
    expect(groups.screen({ name: 'Jaysh al-Muhajirin wal-Ansar JAMWA' })[0]).toMatchObject({ id: 'test:jamwa', alert: true, score: 1 });
  });

  it('leaves generic words no more distinctive: a bank FOR trade is not a FOREIGN trade bank', () => {
    const ftb = groups.screen({ name: 'Industrial Bank Company for Trade & Development Limited' }).find((m) => m.id === 'test:ftb');
    expect(ftb?.alert ?? false).toBe(false);
  });
});

describe('a query of common names inside a longer listed name', () => {
  // Mohammad, Ali and Salah are among the commonest words of listed persons' names, as on the real lists.
  const others = ['KARIM', 'HASAN', 'YUSUF', 'IBRAHIM', 'KHALIL', 'MAHMUD', 'RASHID', 'AZIZ', 'JAMIL', 'NASIR', 'TAHIR', 'ZAKI'];
  const fillers = others.flatMap((other, k) => [
    entity(`muhammad-${k}`, 'Person', `${other}, Muhammad`),
    entity(`ali-${k}`, 'Person', `${other}, Ali`),
    entity(`salah-${k}`, 'Person', `SALAH, ${other}`),
  ]);
  const people = new ScreeningEngine([entity('salah-ali', 'Person', 'SALAH, Ali Mohammad'), ...fillers, ...LIST]);

  it('says too little to alert: SALAH Muhammad is not SALAH Ali Mohammad', () => {
    const match = people.screen({ name: 'SALAH, Muhammad' }).find((m) => m.id === 'test:salah-ali');
    expect(match?.alert ?? false).toBe(false);
    expect(match?.explanation.scorers.map((s) => s.name)).not.toContain('nameContained');
  });

  it('while the whole name still alerts', () => {
    expect(people.screen({ name: 'Ali Mohammad Salah' })[0]).toMatchObject({ id: 'test:salah-ali', alert: true });
  });
});
