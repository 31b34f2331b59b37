import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_SOURCES, type Entity, type ListSource, type Properties, type Statement } from '../model/entity.js';
import { PROPERTIES, SCHEMATA, type SchemaName } from '../model/schema.js';
import { canonicalJson, changedFields, diffEntities, isEmptyDiff, recordContentKey } from './diff.js';

function entity(id: string, properties: Properties = {}, extra: Partial<Entity> = {}): Entity {
  return { id, source: 'ofac-sdn', schema: 'Person', caption: id, properties, ...extra };
}
const st = (value: string, more: Partial<Statement> = {}): Statement => ({ value, ...more });

describe('diffEntities', () => {
  const base = entity('ofac:1', {
    alias: [st('KIM Chol'), st('Chol KIM', { weak: true })],
    program: [st('DPRK3')],
    passportNumber: [st('563120368', { country: 'KP', kind: 'Passport' })],
  });

  it.each([
    { why: 'identical records do not change', older: [base], newer: [JSON.parse(JSON.stringify(base)) as Entity], changed: [] },
    {
      why: 'statement order within a property does not matter',
      older: [base],
      newer: [{ ...base, properties: { ...base.properties, alias: [...base.properties.alias!].reverse() } }],
      changed: [],
    },
    {
      why: 'key order within a statement does not matter',
      older: [base],
      newer: [{ ...base, properties: { ...base.properties, passportNumber: [{ kind: 'Passport', country: 'KP', value: '563120368' }] } }],
      changed: [],
    },
    {
      why: 'an absent property equals an empty one',
      older: [base],
      newer: [{ ...base, properties: { ...base.properties, birthDate: [] } }],
      changed: [],
    },
    {
      why: 'a qualifier change is a change of that property',
      older: [base],
      newer: [{ ...base, properties: { ...base.properties, alias: [st('KIM Chol'), st('Chol KIM')] } }],
      changed: [{ id: 'ofac:1', fields: ['alias'] }],
    },
    {
      why: 'a repeated statement is not the same multiset as a single one',
      older: [base],
      newer: [{ ...base, properties: { ...base.properties, program: [st('DPRK3'), st('DPRK3')] } }],
      changed: [{ id: 'ofac:1', fields: ['program'] }],
    },
    {
      why: 'schema, caption and properties are listed sorted',
      older: [base],
      newer: [
        {
          ...base,
          schema: 'Organization' as SchemaName,
          caption: 'KIM',
          properties: { ...base.properties, program: [], gender: [st('male')] },
        },
      ],
      changed: [{ id: 'ofac:1', fields: ['caption', 'gender', 'program', 'schema'] }],
    },
    {
      why: 'a record moving between OFAC lists changes source',
      older: [base],
      newer: [{ ...base, source: 'ofac-cons' as ListSource }],
      changed: [{ id: 'ofac:1', fields: ['source'] }],
    },
  ])('$why', ({ older, newer, changed }) => {
    const diff = diffEntities(older, newer);
    expect(diff.changed).toEqual(changed);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('lists added and removed ids sorted', () => {
    const diff = diffEntities(
      [entity('ofac:9'), entity('ofac:3'), entity('ofac:5')],
      [entity('ofac:5'), entity('ofac:8'), entity('ofac:10')],
    );
    expect(diff.added).toEqual(['ofac:10', 'ofac:8']);
    expect(diff.removed).toEqual(['ofac:3', 'ofac:9']);
    expect(diff.changed).toEqual([]);
  });

  it('counts by source and by each programme: old programmes for removed, new for added, the union for changed', () => {
    const older = [
      entity('ofac:1', { program: [st('SDGT'), st('IRAN')] }),
      entity('ofac:2', { program: [st('DPRK3')] }),
      entity('un:KPi.1', {}, { source: 'un-sc' }),
    ];
    const newer = [
      entity('ofac:2', { program: [st('DPRK4')] }),
      entity('ofac:3', { program: [st('DPRK4')] }),
      entity('un:KPi.2', {}, { source: 'un-sc' }),
    ];
    expect(diffEntities(older, newer).bySource).toEqual({
      'ofac-sdn': {
        added: 1,
        removed: 1,
        changed: 1,
        byProgram: {
          SDGT: { added: 0, removed: 1, changed: 0 },
          IRAN: { added: 0, removed: 1, changed: 0 },
          DPRK3: { added: 0, removed: 0, changed: 1 },
          DPRK4: { added: 1, removed: 0, changed: 1 },
        },
      },
      'un-sc': { added: 1, removed: 1, changed: 0, byProgram: { '(none)': { added: 1, removed: 1, changed: 0 } } },
    });
  });

  it('counts a record with a programme stated twice once', () => {
    const diff = diffEntities([], [entity('ofac:1', { program: [st('SDGT'), st('SDGT', { note: 'x' })] })]);
    expect(diff.bySource['ofac-sdn'].byProgram).toEqual({ SDGT: { added: 1, removed: 0, changed: 0 } });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
  });
});

describe('diffEntities properties', () => {
  const statement = fc.record(
    { value: fc.constantFrom('A', 'B', 'KIM', '1962'), country: fc.constantFrom('KP', 'RU'), weak: fc.boolean() },
    { requiredKeys: ['value'] },
  );
  const properties = fc.dictionary(
    fc.constantFrom(...PROPERTIES.slice(0, 6), 'program'),
    fc.array(statement, { maxLength: 3 }),
  ) as fc.Arbitrary<Properties>;
  const anEntity = fc.record({
    id: fc.constantFrom('ofac:1', 'ofac:2', 'un:KPi.1', 'uk:7', 'uk:8'),
    source: fc.constantFrom(...LIST_SOURCES),
    schema: fc.constantFrom(...(Object.keys(SCHEMATA) as SchemaName[])),
    caption: fc.constantFrom('KIM', 'JANG'),
    properties,
  });
  const publication = fc.uniqueArray(anEntity, { selector: (e) => e.id, maxLength: 5 });

  it('finds nothing between a publication and itself, nor a copy with statements reordered', () => {
    fc.assert(
      fc.property(publication, (entities) => {
        const shuffled = entities.map((e) => ({
          ...e,
          properties: Object.fromEntries(Object.entries(e.properties).map(([k, v]) => [k, [...v!].reverse()])),
        }));
        const diff = diffEntities(entities, shuffled);
        expect(isEmptyDiff(diff)).toBe(true);
        expect(diff.bySource).toEqual({});
      }),
    );
  });

  it('is symmetric: added one way is removed the other, and the same ids changed', () => {
    fc.assert(
      fc.property(publication, publication, (a, b) => {
        const forward = diffEntities(a, b);
        const backward = diffEntities(b, a);
        expect(forward.added).toEqual(backward.removed);
        expect(forward.removed).toEqual(backward.added);
        expect(forward.changed).toEqual(backward.changed);
      }),
    );
  });

  it('gives two versions of a record the same content key exactly when the diff finds no change', () => {
    fc.assert(
      fc.property(anEntity, anEntity, (a, b) => {
        const older = a;
        const newer = { ...b, id: a.id };
        expect(recordContentKey(older) === recordContentKey(newer)).toBe(changedFields(older, newer).length === 0);
        const reordered = {
          ...older,
          properties: Object.fromEntries(Object.entries(older.properties).map(([k, v]) => [k, [...(v ?? [])].reverse()])),
        };
        expect(recordContentKey(reordered)).toBe(recordContentKey(older));
      }),
    );
  });
});
