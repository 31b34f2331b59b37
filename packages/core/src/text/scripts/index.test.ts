import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latinReadings } from './index.js';

const ASCII_READING = /^[a-z0-9]+( [a-z0-9]+)*$/;

describe('latinReadings', () => {
  const cases: Array<{ why: string; name: string; includes: string[] }> = [
    { why: 'a Latin name has its folded form only', name: 'KIM, Jong-Un', includes: ['kim jong un'] },
    { why: 'Hangul name, DPRK system as on OFAC/UN', name: '김정은', includes: ['kim jong un', 'kim chong un', 'gim jeong eun'] },
    { why: 'Hangul name with a conventional surname', name: '박봉주', includes: ['pak pong ju', 'park bong ju'] },
    { why: 'Hangul organisation name', name: '조선광선은행', includes: ['josongwangsonunhaeng', 'joseongwangseoneunhaeng'] },
    { why: 'Chinese company', name: '丹东至诚金属材料有限公司', includes: ['dan dong zhi cheng jin shu cai liao you xian gong si'] },
    { why: 'Korean name in Hanja: pinyin and Korean surname', name: '金正恩', includes: ['jin zheng en', 'kim zheng en'] },
    { why: 'Russian name', name: 'Андрей Сербин', includes: ['andrey serbin', 'andrei serbin'] },
    { why: 'Arabic name', name: 'صدام حسين التكريتي', includes: ['saddam hussein al tikriti'] },
    { why: 'Greek, ELOT 743', name: 'Παπαδόπουλος', includes: ['papadopoulos'] },
    { why: 'Japanese kana and Han in one word (UK list: カザン火薬工場)', name: 'カザン火薬工場', includes: ['kazan huo yao gong chang'] },
    { why: 'Georgian through any-ascii', name: 'ქართული', includes: ['kartuli'] },
    { why: 'a UN alias mixing Latin and Han', name: 'Jin Tiesan (金铁三)', includes: ['jin tiesan jin tie san', 'jin tiesan jin tiesan'] },
    { why: 'Cyrillic look-alikes in a Latin name', name: 'КIM Jong Un', includes: ['kim jong un'] },
  ];
  it.each(cases)('$why: $name', ({ name, includes }) => {
    const readings = latinReadings(name);
    expect(readings).toEqual(expect.arrayContaining(includes));
    for (const reading of readings) expect(reading).toMatch(ASCII_READING);
    expect(new Set(readings).size).toBe(readings.length);
  });

  it('returns one reading for Latin names and none for names without letters', () => {
    expect(latinReadings('Banco Nacional de Cuba')).toEqual(['banco nacional de cuba']);
    expect(latinReadings(' - ')).toEqual([]);
  });

  it('caps the readings of a name that mixes scripts', () => {
    expect(latinReadings('이명박 Юрий 김정은').length).toBeLessThanOrEqual(24);
  });

  it('gives lower-case ASCII readings, at most 24, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (s) => {
        const readings = latinReadings(s);
        expect(readings.length).toBeLessThanOrEqual(24);
        for (const reading of readings) expect(reading).toMatch(ASCII_READING);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives lower-case ASCII readings for any mix of the scripts on the lists', () => {
    const letters = [...'aZé ǎ-김정은리丹东金Андрейіўمحمدالله چカザンπαουქართשלוםสม 1.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 16 }), (chars) => {
        const readings = latinReadings(chars.join(''));
        expect(readings.length).toBeLessThanOrEqual(24);
        for (const reading of readings) expect(reading).toMatch(ASCII_READING);
      }),
      { numRuns: 3000 },
    );
  });
});
