/**
 * Shipment input: the example files in `docs/examples/` (JSON Lines and the same shipments as CSV) read
 * alike, and each malformed record is refused with its line and field while the others are read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShipmentParseResult } from '@embargo/core';
import { REPO_ROOT } from '../../../../test/shared-data.js';
import { parseShipments } from './index.js';

const EXAMPLES = join(REPO_ROOT, 'docs', 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

const GOOD = {
  id: 'B1',
  date: '2017-09-20',
  origin: 'DPRK',
  destination: 'China',
  goods: [{ hs: '2701', description: 'anthracite' }],
  parties: [],
};

/** The errors of the results as [line, field, reason] triples. */
const errors = (results: ShipmentParseResult[]) => results.flatMap((r) => (r.error ? [[r.error.line, r.error.field, r.error.reason]] : []));
const firstError = (record: object) => parseShipments(JSON.stringify(record))[0].error!;

describe('the example shipments', () => {
  const jsonl = parseShipments(example('shipments.jsonl'));
  const csv = parseShipments(example('shipments.csv'));

  it('reads all four from JSON Lines, countries as codes with the words written beside them', () => {
    expect(errors(jsonl)).toEqual([]);
    expect(jsonl.map((r) => r.shipment!.id)).toEqual(['BL-NAM-DDG-0917', 'BL-SMD-DDG-0917', 'BL-KHO-BSN-1802', 'LC-DAL-NAM-1803']);
    const first = jsonl[0].shipment!;
    expect(first.origin).toEqual({ code: 'KP', written: 'DPRK' });
    expect(first.vessel).toEqual({ name: 'CHON MA SAN', imo: '8660313' });
    expect(first.goods).toEqual([{ hs: '2701', description: 'anthracite coal', value: 2_400_000, currency: 'USD' }]);
    expect(jsonl[2].shipment!.destination).toEqual({ code: 'KR', written: 'Korea, Republic of' });
    expect(jsonl[1].shipment!.goods[0].hs).toBe('270112');
  });

  it('reads the same shipments from CSV, rows of one id gathered into one shipment', () => {
    expect(errors(csv)).toEqual([]);
    expect(csv.map((r) => r.shipment)).toEqual(jsonl.map((r) => r.shipment));
  });

  it('reads a JSON array, and one object written over several lines', () => {
    const array = `[\n${example('shipments.jsonl').trim().split('\n').join(',\n')}\n]`;
    expect(parseShipments(array).map((r) => r.shipment)).toEqual(jsonl.map((r) => r.shipment));
    expect(parseShipments(JSON.stringify(GOOD, null, 2))[0].shipment!.id).toBe('B1');
  });
});

describe('malformed records are refused with their line and field; the others are read', () => {
  it('names the line of a JSON Lines record and its field', () => {
    const text = [
      JSON.stringify(GOOD),
      JSON.stringify({ ...GOOD, id: 'B2', date: '20/09/2017' }),
      JSON.stringify({ ...GOOD, id: 'B3' }),
    ].join('\n');
    const results = parseShipments(text);
    expect(results.map((r) => r.shipment?.id ?? null)).toEqual(['B1', null, 'B3']);
    expect(errors(results)).toEqual([[2, 'date', '"20/09/2017" is not a date written YYYY-MM-DD']]);
  });

  it('names the line an array element starts on', () => {
    const text = `[\n  ${JSON.stringify(GOOD)},\n\n  ${JSON.stringify({ ...GOOD, origin: 'Narnia' })}\n]`;
    expect(errors(parseShipments(text))).toEqual([
      [4, 'origin', '"Narnia" is not a country: write its ISO 3166 code (KP, CN) or its English name'],
    ]);
  });

  it('reports a line that is not JSON', () => {
    const results = parseShipments(`${JSON.stringify(GOOD)}\n{"id": "B2", `);
    expect(results[1].error).toMatchObject({ record: 2, line: 2 });
    expect(results[1].error!.reason).toMatch(/^not JSON/);
  });

  it.each([
    ['an HS code written as a number', { ...GOOD, goods: [{ hs: 306, description: 'crab' }] }, 'goods[0].hs', /must be text \("0306"\)/],
    ['an HS code of five digits', { ...GOOD, goods: [{ hs: '27011', description: 'coal' }] }, 'goods[0].hs', /has 5 digits/],
    [
      'a value written as text',
      { ...GOOD, goods: [{ hs: '2701', description: 'coal', value: '100', currency: 'USD' }] },
      'goods[0].value',
      /must be a number/,
    ],
    [
      'a value without its currency',
      { ...GOOD, goods: [{ hs: '2701', description: 'coal', value: 100 }] },
      'goods[0].currency',
      /needs its currency/,
    ],
    [
      'a currency that is not ISO 4217',
      { ...GOOD, goods: [{ hs: '2701', description: 'coal', value: 1, currency: 'usd' }] },
      'goods[0].currency',
      /ISO 4217/,
    ],
    ['no goods', { ...GOOD, goods: [] }, 'goods', /at least 1/],
    ['an IMO number whose check digit fails', { ...GOOD, vessel: { imo: '8660314' } }, 'vessel.imo', /fails its check digit/],
    ['an IMO number written as a number', { ...GOOD, vessel: { imo: 8660313 } }, 'vessel.imo', /not a number/],
    ['a vessel with neither name nor IMO number', { ...GOOD, vessel: {} }, 'vessel', /needs a name or an IMO number/],
    ['a port without its country', { ...GOOD, portOfLoading: { name: 'Nampo' } }, 'portOfLoading.country', /must be text/],
    ['a party role that does not exist', { ...GOOD, parties: [{ role: 'Buyer', name: 'X' }] }, 'parties[0].role', /is not a role/],
    ['a field the format does not have', { ...GOOD, incoterm: 'FOB' }, 'incoterm', /is not a field of a shipment/],
    [
      'a goods field the format does not have',
      { ...GOOD, goods: [{ hs: '2701', description: 'c', weight: 5 }] },
      'goods[0].weight',
      /is not a field/,
    ],
    ['a missing destination', { ...GOOD, destination: undefined }, 'destination', /is missing/],
    ['a date that does not exist', { ...GOOD, date: '2017-02-30' }, 'date', /day 30 does not exist/],
  ])('%s', (_why, record, field, reason) => {
    const error = firstError(record);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.line).toBe(1);
  });

  it('refuses empty input rather than answering nothing', () => {
    expect(errors(parseShipments('  \n'))).toEqual([[1, undefined, 'the input is empty']]);
  });
});

describe('CSV', () => {
  const header = 'id,date,origin,destination,hs,description,value,currency,partyRole,partyName';

  it('refuses a row that contradicts its shipment’s first row, naming the line and column', () => {
    const text = [header, 'B1,2017-09-20,KP,CN,2701,coal,,,,', 'B1,2017-09-21,KP,CN,,,,,buyer,X'].join('\n');
    expect(errors(parseShipments(text))).toEqual([[3, 'date', '"2017-09-21" differs from "2017-09-20" on an earlier row of shipment B1']]);
  });

  it('names the row of the goods line that is wrong, in the CSV column’s name', () => {
    const text = [header, 'B1,2017-09-20,KP,CN,2701,coal,,,,', 'B1,,,,27x1,coal,,,,', 'B2,2017-09-20,ID,CN,2701,coal,,,,'].join('\n');
    const results = parseShipments(text);
    expect(errors(results)).toEqual([[3, 'hs', '"27x1" holds something other than digits, dots and spaces']]);
    expect(results[1].shipment!.id).toBe('B2');
  });

  it('refuses a header column it does not know and a header without the needed ones', () => {
    expect(errors(parseShipments('id,date,origin,destination,hs,description,weight\nB1,2017-09-20,KP,CN,2701,coal,5'))[0][2]).toMatch(
      /column 7 "weight" is not one of/,
    );
    expect(errors(parseShipments('id,date,origin\nB1,2017-09-20,KP'))[0][2]).toBe('the header has no "destination" column');
  });

  it('refuses a value with a thousands separator and a row with too few cells', () => {
    expect(errors(parseShipments(`${header}\nB1,2017-09-20,KP,CN,2701,coal,"1,000",USD,,`))).toEqual([
      [2, 'value', '"1,000" is not a number written 1234.56'],
    ]);
    expect(errors(parseShipments(`${header}\nB1,2017-09-20,KP,CN`))).toEqual([[2, undefined, '4 cells; the header has 10']]);
  });

  it('refuses a quote opened and never closed, and a quote inside a cell', () => {
    expect(errors(parseShipments(`${header}\nB1,2017-09-20,KP,CN,2701,"coal,,,,`))).toEqual([
      [2, undefined, 'a quoted cell is not closed'],
    ]);
    expect(errors(parseShipments(`${header}\nB1,2017-09-20,KP,CN,2701,coal "lump",,,,`))[0][2]).toMatch(/a quote inside an unquoted cell/);
  });
});
