import { describe, expect, it } from 'vitest';
import { wadeGilesSyllable, wadeGilesToPinyin } from './wade-giles.js';

describe('wadeGilesSyllable', () => {
  it.each([
    ['hsiao', 'xiao'],
    ['hung', 'hong'],
    ['ssu', 'si'],
    ['tzu', 'zi'],
    ['chih', 'zhi'],
    ['chien', 'jian'],
    ['chou', 'zhou'],
    ['hsueh', 'xue'],
    ['jen', 'ren'],
    ['kuei', 'gui'],
    ['yung', 'yong'],
  ])('%s → %s', (wg, pinyin) => expect(wadeGilesSyllable(wg)).toBe(pinyin));

  it('is undefined for what is no syllable', () => {
    expect(wadeGilesSyllable('kim')).toBeUndefined();
    expect(wadeGilesSyllable('ri')).toBeUndefined();
    expect(wadeGilesSyllable('lee')).toBeUndefined();
  });
});

describe('wadeGilesToPinyin', () => {
  it('reads a name with a hyphenated given name, syllables joined', () => {
    expect(wadeGilesToPinyin('Ma Hsiao-hung')).toBe('ma xiaohong');
    expect(wadeGilesToPinyin('SUN, Ssu-tung')).toBe('sun sidong');
    expect(wadeGilesToPinyin('Hsu Chih-hsiang')).toBe('xu zhixiang');
  });

  it('leaves alone names that are not all Wade–Giles, or have no hyphenated given name', () => {
    expect(wadeGilesToPinyin('Kim Jong-un')).toBeUndefined();
    expect(wadeGilesToPinyin('Jean-Pierre Martin')).toBeUndefined();
    expect(wadeGilesToPinyin('Tony-Lee Thulsie')).toBeUndefined();
    expect(wadeGilesToPinyin('Ma Xiaohong')).toBeUndefined();
    // Already pinyin: nothing to add.
    expect(wadeGilesToPinyin('Li Fang-wei')).toBeUndefined();
  });
});
