/**
 * The Arabic article before a "sun letter" is written as it is said, assimilated and hyphened to the word
 * (Jabhat an-Nusra, Ansar ad-Din, Abd ar-Rahman, Harakat ash-Shabaab; in Urdu and Persian names ud-Din,
 * ur-Rahman), or as it is written in Arabic (al-Nusra, al-Din). Both spellings are one name: a name
 * written either way is also read with the article as al (ul, el).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { prepareQuery, type ScreeningQuery } from './query.js';
import { bundledSdnEntities, withoutAliases } from '../../../../test/bundled-sdn.js';

const readings = (query: ScreeningQuery) => prepareQuery(query).forms.map((f) => f.reading);

describe('readings of an assimilated article', () => {
  it.each([
    ['Jabhat an-Nusra', 'jabhat al nusra'],
    ['Harakat ash-Shabaab', 'harakat al shabaab'],
    ['Abd ar-Rahman', 'abd al rahman'],
    ['Ayman az-Zawahiri', 'ayman al zawahiri'],
    ['HURRAS AD-DIN', 'hurras al din'],
    ['Nizam-ud-Din', 'nizam ul din'],
    ['Fazal ur-Rehman', 'fazal ul rehman'],
  ])('reads %s also as %s', (name, reading) => {
    const read = readings({ name });
    expect(read[0]).toBe(name.toLowerCase().replace(/-/g, ' '));
    expect(read).toContain(reading);
  });

  it.each([
    // Not hyphened: "An" is a Vietnamese given name, "As" a Spanish article.
    ['An Nguyen'],
    ['Jabhat an Nusra'],
    // Hyphened, but the next word does not begin with the article's consonant, or the "article" is part of a word.
    ['Ab-Dul Karim'],
    ['Ar-Kadia Trading'],
    ['Kazan-Nefteprodukt'],
    ['Dan-Nun Shipping'],
    ['Jean-Pierre'],
  ])('reads %s only as written', (name) => {
    expect(readings({ name })).toHaveLength(1);
  });
});

describe('a listed name with its article written one way, screened written the other, on the bundled OFAC SDN list', () => {
  /** Records whose own name (not an alias) writes the article as al before a sun letter, or assimilated. */
  let records: Entity[];
  let engine: ScreeningEngine;
  const ARTICLE_AL = /\b([AaUu])[Ll]-(?=(DH|TH|SH|ZH|[DNRSTZ])[A-Za-z])/gi;
  const ARTICLE_ASSIMILATED = /\b([AaUu])(DH|TH|SH|ZH|[DNRSTZ])-(?=\2)/gi;

  beforeAll(async () => {
    const entities = await bundledSdnEntities();
    records = entities
      .filter((e) => {
        const name = e.properties.name?.[0]?.value ?? '';
        return name.replace(ARTICLE_AL, '') !== name || name.replace(ARTICLE_ASSIMILATED, '') !== name;
      })
      .map(withoutAliases);
    engine = new ScreeningEngine(entities.map(withoutAliases));
  });

  it('finds every such record, with the article written the other way', () => {
    expect(records.length).toBeGreaterThan(40);
    const missed: string[] = [];
    for (const record of records) {
      const listed = record.properties.name![0].value;
      const assimilated = listed.replace(ARTICLE_AL, (_, vowel: string, consonant: string) => `${vowel}${consonant}-`);
      const query = assimilated !== listed ? assimilated : listed.replace(ARTICLE_ASSIMILATED, (_, vowel: string) => `${vowel}l-`);
      expect(query).not.toBe(listed);
      const match = engine.screen({ name: query, schema: record.schema }, { limit: 10 }).find((m) => m.id === record.id);
      if (!match?.alert) missed.push(`${query} (listed ${listed}): ${match?.score ?? 'not found'}`);
    }
    expect(missed).toEqual([]);
  });
});
