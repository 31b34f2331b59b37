/**
 * BODS statements are checked strictly: each broken statement below is one row, with the place and field
 * the error must name. A file with any problem loads nothing.
 */
import { describe, expect, it } from 'vitest';
import { isEmbargoError } from '@embargo/core';
import { OwnershipParseError } from '../errors.js';
import { parseBods } from './index.js';

const ID = (n: number) => `statement-${String(n).padStart(2, '0')}-aaaaaaaaaaaaaaaaaaaaaaa`; // 34 characters

type Statement = Record<string, unknown> & { recordDetails: Record<string, unknown> };

function pkg(): Statement[] {
  const base = { declarationSubject: 'acme', statementDate: '2024-01-31', recordStatus: 'new' };
  return [
    {
      ...base,
      statementId: ID(1),
      recordId: 'acme',
      recordType: 'entity',
      recordDetails: {
        isComponent: false,
        entityType: { type: 'registeredEntity' },
        name: 'Acme Ltd',
        jurisdiction: { name: 'United Kingdom', code: 'GB' },
      },
    },
    {
      ...base,
      statementId: ID(2),
      recordId: 'kim',
      recordType: 'person',
      recordDetails: { isComponent: false, personType: 'knownPerson', names: [{ fullName: 'Kim Il' }], birthDate: '1961-02' },
    },
    {
      ...base,
      statementId: ID(3),
      recordId: 'kim-acme',
      recordType: 'relationship',
      recordDetails: {
        isComponent: false,
        subject: 'acme',
        interestedParty: 'kim',
        interests: [{ type: 'shareholding', directOrIndirect: 'direct', share: { minimum: 25, maximum: 50 }, startDate: '2020-01-01' }],
      },
    },
  ];
}

function problemsOf(statements: unknown[], asLines = false): string[] {
  const text = asLines ? statements.map((s) => JSON.stringify(s)).join('\n') : JSON.stringify(statements);
  try {
    parseBods('owners.json', text);
  } catch (e) {
    expect(e).toBeInstanceOf(OwnershipParseError);
    expect(isEmbargoError(e) && e.code).toBe('OWNERSHIP_PARSE');
    return (e as OwnershipParseError).problems.map(
      (p) => `${p.index ?? `line ${p.line}`} ${p.statementId ?? '-'} ${p.field ?? '-'}: ${p.reason}`,
    );
  }
  throw new Error('parsed without an error');
}

function broken(change: (s: Statement[]) => void): Statement[] {
  const statements = pkg();
  change(statements);
  return statements;
}

describe('parseBods refuses what BODS 0.4 does not allow', () => {
  it('reads the well-formed package', () => {
    const parsed = parseBods('owners.json', JSON.stringify(pkg()));
    expect(parsed.edges).toHaveLength(1);
    expect(parsed.edges[0]).toMatchObject({
      kind: 'ownership',
      from: 'bods:kim',
      to: 'bods:acme',
      share: { min: 25, max: 50, minInclusive: true, maxInclusive: true },
    });
  });

  const cases: { why: string; statements: unknown[]; expect: string[] }[] = [
    {
      why: 'a statement without a required field',
      statements: broken((s) => delete s[2].statementDate),
      expect: [`3 ${ID(3)} statementDate: is required`],
    },
    {
      why: 'a share over 100',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { exact: 120 })),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share.exact: 120 is more than 100`],
    },
    {
      why: 'a share below 0',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { minimum: -5 })),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share.minimum: -5 is less than 0`],
    },
    {
      why: 'a share that is not a number',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { exact: '25' })),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share.exact: "25" is not a number`],
    },
    {
      why: 'a minimum above the maximum',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { minimum: 60, maximum: 40 })),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share: the minimum 60 is more than the maximum 40`],
    },
    {
      why: 'an exclusive range with nothing inside',
      statements: broken(
        (s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { exclusiveMinimum: 50, maximum: 50 }),
      ),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share: the range from 50 to 50 with an excluded end holds no share`],
    },
    {
      why: 'two lower ends',
      statements: broken(
        (s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { minimum: 25, exclusiveMinimum: 25 }),
      ),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share: gives both minimum and exclusiveMinimum; a range has one lower end`],
    },
    {
      why: 'an exact share outside the range it also gives',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { exact: 60, maximum: 50 })),
      expect: [`3 ${ID(3)} recordDetails.interests[0].share: the exact share 60 is outside the range it also gives`],
    },
    {
      why: 'an interest type outside the code list',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].type = 'ownership')),
      expect: [
        expect.stringMatching(
          new RegExp(`^3 ${ID(3)} recordDetails.interests\\[0\\].type: "ownership" is not one of shareholding, votingRights`),
        ),
      ] as never,
    },
    {
      why: 'a date that does not exist',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].startDate = '2020-02-30')),
      expect: [`3 ${ID(3)} recordDetails.interests[0].startDate: day 30 does not exist in 2020-02`],
    },
    {
      why: 'an end date before the start date',
      statements: broken((s) => ((s[2].recordDetails.interests as Record<string, unknown>[])[0].endDate = '2019-12-31')),
      expect: [`3 ${ID(3)} recordDetails.interests[0].endDate: 2019-12-31 is before the start date 2020-01-01`],
    },
    {
      why: 'a relationship naming a record that is not in the file',
      statements: broken((s) => (s[2].recordDetails.interestedParty = 'kym')),
      expect: [`3 ${ID(3)} recordDetails.interestedParty: "kym" is not the recordId of a statement in this file`],
    },
    {
      why: 'a person as the subject',
      statements: broken((s) => Object.assign(s[2].recordDetails, { subject: 'kim', interestedParty: 'acme' })),
      expect: [`3 ${ID(3)} recordDetails.subject: "kim" is a person; the subject must be an entity`],
    },
    {
      why: 'an entity without its type, and a person without a name',
      statements: broken((s) => {
        delete s[0].recordDetails.entityType;
        s[1].recordDetails.names = [];
      }),
      expect: [`1 ${ID(1)} recordDetails.entityType: is required`, `2 ${ID(2)} recordDetails.names: a known person needs a name`],
    },
    {
      why: 'a statementId shorter than 32 characters (the schema: 32 to 64)',
      statements: broken((s) => (s[0].statementId = 'abc')),
      expect: ['1 abc statementId: must be 32 to 64 characters long, not 3'],
    },
    {
      why: 'an unspecified party without its reason',
      statements: broken((s) => (s[2].recordDetails.interestedParty = { description: 'not told' })),
      expect: [`3 ${ID(3)} recordDetails.interestedParty.reason: is required`],
    },
    {
      why: 'a record that changes type',
      statements: broken((s) => s.push({ ...s[1], statementId: ID(4), recordType: 'entity' })),
      expect: [
        `4 ${ID(4)} recordType: record kim was a person in an earlier statement`,
        `4 ${ID(4)} recordDetails.entityType: is required`,
      ],
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      expect(problemsOf(c.statements)).toEqual(c.expect);
    });
  }

  it('names the line in JSON lines, and the line of a JSON syntax error', () => {
    expect(
      problemsOf(
        broken((s) => delete s[1].declarationSubject),
        true,
      ),
    ).toEqual([`line 2 ${ID(2)} declarationSubject: is required`]);
    try {
      parseBods('owners.json', '[\n  {"statementId": "a"},\n  {"statementId": }\n]');
      throw new Error('parsed');
    } catch (e) {
      expect((e as OwnershipParseError).problems[0]).toMatchObject({ line: 3 });
      expect((e as Error).message).toMatch(/^owners\.json: line 3: not JSON/);
    }
  });

  it('reports every problem of the file at once, and its message names the first', () => {
    const statements = broken((s) => {
      delete s[0].recordDetails.entityType;
      (s[2].recordDetails.interests as Record<string, unknown>[])[0].share = { exact: 120 };
    });
    try {
      parseBods('owners.json', JSON.stringify(statements));
      throw new Error('parsed');
    } catch (e) {
      const error = e as OwnershipParseError;
      expect(error.problems).toHaveLength(2);
      expect(error.message).toBe(`owners.json: statement 1 (id ${ID(1)}), recordDetails.entityType: is required (and 1 more problem)`);
      expect(error.context).toMatchObject({ file: 'owners.json', field: 'recordDetails.entityType', statementId: ID(1) });
    }
  });

  it('refuses an empty file and JSON that is not an array of objects', () => {
    expect(() => parseBods('empty.json', '[]')).toThrow('empty.json: line 1: the file holds no statements');
    expect(() => parseBods('x.json', '[1]')).toThrow('x.json: statement 1: 1 is not an object');
  });
});
