/**
 * Firm names across languages and forms (issue 13 point 4), on the real OFAC SDN list (2023-12-28):
 * a listed firm is found whichever translation, abbreviation or transliteration of its legal form the
 * query writes; a word of its name is never joined with a legal form into another word; and a word of
 * its name written in Cyrillic inside a Latin name is read as its Latin form. Generated negatives: the
 * same legal forms before another firm's name do not alert.
 */
import fc from 'fast-check';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { nameTokens } from '../text/normalize.js';
import { sharedList } from '../../../../test/shared-data.js';

/** Each abbreviation the list writes before a firm's name, and other ways to write the same form. */
const SAME_FORM: Record<string, string[]> = {
  OOO: [
    'LLC',
    'LIMITED LIABILITY COMPANY',
    'OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU',
    'OBSCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU',
    'Общество с ограниченной ответственностью',
    'ООО',
  ],
  OAO: ['OJSC', 'OPEN JOINT STOCK COMPANY', 'OTKRYTOE AKTSIONERNOE OBSHCHESTVO', 'OTKRYTOYE AKTSIONERNOYE OBSCHESTVO', 'ОАО'],
  ZAO: ['CJSC', 'CLOSED JOINT STOCK COMPANY', 'ZAKRYTOE AKTSIONERNOE OBSHCHESTVO', 'ЗАО'],
  PAO: ['PJSC', 'PUBLIC JOINT STOCK COMPANY', 'PUBLICHNOE AKTSIONERNOE OBSHCHESTVO', 'ПАО'],
  AO: ['JSC', 'JOINT STOCK COMPANY', 'AKTSIONERNOE OBSHCHESTVO', 'AKTSIONERNOYE OBSHESTVO', 'АО'],
  TOV: ['LLC', 'TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU', 'ТОВ'],
  TAA: ['LLC', 'TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU'],
  AAT: ['OJSC', 'ADKRYTAE AKTSYYANERNAE TAVARYSTVA'],
};

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'А', b: 'Б', d: 'Д', f: 'Ф', g: 'Г', i: 'И', k: 'К', l: 'Л', m: 'М', n: 'Н', o: 'О', p: 'П', r: 'Р', s: 'С', t: 'Т', u: 'У', v: 'В', z: 'З',
}; // prettier-ignore

/** A word in Cyrillic letters, one for each Latin letter (only words whose letters all have one). */
const inCyrillic = (word: string) => [...word.toLowerCase()].map((c) => LATIN_TO_CYRILLIC[c]).join('');
const writableInCyrillic = (word: string) => word.length >= 4 && [...word.toLowerCase()].every((c) => c in LATIN_TO_CYRILLIC);

describe('firm names across languages and forms, on OFAC SDN 2023-12-28', () => {
  let engine: ScreeningEngine;
  let firms: Entity[] = [];
  /** Firms the list names "<form> <rest>" with a form of SAME_FORM, as [entity id, form, rest]. */
  let formFirst: [string, string, string][] = [];

  beforeAll(async () => {
    const { publications } = await detectPublications(dirname(sharedList('ofac-sdn/2023-12-28/sdn.csv')));
    const entities = (await parsePublication(publications[0])).entities;
    engine = new ScreeningEngine(entities);
    firms = entities.filter((e) => e.schema === 'Organization' || e.schema === 'Company');
    formFirst = firms.flatMap((e) =>
      (e.properties.name ?? []).flatMap(({ value }) => {
        const [form, ...rest] = value.split(' ');
        // A rest of two words or more: one word after a form is too little to name a firm by.
        return form in SAME_FORM && rest.length >= 2 && !rest.some((w) => w in SAME_FORM)
          ? [[e.id, form, rest.join(' ')] as [string, string, string]]
          : [];
      }),
    );
  }, 120_000);

  const alertsOn = (name: string, id: string) => engine.screen({ name }, { limit: 20 }).find((m) => m.id === id && m.alert);

  it('has firms named with a Russian, Ukrainian or Belarusian form', () => expect(formFirst.length).toBeGreaterThan(40));

  it('finds a firm whatever way the query writes its legal form, before or after the name', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.boolean(), (which, how, after) => {
        const [id, form, rest] = formFirst[which % formFirst.length];
        const other = SAME_FORM[form][how % SAME_FORM[form].length];
        const query = after ? `${rest} ${other}` : `${other} ${rest}`;
        const top = engine.screen({ name: query })[0];
        expect(alertsOn(query, id), `${query} (listed as ${form} ${rest}); top: ${top?.explanation.summary}`).toBeDefined();
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  it('does not alert on a firm for its legal form before another firm name', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (which, how, otherFirm) => {
        const [id, form, rest] = formFirst[which % formFirst.length];
        const [, , otherRest] = formFirst[otherFirm % formFirst.length];
        const shared = nameTokens(rest).filter((t) => nameTokens(otherRest).includes(t));
        fc.pre(shared.length === 0);
        const query = `${SAME_FORM[form][how % SAME_FORM[form].length]} ${otherRest}`;
        expect(alertsOn(query, id), `${query} alerted on ${form} ${rest}`).toBeUndefined();
      }),
      { numRuns: 100, seed: 20261208 },
    );
  });

  it('never joins the last word of a firm name with its legal form (a BAN LLC is not a BANK)', () => {
    // Firms whose name ends in a short word (five to seven letters, where one letter counts): the query writes it without its last letter, then a form.
    const ending = firms
      .flatMap((e) => (e.properties.name ?? []).map(({ value }) => nameTokens(value)))
      .filter((t) => t.length >= 2 && /^[a-z]{5,7}$/.test(t[t.length - 1]));
    expect(ending.length).toBeGreaterThan(200);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('LLC', 'LTD', 'CO', 'AO', 'SA', 'GMBH', 'OOO'), (which, form) => {
        const tokens = ending[which % ending.length];
        const cut = tokens[tokens.length - 1].slice(0, -1);
        const query = `${[...tokens.slice(0, -1), cut].join(' ')} ${form}`;
        for (const m of engine.screen({ name: query }))
          for (const t of m.explanation.tokens)
            expect(t.query.split(' '), `${query}: ${m.explanation.summary}`).not.toEqual([cut, form.toLowerCase()]);
      }),
      { numRuns: 150, seed: 20261209 },
    );
  });

  it('reads a word of a Latin firm name written in Cyrillic as its Latin form', () => {
    const named = firms.flatMap((e) =>
      (e.properties.name ?? [])
        .map(({ value }) => value)
        .filter((v) => /^[A-Z ]+$/.test(v) && v.split(' ').length >= 2 && v.split(' ').some(writableInCyrillic))
        .map((v) => [e.id, v] as const),
    );
    expect(named.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (which, pick) => {
        const [id, name] = named[which % named.length];
        const words = name.split(' ');
        const writable = words.flatMap((w, i) => (writableInCyrillic(w) ? [i] : []));
        const at = writable[pick % writable.length];
        const query = words.map((w, i) => (i === at ? inCyrillic(w) : w)).join(' ');
        const top = engine.screen({ name: query })[0];
        expect(alertsOn(query, id), `${query} (listed as ${name}); top: ${top?.explanation.summary}`).toBeDefined();
      }),
      { numRuns: 150, seed: 20261210 },
    );
  });

  it.each([
    { why: 'a Cyrillic legal form after a Latin name', query: 'ROSOBORONEXPORT ОАО', expect: 'ofac:18782' },
    { why: 'the name as the list writes it, in full', query: 'OTKRYTOE AKTSIONERNOE OBSHCHESTVO ROSOBORONEKSPORT', expect: 'ofac:18782' },
  ])('$why: $query', ({ query, expect: id }) =>
    expect(alertsOn(query, id), engine.screen({ name: query })[0]?.explanation.summary).toBeDefined(),
  );
});
