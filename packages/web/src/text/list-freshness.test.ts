/** When a list in force is shown as stale on the dashboard: the 30-day boundary, and undated publications. */
import { describe, expect, it } from 'vitest';
import { ageInWords, listFreshness } from './list-freshness';

const NOW = new Date('2026-12-07T12:00:00.000Z');

describe('listFreshness', () => {
  it.each([
    { why: 'published today is fresh', published: '2026-12-07', stale: false, ageDays: 0 },
    { why: 'exactly 30 days old is still fresh', published: '2026-11-07', stale: false, ageDays: 30 },
    { why: '31 days old is stale', published: '2026-11-06', stale: true, ageDays: 31 },
    { why: 'the bundled UN list of 27 Feb 2026 is stale in December', published: '2026-02-27', stale: true, ageDays: 283 },
    { why: 'an undated publication is stale: its age cannot be told', published: null, stale: true, ageDays: null },
    { why: 'an unreadable date is treated as undated, not as fresh', published: 'circa 2026', stale: true, ageDays: null },
  ])('$why', ({ published, stale, ageDays }) => {
    const fresh = listFreshness({ published }, NOW);
    expect(fresh).toMatchObject({ stale, ageDays });
    expect(fresh.reason === '').toBe(!stale);
  });
});

describe('ageInWords', () => {
  it.each([
    ['2026-11-27T09:00:00.000Z', '10 days'],
    ['2026-12-06T11:00:00.000Z', '1 day'],
    ['2026-12-07T07:00:00.000Z', '5 hours'],
    ['2026-12-07T11:30:00.000Z', 'under an hour'],
  ])('%s → %s', (from, words) => {
    expect(ageInWords(from, NOW)).toBe(words);
  });
});
