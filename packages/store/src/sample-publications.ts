/**
 * @module sample-publications
 * Small hand-made publications for the store tests: a few entities that use every kind of statement
 * qualifier the model has, so a round trip that drops one of them shows up as a test failure.
 */
import type { Entity, ListPublication, ListSource, Relationship } from '@embargo/core';

export function kimJongUn(): Entity {
  return {
    id: 'ofac:22603',
    source: 'ofac-sdn',
    schema: 'Person',
    caption: 'KIM, Jong Un',
    properties: {
      name: [
        { value: 'KIM Jong Un', parts: { given: 'Jong Un', family: 'KIM' } },
        { value: '김정은', script: 'Hang' },
      ],
      alias: [{ value: 'KIM Jong-un', weak: true }],
      birthDate: [
        { value: '1984-01-08', original: '08 Jan 1984' },
        { value: '1982', original: 'circa 1982', approximate: true },
      ],
      nationality: [{ value: 'KP', original: 'Korea, North' }],
      passportNumber: [{ value: '645120196', country: 'KP', kind: 'Passport', note: 'issued 2010' }],
      program: [{ value: 'DPRK2' }],
    },
  };
}

export function vessel(): Entity {
  return {
    id: 'ofac:9647',
    source: 'ofac-sdn',
    schema: 'Vessel',
    caption: 'CHON MA SAN',
    properties: {
      name: [{ value: 'CHON MA SAN' }],
      imoNumber: [{ value: '8660313' }],
      flag: [{ value: 'KP', original: 'Korea, North' }],
      grossRegisteredTonnage: [{ value: '2795' }],
    },
  };
}

export function shippingCompany(): Entity {
  return {
    id: 'ofac:9322',
    source: 'ofac-sdn',
    schema: 'Company',
    caption: 'KOREA CHONMASAN SHIPPING CO',
    properties: {
      name: [{ value: 'KOREA CHONMASAN SHIPPING CO' }],
      address: [{ value: 'Pyongyang, Korea, North', country: 'KP' }],
      incorporationDate: [{ value: '1990', until: '1992', original: '1990 to 1992' }],
    },
  };
}

export function sampleRelationships(): Relationship[] {
  return [
    { from: 'ofac:9647', to: 'ofac:9322', kind: 'ownedBy', sourceText: 'Owned or Controlled By' },
    { from: 'ofac:22603', to: 'ofac:9322', kind: 'linkedTo', sourceText: 'Linked To: KOREA CHONMASAN SHIPPING CO' },
  ];
}

/** A publication of `source` with the given entities; files and issues are made up to match. */
export function publicationOf(
  source: ListSource,
  published: string | null,
  entities: Entity[],
  relationships: Relationship[] = [],
): ListPublication {
  return {
    source,
    published,
    files: [
      { path: `${source}/${published ?? 'undated'}/main.csv`, sha256: 'ab'.repeat(32), bytes: 1_234_567, format: 'ofac-csv' },
      { path: `${source}/${published ?? 'undated'}/alt.csv`, sha256: 'cd'.repeat(32), bytes: 89, format: 'ofac-csv' },
    ],
    entities,
    relationships,
    issues: [{ file: 'main.csv', line: 12, recordId: entities[0]?.id, field: 'birthDate', raw: 'circa 19??', message: 'unreadable date' }],
  };
}

/** `count` simple people with ids `<prefix>:<n>`, enough to span several insert batches. */
export function manyPeople(prefix: string, count: number): Entity[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `${prefix}:${n}`,
    source: 'un-sc' as const,
    schema: 'Person' as const,
    caption: `PERSON ${n}`,
    properties: { name: [{ value: `Person ${n}` }], birthDate: [{ value: `19${String(n % 100).padStart(2, '0')}` }] },
  }));
}
