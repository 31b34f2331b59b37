/**
 * @module search/linked-records
 * For each matched record, the records other lists keep for the same party: what search/party-groups.ts
 * needs to show one row per party. The screen response gives them (`linkedIds`); a match without them (an
 * answer recorded before the server gave them) has them read from its profile (`GET /v1/entities/:id` →
 * `links`).
 * A profile that cannot be read is reported by id with the reason, and its record is then shown on its own.
 */
import type { EntityResponse, Match } from '../api/types';

export interface LinkedRecords {
  /** Record id → ids of the same party's records on other lists. */
  links: Map<string, string[]>;
  /** Records whose links could not be read, with why. */
  failures: { id: string; reason: string }[];
}

export async function readLinkedRecords(
  matches: readonly Match[],
  getEntity: (id: string) => Promise<EntityResponse>,
): Promise<LinkedRecords> {
  const links = new Map<string, string[]>();
  for (const m of matches) if (m.linkedIds) links.set(m.id, m.linkedIds);
  const unknown = matches.filter((m) => !m.linkedIds);
  const answers = await Promise.allSettled(unknown.map((m) => getEntity(m.id)));
  const failures: LinkedRecords['failures'] = [];
  answers.forEach((answer, i) => {
    const id = unknown[i].id;
    if (answer.status === 'fulfilled')
      links.set(
        id,
        answer.value.links.map((l) => l.other.id),
      );
    else failures.push({ id, reason: answer.reason instanceof Error ? answer.reason.message : String(answer.reason) });
  });
  return { links, failures };
}
