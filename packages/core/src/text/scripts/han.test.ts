import { describe, expect, it } from 'vitest';
import { koreanReadingOfHanja, romanizeHan } from './han.js';

describe('romanizeHan', () => {
  it('reads company names syllable by syllable, without tones', () => {
    // OFAC lists DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.; the UN writes 華信船務(香港)有限公司 beside Huaxin Shipping (HK) Ltd.
    expect(romanizeHan('丹东至诚金属材料有限公司')[0]).toBe('dan dong zhi cheng jin shu cai liao you xian gong si');
    expect(romanizeHan('華信船務(香港)有限公司')[0]).toBe('hua xin chuan wu xiang gang you xian gong si');
    expect(romanizeHan('朝鲜联合机械贸易会社')[0]).toBe('chao xian lian he ji xie mao yi hui she');
  });

  it('also reads firm names as the lists translate them: trade and legal form in English, names joined', () => {
    expect(romanizeHan('丹东至诚金属材料有限公司')).toContain('dandong zhicheng metal material co ltd');
    expect(romanizeHan('青岛建设纳米比亚有限公司')).toContain('qingdao construction namibia co ltd');
    expect(romanizeHan('華信船務(香港)有限公司')).toContain('huaxin shipping hong kong co ltd');
    // Trades and kinds of goods as firms' English names give them (ocean shipping, precision machinery).
    expect(romanizeHan('大连远洋航运有限公司')).toContain('dalian ocean shipping co ltd');
    expect(romanizeHan('深圳精密机械股份有限公司')).toContain('shenzhen precision machinery joint stock co ltd');
    // No business term: no second reading.
    expect(romanizeHan('丹东至诚')).toEqual(['dan dong zhi cheng']);
  });

  it('offers the given name joined for a short personal name (UK list: 董勒成, 倪高彬)', () => {
    expect(romanizeHan('董勒成')).toEqual(['dong le cheng', 'dong lecheng']);
    expect(romanizeHan('倪高彬')).toContain('ni gaobin');
  });

  it('reads polyphonic surnames as surnames in personal names', () => {
    expect(romanizeHan('单田芳')).toEqual(expect.arrayContaining(['shan tian fang', 'shan tianfang']));
    expect(romanizeHan('曾国藩')).toContain('zeng guofan');
  });

  it('keeps other scripts for the caller to transliterate and writes ü as u', () => {
    expect(romanizeHan('カザン火薬工場')[0]).toBe('カザン huo yao gong chang');
    expect(romanizeHan('吕')).toEqual(['lu']);
  });
});

describe('koreanReadingOfHanja', () => {
  it('reads common Korean surnames in Korean', () => {
    expect(koreanReadingOfHanja('金正恩')).toEqual({ surnameHanja: '金', surnameHangul: '김', surnames: ['kim', 'gim'], rest: '正恩' });
    expect(koreanReadingOfHanja('李炳哲')?.surnames).toEqual(['ri', 'li', 'lee', 'yi', 'rhee']);
    expect(koreanReadingOfHanja('崔龍海')?.surnames).toContain('choe');
    expect(koreanReadingOfHanja('鄭')).toBeUndefined();
  });

  it('tries two-character surnames first, and reads compatibility ideographs', () => {
    expect(koreanReadingOfHanja('南宮民')?.surnameHangul).toBe('남궁');
    expect(koreanReadingOfHanja('南民')?.surnameHangul).toBe('남');
    expect(koreanReadingOfHanja('\uf9e1承晩')?.surnameHangul).toBe('리'); // U+F9E1 is a compatibility form of 李
  });

  it('returns undefined for names that do not start with a Korean surname', () => {
    expect(koreanReadingOfHanja('董勒成')).toBeUndefined();
    expect(koreanReadingOfHanja('Kim')).toBeUndefined();
  });
});
