/**
 * @module parsed-file
 * What reading an ownership file gives: the graph's nodes and edges, and the facts the file states that
 * are not current and so are not in the graph (an interest that ended, a record the publisher closed),
 * each with its place in the file, so that nothing is dropped without a word.
 */
import type { OwnershipStatements } from '@embargo/core';
import type { FilePlace } from './errors.js';

export type OwnershipFormat = 'bods' | 'ftm' | 'csv';

export interface LeftOut extends FilePlace {
  reason: string;
}

export interface ParsedOwnershipFile extends OwnershipStatements {
  /** The file's name as given. */
  file: string;
  format: OwnershipFormat;
  leftOut: LeftOut[];
}

export interface OwnershipParseOptions {
  /**
   * The day (YYYY-MM-DD) the graph describes: an interest whose end date is on or before it has ended, one
   * whose start date is after it has not begun. Without it, every interest with an end date has ended
   * (publishers state an end once it has happened) and every start date has passed.
   */
  asOf?: string;
}
