/**
 * @module mt/problem
 * Why part of an MT message could not be read, as a value: the field tag or header block and the line of the
 * file. The message number is added by `parseMtMessages`, which alone knows which message of the file it is.
 */

export interface MtProblem {
  /** Field tag (`50F`, `32A`), header block (`1`, `2`, `3`, `4`) or ACK field (`451`) the problem is in. */
  field?: string;
  /** Line of the file, from 1. */
  line?: number;
  reason: string;
}

/** A parsed value or the problem that stopped it. */
export type MtParsed<T> = { value: T; problem?: undefined } | { value?: undefined; problem: MtProblem };

export function mtProblem(reason: string, field?: string, line?: number): { problem: MtProblem } {
  return { problem: { reason, ...(field === undefined ? {} : { field }), ...(line === undefined ? {} : { line }) } };
}
