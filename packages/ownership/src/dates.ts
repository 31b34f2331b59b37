/**
 * @module dates
 * Dates in ownership files: checked as real calendar dates (core's `birthDateProblem` rules, which hold for
 * any ISO date prefix), and whether an interest is current on a day.
 */
import { birthDateProblem } from '@embargo/core';

/** Why a value is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or undefined when it is one. */
export function datePrefixProblem(value: string): string | undefined {
  return birthDateProblem(value);
}

/** Why a value is not a full date (YYYY-MM-DD), or undefined when it is one. */
export function fullDateProblem(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `"${value}" is not a date written YYYY-MM-DD`;
  return birthDateProblem(value);
}

/** Why a value is neither a full date nor an RFC 3339 date-time, or undefined (BODS `statementDate`). */
export function dateOrDateTimeProblem(value: string): string | undefined {
  const dateTime = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  if (dateTime) return birthDateProblem(dateTime[1]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return birthDateProblem(value);
  return `"${value}" is neither a date (YYYY-MM-DD) nor a date-time (YYYY-MM-DDTHH:MM:SSZ)`;
}

/** The last day of the period a date prefix names: 2021 → 2021-12-31, 2021-02 → 2021-02-28. */
function lastDay(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  if (date.length === 4) return `${date}-12-31`;
  const [year, month] = date.split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date}-${String(days).padStart(2, '0')}`;
}

/** The first day of the period a date prefix names: 2021 → 2021-01-01. */
function firstDay(date: string): string {
  return date.length >= 10 ? date.slice(0, 10) : date.length === 4 ? `${date}-01-01` : `${date}-01`;
}

/**
 * Why an interest is not current on `asOf`, or undefined when it is. An end date means the interest
 * ceased on that day (BODS `endDate`: "the date from which this interest ceased to exist"); a date of
 * year or month precision ends it only once the whole period has passed.
 */
export function notCurrent(startDate: string | undefined, endDate: string | undefined, asOf: string | undefined): string | undefined {
  if (endDate !== undefined && (asOf === undefined || asOf >= lastDay(endDate))) return `ended on ${endDate}`;
  if (startDate !== undefined && asOf !== undefined && firstDay(startDate) > asOf) return `begins on ${startDate}, after ${asOf}`;
  return undefined;
}
