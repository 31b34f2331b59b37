/**
 * @module formats/uk-ofsi-xlsx/sheet-xml
 * Reads the cells of a SpreadsheetML worksheet: `<row r="3"><c r="A3" t="s"><v>36</v></c>…`. Strings are
 * shared (t="s", an index into xl/sharedStrings.xml), inline (t="inlineStr", `<is><t>…</t></is>`) or formula
 * results (t="str"); empty cells are left out, so "A3" may be followed by "M3", and a DOB cell with no value is
 * written `<c r="K3" s="1"/>`. Rich-text runs (`<r><t>`) are joined; phonetic runs (`<rPh>`) are not text.
 */
import { listParseError } from '@embargo/core';
import { SaxesParser } from 'saxes';
import type { ListFile } from '../../format.js';
import { localName, xmlPartError } from './xlsx-package.js';

export interface SheetRow {
  /** The row number Excel shows (1-based). */
  number: number;
  /** Cell texts by column, '' for gaps. */
  cells: string[];
}

export function readSharedStrings(file: ListFile, xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') strings.push(current ?? '');
    else if (name === 'rPh') phonetic--;
    else if (name === 't') inText = false;
  });
  parser.on('text', (text) => {
    if (inText && current !== null) current += text;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw xmlPartError(file, 'xl/sharedStrings.xml', parser, e);
  }
  return strings;
}

/** "AJ18800" → 35 (zero-based column of the reference). */
export function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function readSheetRows(file: ListFile, part: string, xml: string, sharedStrings: readonly string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cell: Cell | null = null;
  let reading: 'v' | 't' | null = null;
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (name === 'row') {
      const number = Number(attrs.r) || (rows.at(-1)?.number ?? 0) + 1;
      row = { number, cells: [] };
    } else if (name === 'c' && row) {
      const column = (attrs.r ? columnIndex(attrs.r) : undefined) ?? row.cells.length;
      cell = { ref: attrs.r ?? '', column, type: attrs.t ?? 'n', value: '', inline: '' };
    } else if (cell && (name === 'v' || name === 't')) reading = name;
  });
  parser.on('text', (text) => {
    if (!cell || !reading) return;
    if (reading === 'v') cell.value += text;
    else cell.inline += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'v' || name === 't') reading = null;
    else if (name === 'c' && row && cell) {
      while (row.cells.length < cell.column) row.cells.push('');
      row.cells[cell.column] = cellText(file, row.number, cell, sharedStrings);
      cell = null;
    } else if (name === 'row' && row) {
      rows.push(row);
      row = null;
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw xmlPartError(file, part, parser, e);
  }
  return rows;
}

interface Cell {
  ref: string;
  column: number;
  /** t attribute: s (shared), inlineStr, str (formula result), n (number, the default), b, e. */
  type: string;
  value: string;
  inline: string;
}

function cellText(file: ListFile, rowNumber: number, cell: Cell, sharedStrings: readonly string[]): string {
  if (cell.type === 's') {
    const text = sharedStrings[Number(cell.value)];
    if (text === undefined) {
      throw listParseError(
        file.name,
        rowNumber,
        `cell ${cell.ref} refers to shared string "${cell.value}", but the workbook has ${sharedStrings.length}`,
      );
    }
    return text;
  }
  if (cell.type === 'inlineStr') return cell.inline;
  return cell.value;
}
