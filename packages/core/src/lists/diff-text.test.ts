import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/entity.js';
import { diffEntities } from './diff.js';
import { entitiesById, formatDiffText } from './diff-text.js';

function person(id: string, caption: string, programs: string[], extra: Partial<Entity> = {}): Entity {
  return { id, source: 'ofac-sdn', schema: 'Person', caption, properties: { program: programs.map((value) => ({ value })) }, ...extra };
}

const older = [person('ofac:1', 'KIM, Chol', ['DPRK3']), person('ofac:2', 'RI, Song', ['DPRK3'])];
const newer = [
  person('ofac:1', 'KIM, Chol Ho', ['DPRK3']),
  person('ofac:3', 'PAK, Il', ['DPRK4', 'DPRK3']),
  person('un:KPi.9', 'JANG SUNG NAM', [], { source: 'un-sc' }),
];

describe('formatDiffText', () => {
  it('says so when nothing changed', () => {
    expect(formatDiffText(diffEntities(older, older))).toBe('No changes.\n');
  });

  it('groups counts and captioned ids by source and programme, no-programme group last', () => {
    const diff = diffEntities(older, newer);
    expect(formatDiffText(diff, { entitiesById: entitiesById(older, newer) })).toBe(
      [
        '2 added, 1 removed, 1 changed',
        '',
        'ofac-sdn: 1 added, 1 removed, 1 changed',
        '  DPRK3: 1 added, 1 removed, 1 changed',
        '    + ofac:3  PAK, Il',
        '    - ofac:2  RI, Song',
        '    ~ ofac:1  KIM, Chol Ho  [caption]',
        '  DPRK4: 1 added, 0 removed, 0 changed',
        '    + ofac:3  PAK, Il',
        '',
        'un-sc: 1 added, 0 removed, 0 changed',
        '  (none): 1 added, 0 removed, 0 changed',
        '    + un:KPi.9  JANG SUNG NAM',
        '',
      ].join('\n'),
    );
  });

  it('cuts each group at maxIdsPerGroup', () => {
    const text = formatDiffText(diffEntities(older, newer), { entitiesById: entitiesById(older, newer), maxIdsPerGroup: 1 });
    expect(text).toContain('    + ofac:3  PAK, Il\n    … and 2 more\n');
  });

  it('lists bare ids by kind without entities', () => {
    const text = formatDiffText(diffEntities(older, newer));
    expect(text).toContain('  DPRK3: 1 added, 1 removed, 1 changed\n  DPRK4:');
    expect(text).toContain('Added:\n  + ofac:3\n  + un:KPi.9\n');
    expect(text).toContain('Changed:\n  ~ ofac:1  [caption]\n');
  });
});
