/**
 * @module fields
 * Reading the fields of one JSON record strictly: a required field that is missing, or a field of the
 * wrong type or outside its code list, is a problem naming the record and the field's path
 * (`recordDetails.interests[0].type`). Each reader returns undefined after reporting, so that one
 * record's problems are all found in one pass.
 */
import type { FilePlace, ProblemList } from './errors.js';
import { isObject } from './json-records.js';

export type Json = Record<string, unknown>;

export class FieldReader {
  constructor(
    private readonly place: FilePlace,
    private readonly problems: ProblemList,
  ) {}

  /** Reports a problem with the field at `path`. */
  fail(path: string, reason: string): undefined {
    this.problems.add({ ...this.place, field: path }, reason);
    return undefined;
  }

  private present(obj: Json, key: string, path: string, required: boolean): unknown {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.fail(path, 'is required');
      return undefined;
    }
    return value;
  }

  string(obj: Json, key: string, path: string, required = false): string | undefined {
    const value = this.present(obj, key, path, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.fail(path, `must be a string, not ${JSON.stringify(value)}`);
    if (required && value.trim() === '') return this.fail(path, 'is required and is empty');
    return value;
  }

  boolean(obj: Json, key: string, path: string, required = false): boolean | undefined {
    const value = this.present(obj, key, path, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.fail(path, `must be true or false, not ${JSON.stringify(value)}`);
    return value;
  }

  code<T extends string>(obj: Json, key: string, path: string, codes: readonly T[], required = false): T | undefined {
    const value = this.string(obj, key, path, required);
    if (value === undefined) return undefined;
    if (!(codes as readonly string[]).includes(value)) return this.fail(path, `"${value}" is not one of ${codes.join(', ')}`);
    return value as T;
  }

  object(obj: Json, key: string, path: string, required = false): Json | undefined {
    const value = this.present(obj, key, path, required);
    if (value === undefined) return undefined;
    if (!isObject(value)) return this.fail(path, `must be an object, not ${JSON.stringify(value)?.slice(0, 40)}`);
    return value;
  }

  /** An array of objects; an element that is not an object is reported and left out. */
  objects(obj: Json, key: string, path: string, required = false): Json[] {
    const value = this.present(obj, key, path, required);
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.fail(path, `must be an array, not ${JSON.stringify(value)?.slice(0, 40)}`) ?? [];
    return value.filter((item, i): item is Json => isObject(item) || (this.fail(`${path}[${i}]`, 'must be an object') ?? false));
  }

  /** A date checked with `problem` (one of dates.ts), reported under the field's path. */
  date(obj: Json, key: string, path: string, problem: (value: string) => string | undefined, required = false): string | undefined {
    const value = this.string(obj, key, path, required);
    if (value === undefined) return undefined;
    const why = problem(value);
    return why ? this.fail(path, why) : value;
  }
}
