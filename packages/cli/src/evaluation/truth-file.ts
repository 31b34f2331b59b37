/**
 * @module evaluation/truth-file
 * Reads a truth file for `embargo evaluate`: one JSON object a line,
 * `{"id","category","expect":[record ids],"forbid":[record ids]}` (the dev set's format). A malformed line
 * stops the evaluation with an error naming the file, line and field: a validation that quietly skipped
 * lines would report figures on a set other than the one the bank labelled.
 */
import { readFile } from 'node:fs/promises';
import { EmbargoError, type EvaluationTruth } from '@embargo/core';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '');

/** The truth lines of `path`, in file order; blank lines are allowed, a repeated id is not. */
export async function readTruthFile(path: string): Promise<EvaluationTruth[]> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new EmbargoError('INVALID_INPUT', `${path}: cannot read the truth file (${e.code ?? e.message})`, { file: path });
  });
  const truths: EvaluationTruth[] = [];
  const lineOfId = new Map<string, number>();
  for (const [i, line] of text.split('\n').entries()) {
    const n = i + 1;
    if (!line.trim()) continue;
    const refuse = (reason: string, field?: string) =>
      new EmbargoError('INVALID_INPUT', `${path}:${n}: ${reason}`, { file: path, line: n, ...(field ? { field } : {}) });
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw refuse(`not valid JSON (${(e as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw refuse('expected one JSON object a line');
    const { id, category, expect, forbid } = row as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw refuse(`id must be a non-empty string, not ${JSON.stringify(id)}`, 'id');
    if (typeof category !== 'string' || category === '')
      throw refuse(`category must be a non-empty string, not ${JSON.stringify(category)}`, 'category');
    if (!isStringArray(expect))
      throw refuse(`expect must be an array of record ids ([] for a negative), not ${JSON.stringify(expect)}`, 'expect');
    if (!isStringArray(forbid))
      throw refuse(`forbid must be an array of record ids ([] when none), not ${JSON.stringify(forbid)}`, 'forbid');
    const earlier = lineOfId.get(id);
    if (earlier !== undefined) throw refuse(`id "${id}" is already the id of line ${earlier}`, 'id');
    lineOfId.set(id, n);
    truths.push({ id, category, expect, forbid });
  }
  if (truths.length === 0) throw new EmbargoError('INVALID_INPUT', `${path}: the truth file has no lines`, { file: path });
  return truths;
}
