/**
 * @module ownership/graph
 * The ownership and control graph: who owns, controls, directs or is tied to whom, with where each fact
 * came from. Nodes are listed records (`ofac:12345`) or parties from a user's own data (`bods:…`,
 * `csv:…`); edges keep their source (list record, file and row) and date so that every derived status
 * can be proved to an examiner.
 *
 * Direction is always "from the one who holds to the one held": an ownership edge goes from the owner to
 * the owned entity, a control edge from the controller to the controlled, a directorship from the
 * director to the organisation. Family, associate and list links have no direction that matters and are
 * stored once, from the record that states them.
 *
 * @example
 * // CSV row `ofac:9647,csv:acme,25,50,ownership,register.csv,2024-01-31`
 * { kind: 'ownership', from: 'ofac:9647', to: 'csv:acme',
 *   share: { min: 25, max: 50, minInclusive: true, maxInclusive: true },
 *   directness: 'direct', source: { kind: 'file', file: 'register.csv', row: 2 }, date: '2024-01-31' }
 */
import type { ListSource } from '../model/entity.js';

/**
 * A holding, in percent, exact or as a range, as the Beneficial Ownership Data Standard writes it
 * (BODS 0.4 `share`: `exact`, `minimum`/`maximum`, `exclusiveMinimum`/`exclusiveMaximum`). An exact
 * share is a range whose ends are equal and inclusive.
 */
export interface ShareRange {
  /** Lower end in percent, 0–100. */
  min: number;
  /** Upper end in percent, 0–100. */
  max: number;
  /** False when the lower end is exclusive (BODS `exclusiveMinimum`): the share is more than `min`. */
  minInclusive: boolean;
  /** False when the upper end is exclusive (BODS `exclusiveMaximum`): the share is less than `max`. */
  maxInclusive: boolean;
}

/** Where a node or an edge came from. */
export interface GraphSource {
  /** `list`: an official list record; `file`: a file the user loaded; `derived`: computed here. */
  kind: 'list' | 'file' | 'derived';
  /** For list facts: the list record that states it (`ofac:12345`). */
  recordId?: string;
  /** The file's name as loaded (`SDN_ADVANCED.XML`, `register.csv`, `bods-example.json`). */
  file?: string;
  /** 1-based line or row in the file, for line formats (CSV, JSON lines). */
  row?: number;
  /** The statement or element id in the file where the format has one (BODS `statementId`, FtM `id`). */
  statementId?: string;
  /** The source's own words ("Owned or Controlled By", "Linked To: BANK OF EAST LAND."). */
  text?: string;
  /**
   * For list facts: the list that states it. One id prefix covers two OFAC lists (`ofac:` for the SDN and
   * the consolidated non-SDN list), and a regime counts only the lists that block (the 50% rule follows
   * SDNs, not sectoral listings), so the list is named here.
   */
  list?: ListSource;
}

/** What control rests on, as the EU and UK tests name it. */
export type ControlBasis =
  /** The right to appoint or remove a majority of the board (EU Best Practices; OFSI "board limb"). */
  | 'boardAppointment'
  /** More than half of the voting rights (directly, or by agreement with other holders). */
  | 'votingRights'
  /** Any other means by which affairs are conducted in accordance with the controller's wishes. */
  | 'other';

export type EdgeKind = 'ownership' | 'control' | 'directorship' | 'family' | 'associate' | 'listLink';

interface EdgeBase {
  /** Stable id unique in its graph (the source's statement id or a key built from source and row). */
  id: string;
  kind: EdgeKind;
  /** The holder: owner, controller, director; for symmetric kinds, the record that states the tie. */
  from: string;
  /** The held: owned or controlled entity, organisation; for symmetric kinds, the other party. */
  to: string;
  source: GraphSource;
  /** ISO date (prefix) the fact was stated or took effect, where known. */
  date?: string;
}

export interface OwnershipEdge extends EdgeBase {
  kind: 'ownership';
  /** Percent held. Absent when the source says "owned" without a share (a list's exposure edge). */
  share?: ShareRange;
  /** BODS `directOrIndirect`: a stated indirect holding is not added again to the chain it summarises. */
  directness: 'direct' | 'indirect' | 'unknown';
  /** Holdings under one joint arrangement aggregate even where a regime does not aggregate (OFSI 4.14). */
  jointArrangement?: string;
}

export interface ControlEdge extends EdgeBase {
  kind: 'control';
  basis: ControlBasis;
  /**
   * The share of the votes, where the basis is countable (BODS `votingRights` with `share`): the EU and UK
   * control tests ask for more than half of the voting rights, so 25–50% of them is not control by itself.
   */
  share?: ShareRange;
  /** The source's description ("appoints majority of board"). */
  detail?: string;
}

export interface DirectorshipEdge extends EdgeBase {
  kind: 'directorship';
  /** The role as written ("Director", "Principal Executive Officer", "Leader or official of"). */
  role?: string;
}

export interface FamilyEdge extends EdgeBase {
  kind: 'family';
  relation?: string;
}

/** An association of unknown nature ("Associate Of", "Providing support to", FtM UnknownLink). */
export interface AssociateEdge extends EdgeBase {
  kind: 'associate';
  label?: string;
}

/** A list's own link between two records without a stated nature (OFAC remark "Linked To: …"). */
export interface ListLinkEdge extends EdgeBase {
  kind: 'listLink';
  label?: string;
}

export type GraphEdge = OwnershipEdge | ControlEdge | DirectorshipEdge | FamilyEdge | AssociateEdge | ListLinkEdge;

/** A party in the graph: a listed record or an entity from the user's data. */
export interface GraphNode {
  /** `ofac:12345` for a listed record; `<source>:<id>` for a user's party (`bods:…`, `csv:…`, `ftm:…`). */
  id: string;
  name: string;
  /** FollowTheMoney schema where known (`Person`, `Company`, `Organization`, `LegalEntity`). */
  schema?: string;
  /** ISO 3166-1 alpha-2 countries of jurisdiction, nationality or address. */
  countries?: string[];
  /** Identifiers the source gives (LEI, registration number, tax id), with their scheme. */
  identifiers?: { scheme: string; value: string }[];
  birthDate?: string;
  /**
   * A party the source could not or would not name (BODS `anonymousPerson`, `unknownEntity`, an
   * `UnspecifiedRecord`): the reason, in the standard's code, and the source's words. Such a party is
   * never matched by name, and nothing can show that it is not designated.
   */
  unspecified?: { reason: string; description?: string };
  /** For a listed record: its sanctions programmes as the list writes them (`DPRK3`, `UKRAINE-EO13662`). */
  programs?: string[];
  /** True for a record on a list in force (a designated person): the roots of every derived status. */
  designated?: boolean;
  /**
   * For a listed record: the lists whose records of the same party are linked to it (a shared passport or
   * registration number, the same name and birth date): a party OFAC and the UN both list counts under
   * every regime that follows either list, whichever record a file names.
   */
  alsoListedOn?: ListSource[];
  /**
   * For a user's party that the screening engine matched to a listed record: that record and the match,
   * which is part of every proof that runs through this party.
   */
  resolvedTo?: { recordId: string; score: number; reason: string };
  source: GraphSource;
}

/** What an ownership file or a list contributes to the graph. */
export interface OwnershipStatements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** An exact share as a range. */
export function exactShare(percent: number): ShareRange {
  return { min: percent, max: percent, minInclusive: true, maxInclusive: true };
}

/** "25%", "25–50%", "more than 25% and less than 50%": a share as a person reads it. */
export function formatShare(share: ShareRange): string {
  if (share.min === share.max && share.minInclusive && share.maxInclusive) return `${trimPercent(share.min)}%`;
  if (share.minInclusive && share.maxInclusive) return `${trimPercent(share.min)}–${trimPercent(share.max)}%`;
  const low = share.minInclusive ? `at least ${trimPercent(share.min)}%` : `more than ${trimPercent(share.min)}%`;
  const high = share.maxInclusive ? `at most ${trimPercent(share.max)}%` : `less than ${trimPercent(share.max)}%`;
  return `${low} and ${high}`;
}

function trimPercent(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}
