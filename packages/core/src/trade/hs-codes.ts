/**
 * @module trade/hs-codes
 * Harmonized System codes as shipments write them and as measures cover them: `2701.12`, `2701 12` and
 * `270112` are one subheading; a measure's code is a chapter (`27`), heading (`2701`), subheading
 * (`270112`) or a range of chapters (`72-83`). A goods line's code is covered by a measure's when it lies
 * under it; it only overlaps when the line's code is broader (a line declared `27` may or may not be coal).
 *
 * @example
 * hsCodeProblem('2701.1') // 'has 5 digits: an HS code has 2 (chapter), 4 (heading), 6 (subheading) or a national 8 or 10'
 * hsRelation('72-83', '7308.90') // 'within'
 * hsRelation('2701', '27') // 'broader'
 */

/** Separators written inside HS codes: dots, spaces, hyphens between digit groups. */
const HS_SEPARATORS = /[.\s]/g;
const HS_DIGITS = /^\d+$/;
const CHAPTER_RANGE = /^(\d{2})-(\d{2})$/;
/** Lengths an HS code can have: chapter, heading, subheading, and the 8- or 10-digit national tariff lines. */
const HS_LENGTHS = new Set([2, 4, 6, 8, 10]);

/** The code with its separators removed (`2701.12` → `270112`); not validated. */
export function compactHsCode(raw: string): string {
  return raw.replace(HS_SEPARATORS, '');
}

/**
 * Why a goods line's HS code is not one, or undefined when it is: digits (dots and spaces between groups
 * allowed), 2, 4, 6, 8 or 10 of them, and a chapter from 01 to 97 (chapter 77 is reserved, 98–99 are
 * national).
 */
export function hsCodeProblem(raw: string): string | undefined {
  const code = compactHsCode(raw);
  if (code === '') return 'is empty';
  if (!HS_DIGITS.test(code)) return 'holds something other than digits, dots and spaces';
  if (!HS_LENGTHS.has(code.length))
    return `has ${code.length} digit${code.length === 1 ? '' : 's'}: an HS code has 2 (chapter), 4 (heading), 6 (subheading) or a national 8 or 10`;
  const chapter = Number(code.slice(0, 2));
  if (chapter < 1 || chapter > 97 || chapter === 77) return `chapter ${code.slice(0, 2)} does not exist in the Harmonized System`;
  return undefined;
}

/**
 * How a goods line's code relates to a measure's code.
 * - `within`: the line's goods are all under the measure's code (`270112` under `2701`; `7308` under `72-83`).
 * - `broader`: the line's code is broader and holds the measure's goods among others (`27` for `2701`).
 * - `outside`: neither.
 */
export type HsRelation = 'within' | 'broader' | 'outside';

export function hsRelation(measureCode: string, goodsCode: string): HsRelation {
  const goods = compactHsCode(goodsCode);
  const range = CHAPTER_RANGE.exec(measureCode);
  if (range) {
    const chapter = Number(goods.slice(0, 2));
    return chapter >= Number(range[1]) && chapter <= Number(range[2]) ? 'within' : 'outside';
  }
  if (goods.startsWith(measureCode)) return 'within';
  if (measureCode.startsWith(goods)) return 'broader';
  return 'outside';
}

/** The code as people write it: `2701`, `2701.12`, `7308.90.10`; chapter ranges as given. */
export function formatHsCode(code: string): string {
  if (CHAPTER_RANGE.test(code) || code.length <= 4) return code;
  return [code.slice(0, 4), ...(code.slice(4).match(/\d{2}/g) ?? [])].join('.');
}
