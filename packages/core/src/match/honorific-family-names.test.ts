/**
 * A family name that is also an honorific's word (SAYED, Khan; HAJI, Ali Khatib; TUN, Zaw Min) is the
 * person's family name, not a title: read as a title it counted nothing, and "M. Khan" alerted on the
 * listed SAYED, Khan as on a listed KHAN alone. On the bundled SDN list of 2023-12-28: every listed person
 * whose family name is such a word is screened with an unrelated given name's initial and the other words
 * (a generated negative, which must not alert), and as listed (which must).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { ScreeningEngine } from './engine.js';
import { nameForms } from './name-form.js';
import { bundledSdnEntities } from '../../../../test/bundled-sdn.js';

describe('a family name that is an honorific word', () => {
  it('is a word of the name when it is the whole family name, and a title elsewhere', () => {
    const roles = (name: string) => nameForms(name, 'person')[0].tokens.map((t) => `${t.text}:${t.role}`);
    expect(roles('SAYED, Khan')).toEqual(['sayed:word', 'khan:word']);
    expect(roles('KHAN, Sayed Ali')).toContain('sayed:honorific');
    expect(roles('Sayed Ali Khan')).toContain('sayed:honorific');
  });

  describe('on the bundled OFAC SDN list', () => {
    let engine: ScreeningEngine;
    let cases: { record: Entity; name: string; family: string; given: string[] }[];

    beforeAll(async () => {
      const entities = await bundledSdnEntities();
      engine = new ScreeningEngine(entities);
      cases = [];
      for (const e of entities) {
        if (e.schema !== 'Person') continue;
        for (const { value: name } of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])]) {
          if (!name.includes(',')) continue;
          const form = nameForms(name, 'person')[0];
          const family = form.surname ?? [];
          if (family.length !== 1) continue;
          const given = form.tokens.filter((_, i) => i !== family[0]);
          // Family names that are read as titles elsewhere in a name (Sayed, Haji, Sheikh, Tun).
          const reordered = nameForms(`${given.map((t) => t.text).join(' ')} ${form.tokens[family[0]].text}`, 'person')[0].tokens;
          if (reordered[reordered.length - 1].role !== 'honorific') continue;
          cases.push({ record: e, name, family: form.tokens[family[0]].text, given: given.map((t) => t.text) });
        }
      }
    }, 120_000);

    it('M. Khan does not alert on the listed SAYED, Khan', () => {
      expect(
        engine
          .screen({ name: 'M. Khan', schema: 'Person' })
          .filter((m) => m.alert)
          .map((m) => m.entity.caption),
      ).toEqual([]);
    });

    it('finds each such person under the name as listed', () => {
      expect(cases.length).toBeGreaterThan(10);
      const missed = cases
        .filter(({ record, name }) => !engine.screen({ name, schema: 'Person' }).some((m) => m.alert && m.id === record.id))
        .map(({ name }) => name);
      expect(missed).toEqual([]);
    });

    it('finds each such person under the name written in order without the comma (Sayed Khan), the title first', () => {
      const missed = cases
        .map(({ record, family, given }) => ({ record, query: `${family} ${given.join(' ')}` }))
        .filter(({ record, query }) => !engine.screen({ name: query, schema: 'Person' }).some((m) => m.alert && m.id === record.id))
        .map(({ query }) => query);
      expect(missed).toEqual([]);
    });

    it('does not alert on one listed with a single given name for that name after another initial', () => {
      // As M. Khan against SAYED, Khan: the family name is left out and the initial stands for another name.
      const single = cases.filter(({ given }) => given.length === 1);
      expect(single.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const { record, given } of single) {
        const initial = 'QXZ'.split('').find((l) => !given[0].startsWith(l.toLowerCase()))!;
        const query = `${initial}. ${given[0]}`;
        if (engine.screen({ name: query, schema: 'Person' }).some((m) => m.alert && m.id === record.id))
          wrong.push(`${query} → ${record.caption}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
