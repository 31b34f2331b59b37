/**
 * @module csv/read-csv
 * Rows of a CSV file as RFC 4180 writes them: fields separated by commas, a field in double quotes may
 * hold commas, line breaks and doubled quotes (`"Acme, ""Holdings"""`); CRLF or LF line ends; a BOM is
 * skipped. Each row keeps the line it starts on. A quote inside an unquoted field, text after a closing
 * quote and an unclosed quote are problems with their line and column.
 */
import type { ProblemList } from '../errors.js';

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  cells: string[];
}

export function readCsv(text: string, problems: ProblemList): CsvRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let afterQuote = false;
  let bad = false;
  const endRow = () => {
    cells.push(cell);
    // A line with nothing on it is no row (a final newline, a blank line between rows).
    if (!bad && !(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
    bad = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (c === '"' && cell.trim() === '' && !afterQuote) {
      quoted = true;
      cell = '';
    } else if (afterQuote && c !== ' ' && c !== '\t') {
      if (!bad) problems.add({ line, column: cells.length + 1 }, 'text after the closing quote of a quoted field');
      bad = true;
    } else if (c === '"') {
      if (!bad)
        problems.add(
          { line, column: cells.length + 1 },
          'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b""")',
        );
      bad = true;
    } else if (!afterQuote) cell += c;
  }
  if (quoted) problems.add({ line: rowLine, column: cells.length + 1 }, 'a quoted field is never closed');
  else if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
