/**
 * @module errors
 * What goes wrong reading an ownership file, and where: every problem names the line (JSON lines, CSV) or
 * the statement's place in a JSON array, the statement's id where it has one, and the field or column.
 * A file with problems loads nothing; all its problems (up to a hundred) are reported at once, so a user
 * fixes them in one pass rather than one per run.
 *
 * @example
 * // bods.json: statement 3 (statementId 0f31…), recordDetails.interests[0].share.maximum: 120 is more than 100
 */
import { EmbargoError } from '@embargo/core';

/** Where in a file something is. */
export interface FilePlace {
  /** 1-based line: of the JSON line, or of the CSV row. */
  line?: number;
  /** 1-based place of the statement or entity in a JSON array. */
  index?: number;
  /** The statement's or entity's own id (BODS `statementId`, FtM `id`). */
  statementId?: string;
  /** The field as the format names it (`recordDetails.interests[0].share.maximum`), or the CSV column's name. */
  field?: string;
  /** 1-based CSV column. */
  column?: number;
}

export interface OwnershipProblem extends FilePlace {
  reason: string;
}

/** The most problems one error lists: a file wrong on every line says so well enough in a hundred. */
export const MAX_PROBLEMS = 100;

/** "statement 3 (id 0f31…), recordDetails.subject" / "line 4, column 3 (share)". */
export function describePlace(place: FilePlace): string {
  const record = place.line !== undefined ? `line ${place.line}` : place.index !== undefined ? `statement ${place.index}` : undefined;
  const id = place.statementId !== undefined ? `id ${place.statementId}` : undefined;
  const parts = [record && id ? `${record} (${id})` : (record ?? id)];
  if (place.column !== undefined) parts.push(`column ${place.column}${place.field ? ` (${place.field})` : ''}`);
  else parts.push(place.field);
  return parts.filter((p) => p !== undefined).join(', ');
}

/** A file that could not be read as its ownership format; nothing from it was loaded. */
export class OwnershipParseError extends EmbargoError {
  readonly file: string;
  /** The problems found, at most `MAX_PROBLEMS`. */
  readonly problems: readonly OwnershipProblem[];
  /** How many problems there were, listed or not. */
  readonly problemCount: number;

  constructor(file: string, problems: readonly OwnershipProblem[], problemCount = problems.length) {
    const first = problems[0];
    const where = first ? describePlace(first) : '';
    const more = problemCount > 1 ? ` (and ${problemCount - 1} more problem${problemCount > 2 ? 's' : ''})` : '';
    const message = `${file}${where ? `: ${where}` : ''}: ${first?.reason ?? 'unreadable'}${more}`;
    super('OWNERSHIP_PARSE', message, { file, line: first?.line, field: first?.field, statementId: first?.statementId, problems });
    this.name = 'OwnershipParseError';
    this.file = file;
    this.problems = problems;
    this.problemCount = problemCount;
  }
}

/** Problems found while reading one file, thrown together at the end. */
export class ProblemList {
  readonly problems: OwnershipProblem[] = [];
  private total = 0;

  add(place: FilePlace, reason: string): void {
    if (this.total++ < MAX_PROBLEMS) this.problems.push({ ...place, reason });
  }

  get count(): number {
    return this.total;
  }

  /** Throws the file's problems, if it has any. */
  throwIfAny(file: string): void {
    if (this.total > 0) throw new OwnershipParseError(file, this.problems, this.total);
  }
}
