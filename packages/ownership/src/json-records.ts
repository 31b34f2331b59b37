/**
 * @module json-records
 * The records of a JSON file, each with its place: a JSON array (BODS packages are arrays) or JSON lines,
 * one object per line (the FollowTheMoney export format, and BODS streams). Blank lines are skipped.
 */
import { jsonArrayElements } from '@embargo/core';
import type { FilePlace } from './errors.js';
import type { ProblemList } from './errors.js';

export interface JsonRecord {
  value: Record<string, unknown>;
  place: FilePlace;
}

/** Whether a text is JSON of either shape, by its first character. */
export function looksLikeJson(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{';
}

/** The objects of a JSON array or of JSON lines; anything else is a problem with its line. */
export function readJsonRecords(text: string, problems: ProblemList): JsonRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  return body.trimStart().startsWith('[') ? readArray(body, problems) : readLines(body, problems);
}

function readArray(text: string, problems: ProblemList): JsonRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    problems.add({ line: lineOfError(text) }, `not JSON: ${(e as Error).message}`);
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.add({ line: 1 }, 'a JSON array must hold the whole file');
    return [];
  }
  const records: JsonRecord[] = [];
  parsed.forEach((value, i) => {
    if (isObject(value)) records.push({ value, place: { index: i + 1 } });
    else problems.add({ index: i + 1 }, `${JSON.stringify(value)?.slice(0, 40)} is not an object`);
  });
  return records;
}

function readLines(text: string, problems: ProblemList): JsonRecord[] {
  const records: JsonRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isObject(value)) records.push({ value, place: { line: i + 1 } });
      else problems.add({ line: i + 1 }, `${line.slice(0, 40)} is not a JSON object`);
    } catch (e) {
      problems.add({ line: i + 1 }, `not JSON: ${(e as Error).message}`);
    }
  });
  return records;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The line where an unparseable JSON array goes wrong: the first line of the first element that does not
 * parse alone, else where the array itself is malformed, else the last line. Node's messages do not always
 * give a position.
 */
function lineOfError(text: string): number {
  const { elements, error } = jsonArrayElements(text);
  for (const element of elements)
    try {
      JSON.parse(element.text);
    } catch {
      return element.line; // the element's own syntax error: its line is the answer
    }
  return error?.line ?? text.split('\n').length;
}
