/**
 * @module formats/uk-common/numbered
 * Several values in one cell are numbered: "(1) Tiaret (2) Maskara (3) -", "(1)-(2) Tunisia (3) Libya",
 * "(1) Uganda (2) Uganda (3)Uganda". A "-" item means "not known"; "(1)-(2)" (once "(1-3)") gives one value to several items,
 * so that towns and countries of birth with the same number belong together.
 * @example numberedItems('(1)-(2) Tunisia (3) -') // [{ index: 1, value: 'Tunisia' }, { index: 2, value: 'Tunisia' }]
 */

export interface NumberedItem {
  /** The item's number; undefined when the cell is not numbered. */
  index?: number;
  value: string;
}

// A range is written without spaces, "(2)-(6)"; with spaces, "(2) - (3) Uganda", the dash is item 2's value.
const MARKER = /\((\d{1,2})(?:-(\d{1,2}))?\)(?:-\((\d{1,2})\))?/g;

export function numberedItems(text: string): NumberedItem[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const markers = [...trimmed.matchAll(MARKER)];
  if (markers.length === 0 || markers[0].index !== 0) return isUnknown(trimmed) ? [] : [{ value: clean(trimmed) }];
  const items: NumberedItem[] = [];
  markers.forEach((m, i) => {
    const end = i + 1 < markers.length ? markers[i + 1].index : trimmed.length;
    const value = clean(trimmed.slice(m.index + m[0].length, end));
    if (isUnknown(value)) return;
    const from = Number(m[1]);
    const to = Number(m[3] ?? m[2] ?? from);
    for (let index = from; index <= Math.max(from, to); index++) items.push({ index, value });
  });
  return items;
}

function clean(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;]+|[\s,;]+$/g, '')
    .replace(/(?<!\b[A-Z])\.$/, '')
    .trim();
}

function isUnknown(value: string): boolean {
  return /^[-–\s.]*$/.test(value);
}
