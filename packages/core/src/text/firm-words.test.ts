/**
 * Firms' words across languages: a word and its translation share a meaning, case endings of Russian
 * words do not matter, and unrelated words (and people's names) have none.
 */
import { describe, expect, it } from 'vitest';
import { firmWordMeaning, isPlaceAdjective, placesOfAdjective } from './firm-words.js';

const same = (...words: string[]) => new Set(words.map(firmWordMeaning)).size === 1 && firmWordMeaning(words[0]) !== '';

describe('firmWordMeaning', () => {
  it('gives a word and its translations one meaning', () => {
    expect(same('zavod', 'plant', 'factory', 'fabrika')).toBe(true);
    expect(same('bonyad', 'foundation', 'fundacion')).toBe(true);
    expect(same('sanayi', 'industries', 'promyshlennosti')).toBe(true);
    expect(same('denizcilik', 'shipping', 'sudokhodnaya')).toBe(true);
    expect(same('charitable', 'charity', 'khayriya')).toBe(true);
    expect(same('society', 'association', 'jamiyat')).toBe(true);
    // English words borrowed in transliterated Russian: treid, grupp, servis.
    expect(same('treid', 'trading', 'handels')).toBe(true);
    expect(same('grupp', 'group')).toBe(true);
    expect(same('servis', 'services')).toBe(true);
    expect(same('managing', 'management')).toBe(true);
    expect(same('invest', 'investment', 'inversiones')).toBe(true);
  });

  it('gives the conventional abbreviations of firm words their meaning (Bros., Hnos., Mfg., Intl.)', () => {
    expect(same('bros', 'brothers', 'hermanos', 'hnos', 'freres')).toBe(true);
    expect(same('mfg', 'manufacturing', 'manufacturers')).toBe(true);
    expect(same('intl', 'international', 'internacional', 'mezhdunarodnaya')).toBe(true);
    expect(same('natl', 'national', 'nacional')).toBe(true);
  });

  it('reads a Russian word in any case or gender by its stem', () => {
    expect(same('sudostroitelny', 'sudostroitelnogo', 'sudostroitelnaya', 'shipbuilding')).toBe(true);
    expect(same('nauchno', 'nauchnyi', 'scientific', 'science')).toBe(true);
    expect(firmWordMeaning('predpriyatie')).toBe('enterprise');
  });

  it("reads industrial firms' and state bodies' words as OFAC's English names translate them", () => {
    expect(same('patronnyi', 'cartridge')).toBe(true);
    expect(same('podshipnikovyi', 'bearing')).toBe(true);
    expect(same('remontny', 'repair')).toBe(true);
    expect(same('priborostroitelnyi', 'instrumentmaking')).toBe(true);
    expect(same('byudzhetnoe', 'budgetary')).toBe(true);
    expect(same('uchrezhdenie', 'institution')).toBe(true);
    expect(same('pidpryemstvo', 'predpriyatiye', 'enterprise')).toBe(true);
  });

  it('does not read a longer word as a stem with an ending, nor give other words a meaning', () => {
    expect(firmWordMeaning('stroitelstvo')).toBe('construction'); // stroitel + stvo (4 letters)
    expect(firmWordMeaning('sudostroitel')).toBe('shipbuilding'); // the longer stem wins over stroitel
    expect(firmWordMeaning('tochnostyami')).toBe(''); // tochn + 7 letters: too long for an ending
    expect(firmWordMeaning('yantar')).toBe('');
    expect(firmWordMeaning('kim')).toBe('');
  });
});

describe('placesOfAdjective', () => {
  it('gives the places an adjective may be made from, and nothing for other words', () => {
    expect(placesOfAdjective('muromsky')).toEqual(['murom', 'muroma']);
    expect(placesOfAdjective('dubnenskii')).toEqual(expect.arrayContaining(['dubna', 'dubnen']));
    expect(placesOfAdjective('zavod')).toEqual([]);
    expect(placesOfAdjective('russky')).toEqual([]);
  });
});

describe('isPlaceAdjective', () => {
  it('knows Russian adjectives made from place names', () => {
    expect(isPlaceAdjective('dubnenskii', 'dubna')).toBe(true);
    expect(isPlaceAdjective('vyborgsky', 'vyborg')).toBe(true);
    expect(isPlaceAdjective('mytishchinski', 'mytishchi')).toBe(true);
    expect(isPlaceAdjective('arzamasskoe', 'arzamas')).toBe(true);
    expect(isPlaceAdjective('tyumenskaya', 'tyumen')).toBe(true);
  });

  it('is not fooled by other words', () => {
    expect(isPlaceAdjective('vyborg', 'vyborg')).toBe(false); // no adjective ending
    expect(isPlaceAdjective('kazansky', 'kazakh')).toBe(false);
    expect(isPlaceAdjective('russky', 'rus')).toBe(false); // stems under four letters say too little
  });
});
