/**
 * @module formats/uk-ofsi-xlsx/xlsx-package
 * Opens an .xlsx file far enough to read its first worksheet: unzips the workbook, its relationships, the
 * shared strings and the worksheets (zlib, within the bounds of zip-bounds.ts), and finds the first sheet's part through xl/workbook.xml and
 * xl/_rels/workbook.xml.rels rather than assuming "sheet1.xml". Only the parts read are unpacked, and only
 * within `XLSX_LIMITS` (entry count and unpacked size, declared and real: see zip-bounds.ts).
 */
import { isEmbargoError, listParseError, type EmbargoError } from '@embargo/core';
import { SaxesParser } from 'saxes';
import type { ListFile } from '../../format.js';
import { UnpackBudget, unpackEntry, XLSX_LIMITS, zipEntries, type ZipLimits } from '../../zip-bounds.js';

/** The XML parts of the workbook, decoded. */
export interface XlsxParts {
  /** Zip member name of the first worksheet, e.g. "xl/worksheets/sheet1.xml". */
  sheetPath: string;
  sheetXml: string;
  /** Absent when every string is inline. */
  sharedStringsXml?: string;
  /** docProps/core.xml (title, created and modified dates), where the workbook has one. */
  corePropertiesXml?: string;
}

const DEFAULT_SHEET = 'xl/worksheets/sheet1.xml';

export function openXlsx(file: ListFile, bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): XlsxParts {
  if (bytes.length === 0) throw listParseError(file.name, undefined, 'file is empty');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw listParseError(file.name, undefined, 'not an .xlsx workbook (the file is not a zip archive)');
  }
  const entries = new Map(zipEntries(file.name, bytes, limits).map((e) => [e.name, e]));
  const budget = new UnpackBudget(file.name, limits);
  const text = (path: string) => {
    const entry = entries.get(path);
    return entry ? decodeMember(file, path, unpackEntry(file.name, bytes, entry, budget)) : undefined;
  };
  const sheetPath = firstSheetPath(file, text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const sheetXml = text(sheetPath);
  if (sheetXml === undefined) throw listParseError(file.name, undefined, `the workbook has no worksheet ${sheetPath}`);
  return { sheetPath, sheetXml, sharedStringsXml: text('xl/sharedStrings.xml'), corePropertiesXml: text('docProps/core.xml') };
}

function decodeMember(file: ListFile, path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw listParseError(file.name, undefined, `${path} is not valid UTF-8`, e);
  }
}

/** The first <sheet> of the workbook, through its r:id relationship; sheet1.xml when the workbook says nothing. */
function firstSheetPath(file: ListFile, workbookXml: string | undefined, relsXml: string | undefined): string {
  if (!workbookXml || !relsXml) return DEFAULT_SHEET;
  let relId: string | undefined;
  scanTags(file, 'xl/workbook.xml', workbookXml, (name, attrs) => {
    if (relId === undefined && localName(name) === 'sheet')
      relId = attrs['r:id'] ?? Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1];
  });
  let target: string | undefined;
  scanTags(file, 'xl/_rels/workbook.xml.rels', relsXml, (name, attrs) => {
    if (localName(name) === 'Relationship' && attrs.Id === relId) target = attrs.Target;
  });
  if (!target) return DEFAULT_SHEET;
  // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute within the package ("/xl/worksheets/sheet1.xml").
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Calls `onTag` for each opening tag of a small XML part; malformed XML is a LIST_PARSE error naming the part. */
export function scanTags(file: ListFile, part: string, xml: string, onTag: (name: string, attrs: Record<string, string>) => void): void {
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => onTag(tag.name, tag.attributes as Record<string, string>));
  try {
    parser.write(xml).close();
  } catch (e) {
    throw xmlPartError(file, part, parser, e);
  }
}

/** A saxes failure in one zip member as a LIST_PARSE error; our own errors thrown from handlers pass through. */
export function xmlPartError(file: ListFile, part: string, parser: { line: number; column: number }, e: unknown): EmbargoError {
  if (isEmbargoError(e)) return e;
  const reason = (e instanceof Error ? e.message : String(e)).replace(/^\d+:\d+: /, '');
  return listParseError(file.name, undefined, `${part} is malformed at line ${parser.line}, column ${parser.column}: ${reason}`, e);
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
