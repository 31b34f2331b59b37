/**
 * @module format
 * The contract every list-format module fulfils: files in, core entities out. A format module knows
 * one publisher's layout and nothing about storage, matching or the CLI.
 */
import type { Entity, ListSource, RecordIssue, Relationship } from '@embargo/core';
import type { FileDigest } from './io.js';

/** The formats Embargo reads, one module each under `formats/`. */
export const FORMAT_NAMES = [
  'ofac-csv',
  'ofac-xml',
  'ofac-advanced',
  'ofac-enhanced',
  'un-xml',
  'uk-hmt-csv',
  'uk-ofsi-xlsx',
  'eu-fsf-xml',
  'au-dfat-xlsx',
  'ca-sema-xml',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** A file on disk, named as the user should see it in messages (relative to the loaded folder). */
export interface ListFile {
  /** Absolute or cwd-relative path used to open it. */
  path: string;
  /** Display name for errors and reports, e.g. `ofac-sdn/2023-12-28/sdn.csv`. */
  name: string;
  /** Hashes the bytes as the parser reads them, so loading need not read the file again to hash it. */
  digest?: FileDigest;
}

/** What a format module returns for one publication. */
export interface ParsedList {
  format: FormatName;
  source: ListSource;
  /** YYYY-MM-DD when the files state it, else null. */
  published: string | null;
  entities: Entity[];
  relationships: Relationship[];
  /** Problems with single records that did not stop the load (unparseable date, unknown country…). */
  issues: RecordIssue[];
}
