/**
 * @module formats/ofac-common/unique-entities
 * The entities of one file, first one wins: a record id listed twice is reported as a record issue
 * naming the line, and the later record is skipped, so one bad record never stops a load.
 */
import type { Entity, RecordIssue } from '@embargo/core';

export class UniqueEntities {
  readonly entities: Entity[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly issues: RecordIssue[],
    /** What the file calls a record, for the issue message ("uid", "DistinctParty", "entity"). */
    private readonly recordName: string,
  ) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Adds the entity unless its id was already added; returns whether it was added. */
  add(entity: Entity, file: string, line: number | undefined): boolean {
    if (this.ids.has(entity.id)) {
      this.issues.push({ file, line, recordId: entity.id, message: `${this.recordName} listed twice; the later one was skipped` });
      return false;
    }
    this.ids.add(entity.id);
    this.entities.push(entity);
    return true;
  }
}
