/**
 * @module alerts/cases
 * Which case a new alert joins (issue 16, point 4). A case is one customer's unresolved alerts on one
 * party: the lists keep one party under several records (KOMID is ofac:9345 on the SDN list, un:KPe.001
 * on the UN list and a UK record), linked across lists, and a customer matching all three is one
 * question for the analyst, not three. A new alert joins an unresolved case of the same customer that
 * holds its record, or a record linked to it; alerts of one screening that are linked to each other
 * form one new case. Pure: the store reads the customer's unresolved alerts and stores the answer.
 */

/** A new alert, as far as grouping goes. */
export interface AlertToGroup {
  id: string;
  /** Whose party it is: the tenant and customer key (or, without a customer, the screening). */
  partyKey: string;
  entityId: string;
  /** The records other lists keep for the same party (the match's `linkedIds`). */
  linkedIds: readonly string[];
}

/** An unresolved alert already in a case. */
export interface AlertInCase {
  partyKey: string;
  entityId: string;
  caseId: string;
}

export interface CaseAssignment {
  /** The case of every new alert, by alert id. */
  caseOf: Map<string, string>;
  /** The cases to create, named by their first alert's id, each with that alert's party key. */
  newCases: Map<string, string>;
}

/**
 * The case each new alert goes to. An alert linked to an existing case of its party joins the oldest
 * such case (the first given); new alerts linked to each other, directly or through a third, share one.
 * @example groupIntoCases([{ id: 'a1', partyKey: 't/c1', entityId: 'un:KPe.001', linkedIds: ['ofac:9345'] }],
 *   [{ partyKey: 't/c1', entityId: 'ofac:9345', caseId: 'a0' }]) // caseOf: a1 → a0, newCases: none
 */
export function groupIntoCases(alerts: readonly AlertToGroup[], existing: readonly AlertInCase[]): CaseAssignment {
  // Union-find over the new alerts; a group's root is its earliest alert, so a case is named by its first.
  const order = new Map(alerts.map((a, i) => [a.id, i]));
  const parent = new Map<string, string>(alerts.map((a) => [a.id, a.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const join = (a: string, b: string) => {
    const [x, y] = [root(a), root(b)];
    if (x === y) return;
    if (order.get(x)! < order.get(y)!) parent.set(y, x);
    else parent.set(x, y);
  };
  // New alerts of one party holding the same record, or records linked, are one group.
  const byRecord = new Map<string, string>();
  for (const a of alerts) {
    for (const record of [a.entityId, ...a.linkedIds]) {
      const key = `${a.partyKey}\u0000${record}`;
      const other = byRecord.get(key);
      if (other === undefined) byRecord.set(key, a.id);
      else join(other, a.id);
    }
  }
  const existingCase = new Map<string, string>();
  for (const e of existing) {
    const key = `${e.partyKey}\u0000${e.entityId}`;
    if (!existingCase.has(key)) existingCase.set(key, e.caseId);
  }
  // A group joins the first existing case any of its alerts is linked to.
  const joined = new Map<string, string>();
  for (const a of alerts) {
    const group = root(a.id);
    if (joined.has(group)) continue;
    for (const record of [a.entityId, ...a.linkedIds]) {
      const found = existingCase.get(`${a.partyKey}\u0000${record}`);
      if (found !== undefined) {
        joined.set(group, found);
        break;
      }
    }
  }
  const caseOf = new Map<string, string>();
  const newCases = new Map<string, string>();
  for (const a of alerts) {
    const group = root(a.id);
    const caseId = joined.get(group) ?? group;
    caseOf.set(a.id, caseId);
    if (!joined.has(group) && !newCases.has(caseId)) newCases.set(caseId, a.partyKey);
  }
  return { caseOf, newCases };
}
