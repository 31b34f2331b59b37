/**
 * @module mt/sequences
 * The sequences of a message's fields and the source prefix each gives its fields. MT103, MT202 and MT205
 * have one sequence. A cover (MT202COV, MT205COV) adds sequence B, the underlying customer credit
 * transfer, from its ordering customer 50a on (sequence A, the bank-to-bank transfer, has no field 50):
 * its fields are `B/50F`, `B/59F`, `B/70`. An MT101 has sequence A (the instruction) and one sequence B
 * per transaction, each starting at its field 21: `B[1]/59`, `B[2]/59`.
 *
 * @example
 * sequencesOf('cover', fields) // [{ prefix: '', fields: [20, 21, 32A, 52A, …] }, { prefix: 'B/', fields: [50F, 52A, 57A, 59F] }]
 */
import type { MtField } from './fields.js';

export type MtLayout = 'single' | 'cover' | 'transactions';

export interface MtSequence {
  /** Prefix of its fields' sources: `` for sequence A, `B/` for a cover's sequence B, `B[n]/` for MT101 transaction n. */
  prefix: string;
  fields: MtField[];
  /** Line of its first field (of block 4 for an empty sequence A). */
  line: number;
}

export function sequencesOf(layout: MtLayout, fields: MtField[], textBlockLine: number): MtSequence[] {
  const startsB = layout === 'cover' ? (f: MtField) => f.tag.startsWith('50') : (f: MtField) => f.tag === '21';
  const firstB = layout === 'single' ? -1 : fields.findIndex(startsB);
  const a = firstB < 0 ? fields : fields.slice(0, firstB);
  const sequences: MtSequence[] = [{ prefix: '', fields: a, line: a[0]?.line ?? textBlockLine }];
  if (firstB < 0) return sequences;
  if (layout === 'cover') return [...sequences, { prefix: 'B/', fields: fields.slice(firstB), line: fields[firstB].line }];
  for (const field of fields.slice(firstB)) {
    if (startsB(field)) sequences.push({ prefix: `B[${sequences.length}]/`, fields: [], line: field.line });
    sequences[sequences.length - 1].fields.push(field);
  }
  return sequences;
}
