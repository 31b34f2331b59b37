import { describe, expect, it } from 'vitest';
import { translateKoreanOrganisationName } from './hangul-terms.js';

describe('translateKoreanOrganisationName', () => {
  it('reads common words in English and romanises the proper names between them, in each system', () => {
    expect(translateKoreanOrganisationName('조선광선은행')).toEqual(['korea kwangson bank', 'korea gwangseon bank']);
    expect(translateKoreanOrganisationName('조선광업개발무역회사')).toEqual(['korea mining development trading company']);
  });

  it('reads a trade written into the proper name (새벽별물류, Saebyeokbyeol Logistics)', () => {
    expect(translateKoreanOrganisationName('부산물류 주식회사')).toContain('busan logistics joint stock company');
    expect(translateKoreanOrganisationName('조선원양해운회사')[0]).toBe('korea ocean shipping company');
  });

  it('reads the longest term first (총회사, not 총 + 회사)', () => {
    expect(translateKoreanOrganisationName('조선련봉총회사')[0]).toBe('korea ryonbong general corporation');
  });

  it('translates a short name only when it ends in a word for a kind of organisation', () => {
    expect(translateKoreanOrganisationName('정찰총국')).toEqual(['reconnaissance general bureau']);
    // Persons: 국, 성 and 부 end given names, and no name here holds a word for a kind of organisation.
    expect(translateKoreanOrganisationName('김국성')).toEqual([]);
    expect(translateKoreanOrganisationName('김정은')).toEqual([]);
    expect(translateKoreanOrganisationName('리수용')).toEqual([]);
  });

  it('gives nothing for a name without a word for a kind of organisation', () => {
    expect(translateKoreanOrganisationName('조선 국제 무역')).toEqual([]);
  });
});
