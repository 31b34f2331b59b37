import { describe, expect, it } from 'vitest';
import { cyrillicReadingsBySystem, romanizeCyrillic } from './cyrillic.js';
import { nationalLanguageOf, romanizeNational } from './cyrillic-national.js';
import { romanizeRussianInEnglish } from './cyrillic-english.js';

describe('romanizeCyrillic on names from the lists', () => {
  // Latin forms as OFAC's sdn.csv (2024-05-03) and the UN list (2026-02-27) print them, surname first or last.
  const cases: Array<{ cyrillic: string; listed: string }> = [
    { cyrillic: 'Андрей Сербин', listed: 'andrey serbin' },
    { cyrillic: 'Андрей Сербин', listed: 'andrei serbin' },
    { cyrillic: 'Михаил Писклин', listed: 'mikhail pisklin' },
    { cyrillic: 'Пригожин Евгений Викторович', listed: 'prigozhin yevgeniy viktorovich' },
    { cyrillic: 'Ротенберг Аркадий Романович', listed: 'rotenberg arkady romanovich' },
    { cyrillic: 'Дерипаска Олег Владимирович', listed: 'deripaska oleg vladimirovich' },
    { cyrillic: 'Лавров Сергей Викторович', listed: 'lavrov sergei viktorovich' },
    { cyrillic: 'Лаврова Мария Александровна', listed: 'lavrova maria aleksandrovna' },
    { cyrillic: 'Ислам Сеит-Умарович Атабиев', listed: 'islam seit umarovich atabiev' },
    { cyrillic: 'Айрат Насимович Вахитов', listed: 'airat nasimovich vakhitov' },
    { cyrillic: 'Лукашэнка Аляксандр Рыгоравіч', listed: 'lukashenka aliaksandr ryhoravich' },
    { cyrillic: 'Віктор Федорович Янукович', listed: 'viktor fedorovych yanukovych' },
  ];
  it.each(cases)('$cyrillic is read as $listed', ({ cyrillic, listed }) => {
    expect(romanizeCyrillic(cyrillic)).toContain(listed);
  });

  it('gives the distinct readings of Юрий under the standards', () => {
    const readings = romanizeCyrillic('Юрий');
    expect(readings).toEqual(expect.arrayContaining(['yuriy', 'iurii', 'yury', 'jurij']));
    expect(new Set(readings).size).toBe(readings.length);
    expect(readings.length).toBeLessThanOrEqual(8);
  });

  it('names the system of each reading', () => {
    const bySystem = Object.fromEntries(cyrillicReadingsBySystem('Хрущёв').map((r) => [r.system, r.reading]));
    expect(bySystem).toMatchObject({
      'bgn-pcgn': 'khrushchev',
      'icao-9303': 'khrushchev',
      wikipedia: 'khrushchyov',
      telegram: 'hruscev',
      'gost-7.79': 'hrusev',
      scientific: 'xruscev',
      english: 'khrushchev',
    });
  });

  it('does not split words at the marks some systems write for ъ and ь', () => {
    expect(romanizeCyrillic('Объединение')).not.toContain('ob edinenie');
    expect(romanizeCyrillic('Объединение')).toEqual(expect.arrayContaining(['obyedineniye', 'obedinenie']));
  });

  it('keeps Latin words and reads Serbian letters through any-ascii', () => {
    expect(romanizeCyrillic('ООО Ромашка LLC')[0]).toBe('ooo romashka llc');
    expect(romanizeCyrillic('Ђорђе')).toContain('djordje');
  });
});

describe('national systems', () => {
  it('tells Ukrainian and Belarusian from Russian by their letters', () => {
    expect(nationalLanguageOf('віктор янукович')).toBe('uk');
    expect(nationalLanguageOf('ґудзь')).toBe('uk');
    expect(nationalLanguageOf('аляксандр рыгоравіч')).toBe('be');
    expect(nationalLanguageOf('паўлавіч')).toBe('be');
    expect(nationalLanguageOf('андрей сербин')).toBeUndefined();
  });

  it('reads Ukrainian with KMU 2010 (г → h, и → y, word-initial є/ї/ю/я)', () => {
    expect(romanizeNational('віктор федорович янукович', 'uk')).toBe('viktor fedorovych yanukovych');
    expect(romanizeNational('їжак єва юлія згурський', 'uk')).toBe('yizhak yeva yuliia zghurskyi');
  });

  it('reads Belarusian as its passports do (UK list: Aliaksandr Lukashenka, Lidzia Yarmoshina)', () => {
    expect(romanizeNational('аляксандр лукашэнка', 'be')).toBe('aliaksandr lukashenka');
    expect(romanizeNational('лідзія ярмошына', 'be')).toBe('lidziia yarmoshyna');
  });

  it('reads Russian names the way the English-language press spells them', () => {
    expect(romanizeRussianInEnglish('максим александрович')).toBe('maxim alexandrovich');
    expect(romanizeRussianInEnglish('мария васильевна евгений')).toBe('maria vasilievna evgeny');
  });
});
