/** A remark read once: the items a field shows are left out, the treatment listed, the raw text kept. */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../api/types';
import { readRemark } from './remark-reading';

// ofac:22701 as the OFAC CSV parser gives it (the remark of sdn.csv 2023-12-28, with one made-up extra item).
const serbin: Entity = {
  id: 'ofac:22701',
  source: 'ofac-sdn',
  schema: 'Person',
  caption: 'SERBIN, Andrey',
  properties: {
    birthDate: [{ value: '1986-11-01', original: '01 Nov 1986' }],
    gender: [{ value: 'male', original: 'Male' }],
    sanctionsNote: [
      { value: 'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210' },
      {
        value:
          'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214',
      },
    ],
    notes: [
      {
        value:
          'DOB 01 Nov 1986; Gender Male; Target Type Financial Institution; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214.',
      },
    ],
  },
};

describe('readRemark', () => {
  it('leaves out the items the profile shows in fields, and keeps the rest and the raw text', () => {
    const reading = readRemark(serbin);
    expect(reading.treatment).toHaveLength(2);
    expect(reading.unread).toEqual(['Target Type Financial Institution']);
    expect(reading.partlyRead).toBe(true);
    expect(reading.raw[0]).toMatch(/^DOB 01 Nov 1986; Gender Male;/);
  });

  it('leaves out a "Linked To" item the relationships quote', () => {
    const notes = [{ value: 'Gender Male; Linked To: GEFEST-M LLC; Linked To: KOREA TANGUN TRADING CORPORATION.' }];
    const reading = readRemark({ ...serbin, properties: { gender: [{ value: 'male', original: 'Male' }], notes } }, [
      'Linked To: GEFEST-M LLC',
    ]);
    expect(reading.unread).toEqual(['Linked To: KOREA TANGUN TRADING CORPORATION.']);
  });

  it('shows a remark nothing was read from whole, semicolons and all, with nothing on demand', () => {
    const comment = 'Served as the KOMID representative in Iran; previously in Syria.';
    const reading = readRemark({ ...serbin, properties: { country: [{ value: 'IR', original: 'Iran' }], notes: [{ value: comment }] } });
    expect(reading).toEqual({ treatment: [], unread: [comment], raw: [comment], partlyRead: false });
  });

  it('does not take a long sentence for read because it names a country a field holds', () => {
    const sentence =
      'Involved in the procurement of arms for the Government of Syria through front companies registered in several countries over many years';
    const reading = readRemark({
      ...serbin,
      properties: {
        country: [{ value: 'SY', original: 'Syria' }],
        notes: [{ value: `Gender Male; ${sentence}` }],
        gender: [{ value: 'male', original: 'Male' }],
      },
    });
    expect(reading.unread).toEqual([sentence]);
  });
});
