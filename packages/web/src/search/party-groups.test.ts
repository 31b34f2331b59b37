/** One row per party: records linked across lists grouped, lists as badges, ranks kept. */
import { describe, expect, it } from 'vitest';
import type { Match } from '../api/types';
import { groupMatches, splitByAlert } from './party-groups';

function match(id: string, source: string, score: number, linkedVia?: string): Match {
  return {
    id,
    caption: id,
    schema: 'Organization',
    source,
    score,
    alert: score >= 0.81,
    explanation: {
      algorithm: 'name-logic-v1',
      threshold: 0.81,
      query: { name: 'KOMID', reading: 'komid', script: 'Latn' },
      matched: {
        name: 'KOMID',
        property: 'alias',
        weak: false,
        reading: 'komid',
        script: 'Latn',
        ...(linkedVia ? { record: { id: linkedVia, caption: linkedVia, reason: 'organisationName', value: 'KOMID' } } : {}),
      },
      tokens: [],
      unmatched: { query: [], listed: [] },
      scorers: [],
      summary: '',
    },
  };
}

// The bundled lists' KOMID (engine answer for "KOMID", cut down): OFAC, UK and UN records of one party.
const ofac = match('ofac:9345', 'ofac-sdn', 1, 'un:KPe.001');
const uk = match('uk:10892', 'uk-hmt', 1);
const un = match('un:KPe.001', 'un-sc', 1);
const kaveh = match('ofac:30373', 'ofac-sdn', 0.76);

describe('groupMatches', () => {
  it('groups KOMID’s OFAC, UK and UN records into one party with three list badges', () => {
    const links = new Map([
      ['ofac:9345', ['uk:10892', 'un:KPe.001']],
      ['uk:10892', ['ofac:9345', 'un:KPe.001']],
      ['un:KPe.001', ['ofac:9345', 'uk:10892']],
    ]);
    const groups = groupMatches([ofac, uk, un, kaveh], links);
    expect(groups.map((g) => g.matches.map((m) => m.id))).toEqual([['ofac:9345', 'uk:10892', 'un:KPe.001'], ['ofac:30373']]);
    expect(groups[0].lists).toEqual(['OFAC', 'UK', 'UN']);
    expect(groups[0].best.id).toBe('ofac:9345');
    expect(groups[0].alert).toBe(true);
    expect(groups[1].lists).toEqual(['OFAC']);
  });

  it('follows links through: UK linked to UN only still joins the OFAC record linked to UN', () => {
    const groups = groupMatches([ofac, uk, un], new Map([['uk:10892', ['un:KPe.001']]]));
    expect(groups).toHaveLength(1);
    expect(groups[0].lists).toEqual(['OFAC', 'UK', 'UN']);
  });

  it('uses the screen response’s own linked record when no profile links are known', () => {
    const groups = groupMatches([ofac, uk, un], new Map());
    expect(groups.map((g) => g.matches.map((m) => m.id))).toEqual([['ofac:9345', 'un:KPe.001'], ['uk:10892']]);
  });

  it('keeps records without links apart, in rank order, and ignores links to records not among the matches', () => {
    const groups = groupMatches([kaveh, uk], new Map([['ofac:30373', ['un:XXe.001']]]));
    expect(groups.map((g) => g.best.id)).toEqual(['ofac:30373', 'uk:10892']);
  });

  it('ranks a group by its best record, wherever its other records ranked', () => {
    const groups = groupMatches([uk, kaveh, { ...un, score: 0.7, alert: false }], new Map([['un:KPe.001', ['uk:10892']]]));
    expect(groups.map((g) => g.matches.map((m) => m.id))).toEqual([['uk:10892', 'un:KPe.001'], ['ofac:30373']]);
  });

  it('writes OFAC once for a party on both OFAC lists', () => {
    const cons = match('ofac:9999', 'ofac-cons', 0.9);
    expect(groupMatches([ofac, cons], new Map([['ofac:9345', ['ofac:9999']]]))[0].lists).toEqual(['OFAC']);
  });
});

describe('splitByAlert', () => {
  it('puts parties with no alerting record under the weaker matches', () => {
    const { alerting, weaker } = splitByAlert(groupMatches([ofac, kaveh], new Map()));
    expect(alerting.map((g) => g.best.id)).toEqual(['ofac:9345']);
    expect(weaker.map((g) => g.best.id)).toEqual(['ofac:30373']);
  });
});
