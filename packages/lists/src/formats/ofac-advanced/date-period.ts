/**
 * @module formats/ofac-advanced/date-period
 * The advanced format's dates: a `<Date>` of Year/Month/Day elements, and a `<DatePeriod>` whose Start and
 * End each have a From and To date ("born in 1962" is Start 1962-01-01, End 1962-12-31).
 */
import type { DateRange } from '../ofac-xml/date-range.js';
import { isoDay } from '../ofac-xml/date-range.js';
import { child, childText } from '../ofac-xml/xml-node.js';
import type { XmlNode } from '../ofac-xml/xml-stream.js';

/** A `<Date>`-like element (DateOfIssue, EntryEvent/Date, From, To) as YYYY-MM-DD, or undefined. */
export function dayOf(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  return isoDay(childText(node, 'Year'), childText(node, 'Month'), childText(node, 'Day'));
}

/**
 * The period from the earliest possible start to the latest possible end; undefined when the period has
 * no dates (SanctionsMeasure periods are often empty). Approximate if either boundary says so.
 */
export function datePeriodRange(period: XmlNode | undefined): DateRange | undefined {
  if (!period) return undefined;
  const start = child(period, 'Start');
  const end = child(period, 'End');
  const from = dayOf(child(start, 'From')) ?? dayOf(child(start, 'To')) ?? dayOf(child(end, 'From'));
  const to = dayOf(child(end, 'To')) ?? dayOf(child(end, 'From')) ?? dayOf(child(start, 'To')) ?? from;
  if (!from || !to) return undefined;
  const approximate = start?.attrs.Approximate === 'true' || end?.attrs.Approximate === 'true';
  return approximate ? { from, to, approximate } : { from, to };
}
