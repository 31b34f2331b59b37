import { describe, expect, it } from 'vitest';
import { dominantScript, scriptOf } from './detect.js';

describe('scriptOf', () => {
  const cases: Array<[string, string]> = [
    ['K', 'Latn'],
    ['ǎ', 'Latn'],
    ['ə', 'Latn'],
    ['ｋ', 'Latn'],
    ['김', 'Hang'],
    ['ㄱ', 'Hang'],
    ['丹', 'Hani'],
    ['𠀀', 'Hani'],
    ['Ж', 'Cyrl'],
    ['ї', 'Cyrl'],
    ['م', 'Arab'],
    ['ﻤ', 'Arab'],
    ['ی', 'Arab'],
    ['Ω', 'Grek'],
    ['ά', 'Grek'],
    ['ש', 'Hebr'],
    ['ส', 'Thai'],
    ['ქ', 'Geor'],
    ['Հ', 'Armn'],
    ['カ', 'Kana'],
    ['か', 'Kana'],
    ['1', 'Other'],
    ['-', 'Other'],
    ['अ', 'Other'],
  ];
  it.each(cases)('%s is %s', (char, script) => {
    expect(scriptOf(char)).toBe(script);
  });
});

describe('dominantScript', () => {
  it('counts letters only and picks the most frequent script', () => {
    expect(dominantScript('김정은')).toBe('Hang');
    expect(dominantScript('Jin Tiesan (金铁三)')).toBe('Latn');
    expect(dominantScript('華信船務(香港)有限公司')).toBe('Hani');
    expect(dominantScript('ООО "Ромашка" LLC')).toBe('Cyrl');
    expect(dominantScript('12345 -')).toBe('Other');
    expect(dominantScript('')).toBe('Other');
  });
});
