/**
 * The counts a large body is refused on before it is parsed: they must never count fewer items than the
 * body holds (a batch over the limit would be parsed after all), and should not count more.
 */
import { describe, expect, it } from 'vitest';
import { countCsvRecords } from './jobs/batch-parties.js';
import { countTopLevelItems } from './request-checks.js';

describe('countTopLevelItems', () => {
  it.each([
    { why: 'two parties', text: '{"parties":[{"name":"a"},{"name":"b"}]}', items: 2 },
    { why: 'an empty list', text: '{"parties":[]}', items: 0 },
    { why: 'an empty list with spaces', text: '{ "parties" : [ \n ] }', items: 0 },
    { why: 'one item', text: '{"parties":[{"name":"a"}]}', items: 1 },
    {
      why: 'commas inside items do not count',
      text: '{"parties":[{"name":"a","country":"KP"},{"identifiers":[{"value":"1"},{"value":"2"}]}]}',
      items: 2,
    },
    { why: 'brackets and commas inside strings do not count', text: '{"parties":[{"name":"a, [b], {c}"},{"name":"d"}]}', items: 2 },
    { why: 'escaped quotes inside strings', text: '{"parties":[{"name":"a \\" ], ["},{"name":"d"}]}', items: 2 },
    { why: 'scalar items', text: '{"parties":[1,2,3]}', items: 3 },
    { why: 'the largest of two lists', text: '{"a":[1],"b":[1,2,3,4]}', items: 4 },
    { why: 'a top-level list is not counted', text: '[1,2,3]', items: 0 },
    { why: 'an unterminated list', text: '{"parties":[1,2,3', items: 3 },
  ])('$why: $items', ({ text, items }) => expect(countTopLevelItems(text, 100)).toBe(items));

  it('stops counting past the limit', () => {
    const text = `{"parties":[${Array.from({ length: 1000 }, () => '{"name":"a"}').join(',')}]}`;
    expect(countTopLevelItems(text, 10)).toBe(11);
    expect(countTopLevelItems(text, 1000)).toBe(1000);
  });
});

describe('countCsvRecords', () => {
  it.each([
    { why: 'a header and two rows', text: 'name,dob\na,1970\nb,1971\n', records: 3 },
    { why: 'no final line break', text: 'name\na\nb', records: 3 },
    { why: 'blank lines are skipped, as the parser skips them', text: 'name\n\na\n \n\nb\n', records: 3 },
    { why: 'a quoted line break is one record', text: 'name,notes\na,"line one\nline two"\nb,x\n', records: 3 },
    { why: 'escaped quotes', text: 'name\n"a ""b"""\nc\n', records: 3 },
    { why: 'CRLF', text: 'name\r\na\r\nb\r\n', records: 3 },
  ])('$why: $records', ({ text, records }) => expect(countCsvRecords(text)).toBe(records));
});
