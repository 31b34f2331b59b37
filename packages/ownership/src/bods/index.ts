/**
 * @module bods
 * BODS 0.4 statements (a JSON array, or JSON lines) as ownership graph nodes and edges. Every statement is
 * checked, superseded ones included; the graph is built from the latest statement of each record (see
 * `latestByRecord`). A closed record, and an interest that has ended, are left out of the graph and listed
 * in `leftOut`: the graph says who holds what now, and the regimes ask about now.
 *
 * Indirect interests are kept as the publisher states them, beside their components: `indirect-ownership.json`
 * gives Person 1 an indirect 30% of Company A and the chain (Company B 60% of A; Person 1 an interest of
 * unknown type in B); the edge says `directness: 'indirect'` so that the chain is not counted twice.
 *
 * @example
 * parseBods('bods-package.json', text).edges[0]
 * // { id: 'bods:93b53022ae6a#1', kind: 'ownership', from: 'bods:10478c6cf6de', to: 'bods:c359f58d2977',
 * //   share: { min: 100, max: 100, … }, directness: 'direct', date: '2016-04-06', source: { kind: 'file', … } }
 */
import type { GraphEdge, GraphNode, GraphSource } from '@embargo/core';
import { ProblemList } from '../errors.js';
import { readJsonRecords, type JsonRecord } from '../json-records.js';
import type { LeftOut, OwnershipParseOptions, ParsedOwnershipFile } from '../parsed-file.js';
import { notCurrent } from '../dates.js';
import { bodsNodeId, entityNode, personNode, unspecifiedNode, type BodsParty } from './parties.js';
import { interestEdge, readInterest, type BodsInterest } from './interests.js';
import { latestByRecord, readStatement, type BodsStatement } from './statement.js';
import type { Json } from '../fields.js';

export { bodsNodeId } from './parties.js';

/** A BODS file's text as graph nodes and edges; throws `OwnershipParseError` naming every problem. */
export function parseBods(file: string, text: string, options: OwnershipParseOptions = {}): ParsedOwnershipFile {
  const problems = new ProblemList();
  return readBods(file, readJsonRecords(text, problems), problems, options);
}

/** A relationship statement's ends, each a record id or a node made for an unspecified party. */
type End = { recordId: string } | { node: GraphNode };

interface ReadRelationship {
  statement: BodsStatement;
  subject?: End;
  interestedParty?: End;
  /** The interests, each undefined when it could not be read. */
  interests: (BodsInterest | undefined)[];
}

/** The same, from records already read (format detection reads them once). */
export function readBods(
  file: string,
  records: readonly JsonRecord[],
  problems: ProblemList,
  options: OwnershipParseOptions,
): ParsedOwnershipFile {
  if (records.length === 0 && problems.count === 0) problems.add({ line: 1 }, 'the file holds no statements');
  const statements = records.flatMap((record, i) => readStatement(record, i, problems) ?? []);
  // Records whose statements could not be read are still declared: a reference to one is not a second problem.
  const declared = new Set(records.flatMap((r) => (typeof r.value.recordId === 'string' ? [r.value.recordId] : [])));
  const sourceOf = (s: BodsStatement): GraphSource => ({
    kind: 'file',
    file,
    ...(s.place.line !== undefined ? { row: s.place.line } : {}),
    statementId: s.statementId,
  });

  // Every statement is read, so that a superseded one with an error is reported too.
  const parties = new Map<BodsStatement, BodsParty>();
  const relationships = new Map<BodsStatement, ReadRelationship>();
  const typeOf = new Map<string, string>();
  for (const s of statements) {
    const earlier = typeOf.get(s.recordId);
    if (earlier && earlier !== s.recordType) s.fields.fail('recordType', `record ${s.recordId} was a ${earlier} in an earlier statement`);
    typeOf.set(s.recordId, s.recordType);
    if (s.recordType === 'entity') {
      const party = entityNode(s.recordId, s.details, s.fields, sourceOf(s));
      if (party) parties.set(s, party);
    } else if (s.recordType === 'person') {
      const party = personNode(s.recordId, s.details, s.fields, sourceOf(s));
      if (party) parties.set(s, party);
    } else relationships.set(s, readRelationship(s, sourceOf(s)));
  }
  const latest = latestByRecord(statements);
  for (const rel of relationships.values()) checkEnds(rel, typeOf, declared);
  problems.throwIfAny(file);

  const leftOut: LeftOut[] = [];
  const closedOn = (recordId: string): string | undefined => {
    const s = latest.get(recordId);
    return s?.recordStatus === 'closed' ? s.statementDate : undefined;
  };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const s of latest.values()) {
    if (s.recordStatus === 'closed') {
      leftOut.push({ ...s.place, reason: `the ${s.recordType} record ${s.recordId} was closed on ${s.statementDate}` });
      continue;
    }
    const party = parties.get(s);
    if (party) {
      nodes.push(party.node);
      continue;
    }
    const rel = relationships.get(s)!;
    const ends = [rel.subject!, rel.interestedParty!];
    const closedEnd = ends.find((end) => 'recordId' in end && closedOn(end.recordId));
    if (closedEnd && 'recordId' in closedEnd) {
      const reason = `record ${closedEnd.recordId}, a party to it, was closed on ${closedOn(closedEnd.recordId)}`;
      leftOut.push({ ...s.place, reason });
      continue;
    }
    const [to, from] = ends.map((end) => ('node' in end ? end.node.id : bodsNodeId(end.recordId)));
    for (const end of ends) if ('node' in end) nodes.push(end.node);
    const subject = rel.subject!;
    const joint = 'recordId' in subject && partyOf(subject.recordId, latest, parties)?.entityType === 'arrangement' ? to : undefined;
    if (rel.interests.length === 0) {
      // BODS allows a relationship without interests (listed-company-exempt-from-disclosure.json): the tie is kept.
      edges.push({
        id: `bods:${s.recordId}`,
        kind: 'associate',
        from,
        to,
        label: 'no interests stated',
        source: sourceOf(s),
        date: s.statementDate.slice(0, 10),
      });
      continue;
    }
    rel.interests.forEach((interest, i) => {
      const why = notCurrent(interest!.startDate, interest!.endDate, options.asOf);
      if (why) leftOut.push({ ...s.place, field: `recordDetails.interests[${i}]`, reason: `the ${interest!.type ?? 'interest'} ${why}` });
      else edges.push(interestEdge(interest!, `bods:${s.recordId}#${i + 1}`, { from, to, joint }, s.statementDate, sourceOf(s)));
    });
  }
  return { file, format: 'bods', nodes, edges, leftOut };
}

function readRelationship(s: BodsStatement, source: GraphSource): ReadRelationship {
  const { fields, details } = s;
  fields.boolean(details, 'isComponent', 'recordDetails.isComponent', true);
  const end = (role: 'subject' | 'interestedParty'): End | undefined => {
    const value = details[role];
    if (value === undefined || value === null) return fields.fail(`recordDetails.${role}`, 'is required');
    if (typeof value === 'string') return value.trim() ? { recordId: value } : fields.fail(`recordDetails.${role}`, 'is empty');
    if (typeof value === 'object' && !Array.isArray(value)) {
      const node = unspecifiedNode(s.recordId, role, value as Json, fields, source);
      return node ? { node } : undefined;
    }
    return fields.fail(`recordDetails.${role}`, 'must be a recordId or an unspecified record ({ "reason": … })');
  };
  const interests = fields
    .objects(details, 'interests', 'recordDetails.interests')
    .map((interest, i) => readInterest(interest, `recordDetails.interests[${i}]`, fields));
  return { statement: s, subject: end('subject'), interestedParty: end('interestedParty'), interests };
}

/** Each end names a record of this file, and the subject is an entity (BODS: "The subject MUST be an entity"). */
function checkEnds(rel: ReadRelationship, typeOf: Map<string, string>, declared: Set<string>): void {
  const { fields } = rel.statement;
  for (const role of ['subject', 'interestedParty'] as const) {
    const end = rel[role];
    if (!end || !('recordId' in end)) continue;
    const type = typeOf.get(end.recordId);
    if (type === undefined && declared.has(end.recordId)) continue;
    if (type === undefined) fields.fail(`recordDetails.${role}`, `"${end.recordId}" is not the recordId of a statement in this file`);
    else if (type === 'relationship') fields.fail(`recordDetails.${role}`, `"${end.recordId}" is a relationship, not a person or entity`);
    else if (role === 'subject' && type !== 'entity')
      fields.fail('recordDetails.subject', `"${end.recordId}" is a ${type}; the subject must be an entity`);
  }
}

function partyOf(recordId: string, latest: Map<string, BodsStatement>, parties: Map<BodsStatement, BodsParty>): BodsParty | undefined {
  const s = latest.get(recordId);
  return s ? parties.get(s) : undefined;
}
