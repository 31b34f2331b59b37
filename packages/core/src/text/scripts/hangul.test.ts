import { describe, expect, it } from 'vitest';
import { decomposeSyllable, romanizeHangul, romanizeKoreanName, romanizeSyllable, splitKoreanName } from './hangul.js';

const flat = (hangul: string): string[] => romanizeKoreanName(hangul).map((r) => [r.surname, ...r.given].join(' '));

describe('Korean personal names as OFAC and the UK list spell them', () => {
  // Spellings copied from OFAC sdn.csv 2024-05-03 ("KIM, Jong Un") and the UK ConList 2025-04-14, whose
  // "Name Non-Latin Script" column gives the Hangul (김영복 → KIM YONG BOK).
  const cases: Array<{ hangul: string; listed: string }> = [
    { hangul: '김정은', listed: 'kim jong un' },
    { hangul: '리병철', listed: 'ri pyong chol' },
    { hangul: '최룡해', listed: 'choe ryong hae' },
    { hangul: '박봉주', listed: 'pak pong ju' },
    { hangul: '김영철', listed: 'kim yong chol' },
    { hangul: '김여정', listed: 'kim yo jong' },
    { hangul: '정경택', listed: 'jong kyong thaek' },
    { hangul: '김수길', listed: 'kim su gil' },
    { hangul: '림영혁', listed: 'rim yong hyok' },
    { hangul: '량태철', listed: 'ryang tae chol' },
    { hangul: '최휘', listed: 'choe hwi' },
    { hangul: '류진', listed: 'ryu jin' },
    { hangul: '김정식', listed: 'kim jong sik' },
    { hangul: '김영복', listed: 'kim yong bok' },
    { hangul: '노광철', listed: 'no kwang chol' },
    { hangul: '리창호', listed: 'ri chang ho' },
    { hangul: '리송진', listed: 'ri song jin' },
    { hangul: '신금철', listed: 'sin kum chol' },
    { hangul: '태영호', listed: 'thae yong ho' },
  ];
  it.each(cases)('$hangul is read as $listed', ({ hangul, listed }) => {
    expect(flat(hangul)).toContain(listed);
  });
});

describe('the three systems', () => {
  it('reads 김정은 in the DPRK system, MR and RR', () => {
    const readings = romanizeKoreanName('김정은');
    const bySystem = (system: string) => readings.find((r) => r.system === system && !r.conventionalSurname);
    expect(bySystem('dprk')).toMatchObject({ surname: 'kim', given: ['jong', 'un'] });
    expect(bySystem('mr')).toMatchObject({ surname: 'kim', given: ['chong', 'un'] });
    expect(bySystem('mr-word')).toMatchObject({ surname: 'kim', given: ['chongun'] });
    expect(bySystem('rr')).toMatchObject({ surname: 'gim', given: ['jeong', 'eun'] });
  });

  it('voices ㄱ ㄷ ㅂ ㅈ inside the given name in MR (금철 → kumchol) but keeps syllables apart elsewhere', () => {
    expect(flat('신금철')).toEqual(expect.arrayContaining(['sin kum chol', 'shin kumchol']));
    expect(flat('박봉주')).toEqual(expect.arrayContaining(['pak pong ju', 'pak pongju', 'bak bong ju']));
  });

  it('writes the aspirates of the DPRK system (ㅌ → th, ㅍ → ph, ㅋ → kh) and of MR (t, p, k)', () => {
    expect(romanizeSyllable('태', 'dprk')).toBe('thae');
    expect(romanizeSyllable('태', 'mr')).toBe('tae');
    expect(romanizeSyllable('평', 'dprk')).toBe('phyong');
    expect(romanizeSyllable('평', 'rr')).toBe('pyeong');
    expect(romanizeSyllable('칠', 'dprk')).toBe('chil');
    expect(romanizeSyllable('시', 'mr')).toBe('shi');
    expect(romanizeSyllable('시', 'dprk')).toBe('si');
    expect(romanizeSyllable('은', 'rr')).toBe('eun');
  });

  it('adds the conventional surname spellings (이 → Lee/Yi/Rhee, 박 → Park, 최 → Choi, 정 → Chung)', () => {
    expect(flat('이명박')).toEqual(expect.arrayContaining(['lee myeong bak', 'yi myong pak', 'rhee myeong bak', 'ri myong pak']));
    expect(flat('박근혜')).toContain('park geun hye');
    expect(flat('최룡해')).toContain('choi ryong hae');
    expect(flat('정경택')).toContain('chung gyeong taek');
  });

  it('recognises two-syllable surnames', () => {
    expect(splitKoreanName('남궁민')).toEqual({ surname: '남궁', given: '민' });
    expect(splitKoreanName('황보철수')).toEqual({ surname: '황보', given: '철수' });
    expect(splitKoreanName('김 정은')).toEqual({ surname: '김', given: '정은' });
    expect(flat('남궁민')[0]).toBe('namgung min');
  });

  it('returns no name reading for text that is not a 2–4 syllable name', () => {
    expect(romanizeKoreanName('조선광선은행은행')).toEqual([]);
    expect(romanizeKoreanName('김')).toEqual([]);
    expect(romanizeKoreanName('Kim')).toEqual([]);
  });

  it('romanises organisation names word by word with MR voicing and ㄹ rules', () => {
    expect(romanizeHangul('조선광선은행', 'mr')).toBe('chosongwangsonunhaeng');
    expect(romanizeHangul('조선광선은행', 'dprk')).toBe('josongwangsonunhaeng');
    expect(romanizeHangul('조선광선은행', 'rr')).toBe('joseongwangseoneunhaeng');
    expect(romanizeHangul('평양 (Pyongyang)', 'dprk')).toBe('phyongyang (Pyongyang)');
    expect(romanizeHangul('신라', 'mr')).toBe('shilla');
  });

  it('decomposes syllables by Unicode jamo arithmetic', () => {
    expect(decomposeSyllable('가')).toEqual({ initial: 0, vowel: 0, final: 0 });
    expect(decomposeSyllable('힣')).toEqual({ initial: 18, vowel: 20, final: 27 });
    expect(decomposeSyllable('A')).toBeUndefined();
  });
});
