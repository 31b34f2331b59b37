/**
 * @module text/number-words
 * English numbers written as words, read as the digits the lists write: a military unit, a vessel or a
 * firm named by a number ("Unit Twenty-Nine" is UNIT 29; "Military Unit Twenty-Nine One Fifty-Five",
 * read the way such numbers are spoken, in groups, is MILITARY UNIT 29155).
 *
 * A run of number words is read group by group, a group being one cardinal under a million ("twenty
 * nine", "one hundred and five"); the groups' digits are written one after the other, as a number read
 * out in groups is written.
 */

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
// "Fourty" is the commonest misspelling of a number word, in customer files as in the lists' sources.
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };
const NUMBER_WORDS = ['zero', ...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(SCALES)];

/** A run of number words, joined by spaces or hyphens (and an "and" inside: "one hundred and five"). */
const WORD = `(?:${NUMBER_WORDS.join('|')})`;
const NUMBER_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}(?:(?:[\\s-]+and)?[\\s-]+${WORD})*(?![\\p{L}\\p{N}])`, 'giu');

type Part = 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand';

/** The digits of one run of number words, group after group. */
function runDigits(run: string): string {
  const groups: { value: number; last: Part }[] = [];
  for (const word of run.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    const current = groups.at(-1);
    // A word continues the current group where English would: "twenty" + "nine", "hundred" + "five".
    const afterScale = current && (current.last === 'hundred' || current.last === 'thousand');
    if (word === 'zero') groups.push({ value: 0, last: 'unit' });
    else if (word in UNITS) {
      if (current && (current.last === 'tens' || afterScale)) Object.assign(current, { value: current.value + UNITS[word], last: 'unit' });
      else groups.push({ value: UNITS[word], last: 'unit' });
    } else if (word in TEENS) {
      if (afterScale) Object.assign(current, { value: current.value + TEENS[word], last: 'teen' });
      else groups.push({ value: TEENS[word], last: 'teen' });
    } else if (word in TENS) {
      if (afterScale) Object.assign(current, { value: current.value + TENS[word], last: 'tens' });
      else groups.push({ value: TENS[word], last: 'tens' });
    } else if (word === 'hundred') {
      if (current && current.value % 1000 < 10 && current.last === 'unit')
        Object.assign(current, { value: current.value * 100, last: 'hundred' });
      else groups.push({ value: 100, last: 'hundred' });
    } else if (current && current.last !== 'thousand' && current.value < 1000)
      Object.assign(current, { value: current.value * 1000, last: 'thousand' });
    else groups.push({ value: 1000, last: 'thousand' });
  }
  return groups.map((g) => String(g.value)).join('');
}

/**
 * The name with its English number words written as digits, or undefined when it has none.
 * @example numberWordsAsDigits('Unit Twenty-Nine') // 'Unit 29'
 * @example numberWordsAsDigits('Military Unit Twenty-Nine One Fifty-Five') // 'Military Unit 29155'
 */
export function numberWordsAsDigits(name: string): string | undefined {
  if (!/\p{L}/u.test(name)) return undefined;
  const read = name.replace(NUMBER_RUN, (run) => runDigits(run));
  return read === name ? undefined : read;
}

/** A roman numeral up to 39 (vessels and firms of a series: SEA STAR III, SINO IRON II). */
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/i;
const ROMAN_UNITS: Record<string, number> = { '': 0, i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 };

/**
 * The value of a word written as a roman numeral, or undefined.
 * @example romanNumeralValue('iii') // 3
 * @example romanNumeralValue('xiv') // 14
 */
export function romanNumeralValue(word: string): number | undefined {
  const m = word === '' ? null : ROMAN.exec(word);
  if (!m) return undefined;
  return m[1].length * 10 + ROMAN_UNITS[m[2].toLowerCase()];
}

/** Ordinal words to twenty: the cardinals are the module's own tables (UNITS, TEENS, twenty). */
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};
/** Cardinal and ordinal number words to twenty, as firms and vessels are numbered (SEVENTH OCEAN, FIRST BANK). */
const NUMBER_WORD_VALUES: Record<string, number> = { ...UNITS, ...TEENS, twenty: TENS.twenty, ...ORDINALS };

/** The value of a number word to twenty ('seventh' → 7), or undefined. */
export function numberWordValue(word: string): number | undefined {
  return Object.hasOwn(NUMBER_WORD_VALUES, word) ? NUMBER_WORD_VALUES[word] : undefined;
}

const DIGITS = /^\d+(st|nd|rd|th)?$/;

/** The value of a number written in digits, perhaps as an ordinal ('558th' → 558), or undefined. */
export function digitsValue(word: string): number | undefined {
  return DIGITS.test(word) ? parseInt(word, 10) : undefined;
}

/** A number written in digits and the same number in words or roman numerals (3, three, third, iii; 1st, first). */
export function sameNumber(digits: string, word: string): boolean {
  const value = digitsValue(digits);
  return value !== undefined && (romanNumeralValue(word) ?? numberWordValue(word)) === value;
}
