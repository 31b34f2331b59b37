/**
 * @module mt/amount
 * The amount of fields 32A (value date, currency, amount: `210511USD136500,`) and 32B (MT101: currency and
 * amount), with SWIFT's decimal comma turned into a point and a bare trailing comma dropped.
 *
 * @example
 * readAmount({ tag: '32A', lines: ['191014USD1814,28'], line: 4 }) // { value: { currency: 'USD', value: '1814.28' } }
 */
import type { MtField } from './fields.js';
import { mtProblem, type MtParsed } from './problem.js';

/** SWIFT amounts: up to 15 digits including the decimal comma, which is mandatory (`100,` is a hundred). */
const AMOUNT = '(\\d{1,14},\\d*)';
const VALUE_DATE_CURRENCY_AMOUNT = new RegExp(`^(\\d{2})(\\d{2})(\\d{2})([A-Z]{3})${AMOUNT}$`);
const CURRENCY_AMOUNT = new RegExp(`^([A-Z]{3})${AMOUNT}$`);

export function readAmount(field: MtField): MtParsed<{ currency: string; value: string }> {
  const text = field.lines.join('').trim();
  if (field.tag === '32B') {
    const match = CURRENCY_AMOUNT.exec(text);
    if (!match) return mtProblem(`32B '${text}' is not a currency and an amount with a decimal comma (as 'EUR1000,50')`, '32B', field.line);
    return { value: { currency: match[1], value: decimalPoint(match[2]) } };
  }
  const match = VALUE_DATE_CURRENCY_AMOUNT.exec(text);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31)
    return mtProblem(
      `${field.tag} '${text}' is not YYMMDD value date, currency and amount with a decimal comma (as '210511USD136500,')`,
      field.tag,
      field.line,
    );
  return { value: { currency: match[4], value: decimalPoint(match[5]) } };
}

/** `136500,` → `136500`; `1321,00` → `1321.00`. */
function decimalPoint(amount: string): string {
  return amount.replace(',', '.').replace(/\.$/, '');
}
