/**
 * @module shipment/csv
 * Shipments written as CSV (RFC 4180: commas, double quotes, a header row), one goods line or one party
 * per row: rows with the same `id` are one shipment. The shipment's own columns (date, origin,
 * destination, ports, vessel) are written on its first row and either repeated alike or left empty on the
 * others; a row that says otherwise is refused with its line and column.
 *
 *     id,date,origin,destination,portOfLoading,portOfLoadingCountry,portOfDischarge,portOfDischargeCountry,vesselName,vesselImo,hs,description,value,currency,partyRole,partyName,partyCountry
 *     B1,2017-09-20,KP,CN,Nampo,KP,Dandong,CN,CHON MA SAN,8660313,2701,anthracite,2400000,USD,buyer,Dandong Zhicheng Metallic Materials,CN
 *
 * @example
 * parseShipmentCsv(text) // one result per shipment id, in the order the ids first appear
 */
import type { ShipmentParseResult } from '@embargo/core';
import { readShipmentRecord } from './fields.js';

/** The columns, in the header's spelling (matched without case, spaces, dashes or underscores). */
export const SHIPMENT_CSV_COLUMNS = [
  'id',
  'date',
  'origin',
  'destination',
  'portOfLoading',
  'portOfLoadingCountry',
  'portOfDischarge',
  'portOfDischargeCountry',
  'vesselName',
  'vesselImo',
  'hs',
  'description',
  'value',
  'currency',
  'partyRole',
  'partyName',
  'partyCountry',
] as const;
type Column = (typeof SHIPMENT_CSV_COLUMNS)[number];

const GOOD_COLUMNS: readonly Column[] = ['hs', 'description', 'value', 'currency'];
const PARTY_COLUMNS: readonly Column[] = ['partyRole', 'partyName', 'partyCountry'];
/** Columns that describe the shipment itself (all but its id, goods and parties): alike on every row of one id. */
const SHIPMENT_COLUMNS: readonly Column[] = SHIPMENT_CSV_COLUMNS.filter(
  (c) => c !== 'id' && !GOOD_COLUMNS.includes(c) && !PARTY_COLUMNS.includes(c),
);
/** A plain decimal number: the value column is a number of the currency's units, no thousands separators. */
const DECIMAL = /^\d+(\.\d+)?$/;

interface CsvRow {
  line: number;
  cells: string[];
}

type CsvProblem = { line: number; field?: string; reason: string };

/** The rows of a CSV text with the line each starts on; a malformed quote stops it, naming the line. */
function csvRows(text: string): CsvRow[] | CsvProblem {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStarted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          return { line, reason: `a quoted cell must end at a comma or the end of the line (column ${cells.length + 1})` };
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cellStarted) return { line, reason: `a quote inside an unquoted cell (column ${cells.length + 1}): quote the whole cell` };
      quoted = true;
      cellStarted = true;
    } else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endCell();
      if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      line++;
      rowLine = line;
    } else {
      cell += c;
      cellStarted = true;
    }
  }
  if (quoted) return { line: rowLine, reason: 'a quoted cell is not closed' };
  endCell();
  if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

const columnKey = (name: string) => name.replace(/[\s_-]/g, '').toLowerCase();
const COLUMN_BY_KEY = new Map(SHIPMENT_CSV_COLUMNS.map((c) => [columnKey(c), c]));

function headerColumns(header: CsvRow): Column[] | CsvProblem {
  const columns: Column[] = [];
  for (const [i, name] of header.cells.entries()) {
    const column = COLUMN_BY_KEY.get(columnKey(name));
    if (!column)
      return { line: header.line, field: name, reason: `column ${i + 1} "${name}" is not one of ${SHIPMENT_CSV_COLUMNS.join(', ')}` };
    if (columns.includes(column)) return { line: header.line, field: column, reason: `column "${column}" appears twice` };
    columns.push(column);
  }
  for (const needed of ['id', 'date', 'origin', 'destination', 'hs', 'description'] as const)
    if (!columns.includes(needed)) return { line: header.line, field: needed, reason: `the header has no "${needed}" column` };
  return columns;
}

/** The record one id's rows make, in the JSON form `readShipmentRecord` reads, or the row and column that contradict it. */
function recordOf(rows: { line: number; values: Partial<Record<Column, string>> }[]): { record: Record<string, unknown> } | CsvProblem {
  const shipment: Partial<Record<Column, string>> = {};
  const goods: Record<string, unknown>[] = [];
  const parties: Record<string, unknown>[] = [];
  for (const { line, values } of rows) {
    for (const column of SHIPMENT_COLUMNS) {
      const value = values[column];
      if (!value) continue;
      if (shipment[column] !== undefined && shipment[column] !== value)
        return { line, field: column, reason: `"${value}" differs from "${shipment[column]}" on an earlier row of shipment ${values.id}` };
      shipment[column] = value;
    }
    if (GOOD_COLUMNS.some((c) => values[c])) {
      const good: Record<string, unknown> = { hs: values.hs ?? '', description: values.description ?? '' };
      if (values.value) {
        if (!DECIMAL.test(values.value)) return { line, field: 'value', reason: `"${values.value}" is not a number written 1234.56` };
        good.value = Number(values.value);
      }
      if (values.currency) good.currency = values.currency;
      goods.push(good);
    }
    if (PARTY_COLUMNS.some((c) => values[c])) {
      const party: Record<string, unknown> = { role: values.partyRole ?? '', name: values.partyName ?? '' };
      if (values.partyCountry) party.country = values.partyCountry;
      parties.push(party);
    }
  }
  const record: Record<string, unknown> = {
    id: rows[0].values.id,
    date: shipment.date ?? '',
    origin: shipment.origin ?? '',
    destination: shipment.destination ?? '',
    goods,
    parties,
  };
  const port = (name: Column, countryColumn: Column) =>
    shipment[name] || shipment[countryColumn] ? { name: shipment[name] ?? '', country: shipment[countryColumn] ?? '' } : undefined;
  const loading = port('portOfLoading', 'portOfLoadingCountry');
  const discharge = port('portOfDischarge', 'portOfDischargeCountry');
  if (loading) record.portOfLoading = loading;
  if (discharge) record.portOfDischarge = discharge;
  if (shipment.vesselName || shipment.vesselImo)
    record.vessel = {
      ...(shipment.vesselName ? { name: shipment.vesselName } : {}),
      ...(shipment.vesselImo ? { imo: shipment.vesselImo } : {}),
    };
  return { record };
}

/** The CSV column a record field's problem is in (`goods[1].hs` → `hs` of the goods' second row). */
function csvField(field: string): string {
  const m = /^(goods|parties)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) return m[1] === 'parties' ? `party${m[3][0].toUpperCase()}${m[3].slice(1)}` : m[3];
  const port = /^(portOfLoading|portOfDischarge)\.(name|country)$/.exec(field);
  if (port) return port[2] === 'name' ? port[1] : `${port[1]}Country`;
  const vessel = /^vessel\.(name|imo)$/.exec(field);
  if (vessel) return vessel[1] === 'name' ? 'vesselName' : 'vesselImo';
  return field;
}

/** The line of the row a record field's problem comes from. */
function lineOf(field: string, rows: { line: number; values: Partial<Record<Column, string>> }[]): number {
  const m = /^(goods|parties)\[(\d+)\]/.exec(field);
  if (!m) return rows[0].line;
  const columns = m[1] === 'goods' ? GOOD_COLUMNS : PARTY_COLUMNS;
  const carrying = rows.filter((r) => columns.some((c) => r.values[c]));
  return carrying[Number(m[2])]?.line ?? rows[0].line;
}

/** Every shipment of a CSV text: one result per id, in the order the ids first appear. */
export function parseShipmentCsv(text: string): ShipmentParseResult[] {
  const parsed = csvRows(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(parsed)) return [{ error: { record: 1, ...parsed } }];
  if (parsed.length < 2) return [{ error: { record: 1, line: 1, reason: 'the CSV needs a header row and at least one shipment row' } }];
  const columns = headerColumns(parsed[0]);
  if (!Array.isArray(columns)) return [{ error: { record: 1, ...columns } }];
  const byId = new Map<string, { line: number; values: Partial<Record<Column, string>> }[]>();
  const results: ShipmentParseResult[] = [];
  for (const row of parsed.slice(1)) {
    if (row.cells.length !== columns.length) {
      results.push({
        error: { record: 0, line: row.line, reason: `${row.cells.length} cells; the header has ${columns.length}` },
      });
      continue;
    }
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((c, i) => (values[c] = row.cells[i].trim()));
    const id = values.id ?? '';
    if (id === '') {
      results.push({ error: { record: 0, line: row.line, field: 'id', reason: 'is empty' } });
      continue;
    }
    byId.set(id, [...(byId.get(id) ?? []), { line: row.line, values }]);
  }
  for (const rows of byId.values()) {
    const record = 0;
    const made = recordOf(rows);
    if (!('record' in made)) {
      results.push({ error: { record, ...made } });
      continue;
    }
    const read = readShipmentRecord(made.record);
    if (read.problem)
      results.push({
        error: { record, line: lineOf(read.problem.field, rows), field: csvField(read.problem.field), reason: read.problem.reason },
      });
    else results.push({ shipment: read.shipment });
  }
  // Records are numbered as answered: rows that could not be read first, then one per shipment id.
  return results.map((r, i) => (r.error ? { error: { ...r.error, record: i + 1 } } : r));
}
