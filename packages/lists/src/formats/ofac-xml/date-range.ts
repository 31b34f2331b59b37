/**
 * @module formats/ofac-xml/date-range
 * The advanced and enhanced files state a date as the period it may fall in: a birth year of 1962 is
 * "from 1962-01-01 to 1962-12-31". This turns such a period back into the ISO prefix it stands for.
 * @example dateRangeStatement({ from: '1962-01-01', to: '1962-12-31' }) // { value: '1962' }
 */
import type { Statement } from '@embargo/core';

/** A period by its first and last possible day (YYYY-MM-DD). */
export interface DateRange {
  from: string;
  to: string;
  approximate?: boolean;
}

/**
 * The coarsest ISO prefix that covers exactly the period: a whole year → 'YYYY', a whole month →
 * 'YYYY-MM', one day → the day; a longer period gives `value` and `until` ("1960 to 1962").
 */
export function dateRangeStatement(range: DateRange, original?: string): Statement {
  const { from, to } = range.from <= range.to ? range : { from: range.to, to: range.from };
  const statement: Statement = { value: from };
  if (from !== to) {
    if (isYearStart(from) && isYearEnd(to)) {
      statement.value = from.slice(0, 4);
      if (to.slice(0, 4) !== statement.value) statement.until = to.slice(0, 4);
    } else if (from.endsWith('-01') && isMonthEnd(to)) {
      statement.value = from.slice(0, 7);
      if (to.slice(0, 7) !== statement.value) statement.until = to.slice(0, 7);
    } else {
      statement.until = to;
    }
  }
  if (range.approximate) statement.approximate = true;
  if (original && original !== statement.value) statement.original = original;
  return statement;
}

/** 'YYYY-MM-DD' from year, month and day numbers as the XML writes them ("2019", "3", "14"), or undefined. */
export function isoDay(year: string, month: string, day: string): string | undefined {
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

function isYearStart(day: string): boolean {
  return day.endsWith('-01-01');
}

function isYearEnd(day: string): boolean {
  return day.endsWith('-12-31');
}

function isMonthEnd(day: string): boolean {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}
