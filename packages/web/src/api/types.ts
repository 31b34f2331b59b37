/**
 * @module api/types
 * The JSON the Embargo API answers, typed by hand from the server's TypeBox schemas
 * (packages/server/src/schemas.ts and routes/*.ts) and the core types they carry (MatchExplanation,
 * Entity, ListDiff). The web app talks HTTP only, so these are copies, not imports; the component tests
 * check the explanation copy against @embargo/core's type.
 */

export type Role = 'admin' | 'analyst' | 'client';

export interface SessionUser {
  username: string;
  role: Role;
  /** The one tenant the user works in; null: across tenants (may filter by tenant). */
  tenant: string | null;
  /** The person decisions are recorded for (the username): compare with `Decision.person`. */
  person: string;
}

/** `GET/POST /v1/session`. */
export interface Session {
  user: SessionUser;
  expiresAt: string;
}

/** FollowTheMoney schema names the server accepts (core model/schema.ts SCHEMATA). */
export type SchemaName = 'LegalEntity' | 'Person' | 'Organization' | 'Company' | 'Vessel' | 'Airplane';

export interface Identifier {
  type?: string;
  value: string;
}

/** A party to screen (server schemas.ts `Party`). */
export interface Party {
  name: string;
  schema?: SchemaName;
  birthDate?: string;
  country?: string;
  identifiers?: Identifier[];
  customerKey?: string;
}

// --- The explanation of a match (core match/explain.ts) -------------------------------------------

// The engine's own types: the API sends them as the core makes them (type-only: nothing of core is bundled).
export type { MatchExplanation, NameProperty, ScorerContribution, TokenAlignment, TokenMatchKind } from '@embargo/core';
import type { MatchExplanation, Statement } from '@embargo/core';

// --- Screening ---------------------------------------------------------------------------------------

export interface Match {
  id: string;
  caption: string;
  schema: string;
  source: string;
  score: number;
  alert: boolean;
  suppressed?: boolean;
  explanation: MatchExplanation;
  /** Records other lists keep for the same party, as the server knows them (absent in answers recorded before). */
  linkedIds?: string[];
}

export interface PublicationRef {
  id: number;
  source: string;
  published: string | null;
}

/** `POST /v1/screen`. */
export interface ScreenResponse {
  screeningId: string;
  alerted: boolean;
  matches: Match[];
  publications: PublicationRef[];
}

/** `POST /v1/customers` (one customer). */
/** A monitored customer as `GET /v1/customers` lists it (server routes/customers.ts `CustomerView`). */
export interface Customer {
  tenant: string;
  customerKey: string;
  party: Omit<Party, 'customerKey'>;
  createdAt: string;
  updatedAt: string;
  /** The newest screening recorded with the customer's key; null when none is. */
  lastScreening: { id: string; at: string; alerted: boolean } | null;
  /** Alerts waiting for a decision: open, escalated, pending approval. */
  openAlerts: number;
}

export interface CustomerPage {
  customers: Customer[];
  /** All customers of the tenant that match the search. */
  total: number;
}

export interface CustomerQuery {
  q?: string;
  after?: string;
  afterTenant?: string;
  limit?: number;
}

export interface RegisterCustomersResponse {
  registered: number;
  alerted: number;
  alertsOpened: number;
  suppressed: number;
}

// --- Listed records ----------------------------------------------------------------------------------

/** One value of one property, with the list's own words (core model/entity.ts). */
export type { Statement } from '@embargo/core';

export interface Entity {
  id: string;
  source: string;
  schema: string;
  caption: string;
  properties: Record<string, Statement[] | undefined>;
}

export interface EntityRef {
  id: string;
  caption: string | null;
  schema: string | null;
}

export interface EntityRelationship {
  from: EntityRef;
  to: EntityRef;
  /** ownedBy, owns, actingFor, linkedTo, associate, family, other. */
  kind: string;
  sourceText: string;
}

export interface CrossListLink {
  other: EntityRef;
  /** passportNumber, idNumber, nameAndBirthDate, namePartsAndBirthDate, organisationName, organisationAcronym, imoNumber, swiftBic, registrationNumber, unReference. */
  reason: string;
  value: string;
}

/** `GET /v1/entities/:id`. */
export interface EntityResponse {
  entity: Entity;
  relationships: EntityRelationship[];
  links: CrossListLink[];
  publications: { id: number; source: string; published: string | null; current: boolean }[];
  /** The first stored publication (history included) that lists the record. */
  listedSince: { id: number; source: string; published: string | null } | null;
}

// --- Alerts ------------------------------------------------------------------------------------------

export const ALERT_STATUSES = ['open', 'pending_approval', 'escalated', 'true_match', 'false_positive', 'suppressed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type DecisionKind = 'true_match' | 'false_positive' | 'escalate' | 'approve' | 'reject';

export interface Alert {
  id: string;
  /** The case it is worked in: its customer's unresolved alerts on the same party. */
  caseId: string;
  /** Whose customer (or batch job) was screened: one client's data, kept apart from others'. */
  tenant: string;
  createdAt: string;
  updatedAt: string;
  screeningId: string;
  customerKey: string | null;
  entityId: string;
  source: string;
  score: number;
  status: AlertStatus;
  /** The party as screened. */
  party: Partial<Party> & Record<string, unknown>;
  /**
   * The match as answered, with its explanation; an alert on a payment's hit adds the hit's `rule`,
   * `action` and `reason`, and has no explanation (null) unless the hit was a name's.
   */
  match: Partial<Omit<Match, 'explanation'>> & { explanation?: MatchExplanation | null } & Record<string, unknown>;
}

export interface Decision {
  id: string;
  decidedAt: string;
  /** The credential that decided: an API key id, or `user:<username>` for a web session. */
  actor: string;
  /** The person behind that credential; four eyes compares persons. */
  person: string;
  decision: DecisionKind;
  reason: string;
  /** The tenant's reason code it was taken with; absent on decisions taken before codes. */
  reasonCode?: string;
}

export interface AlertFilter {
  tenant?: string;
  status?: AlertStatus;
  minScore?: number;
  source?: string;
  customerKey?: string;
  /** The alerts of one screening, batch party or screened payment (its paymentId). */
  screeningId?: string;
  limit?: number;
  offset?: number;
}

/** `GET /v1/alerts/:id`. */
export interface AlertDetail {
  alert: Alert;
  /** The listed record as the lists in force have it; null once it left the lists. */
  entity: Entity | null;
  recordChanged: boolean;
  /** Oldest first. */
  decisions: Decision[];
}

/** `POST /v1/alerts/:id/decisions`. */
export interface DecisionResponse {
  alert: Alert;
  decision: Decision;
  remembered: boolean;
}

// --- Cases (issue 16, point 4) -----------------------------------------------------------------------

/** A reason a decision is taken for, from the tenant's list (`GET /v1/reason-codes`). */
export interface ReasonCode {
  code: string;
  label: string;
}

/** What a decision asks: the decision, a reason code of the tenant's, and the analyst's words. */
export interface DecisionAsked {
  decision: DecisionKind;
  reasonCode: string;
  reason: string;
}

/** One customer's unresolved alerts on one party (records linked across lists). */
export interface CaseInfo {
  /** Its first alert's id. */
  id: string;
  tenant: string;
  customerKey: string | null;
  /** The username working it; null: unassigned. */
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of the case queue: the case with its alerts that pass the filter, highest score first. */
export interface CaseSummary extends CaseInfo {
  alerts: Alert[];
}

export type CaseAssignment = 'mine' | 'unassigned';

export interface CaseFilter extends Omit<AlertFilter, 'screeningId'> {
  assigned?: CaseAssignment;
}

export interface CaseComment {
  id: string;
  /** The alert of the case it is about; null: the case as a whole. */
  alertId: string | null;
  writtenAt: string;
  author: string;
  actor: string;
  body: string;
}

/** `GET /v1/cases/:id`: each match as `GET /v1/alerts/:id` gives it, highest score first. */
export interface CaseDetail {
  case: CaseInfo;
  matches: AlertDetail[];
  comments: CaseComment[];
  reasonCodes: ReasonCode[];
  /** Who the case can be assigned to. */
  assignees: string[];
}

/** `POST /v1/alerts/decisions`. */
export interface BulkDecisionResponse {
  decided: DecisionResponse[];
}

// --- Lists -------------------------------------------------------------------------------------------

export interface Publication {
  id: number;
  source: string;
  published: string | null;
  loadedAt: string;
  records: number;
  schemata: Record<string, number>;
  issues: number;
  current: boolean;
  files: { path: string; sha256: string; bytes: number; format: string }[];
  /** Companion files a publication kept as history lacks (`add.csv`, `alt.csv`): its aliases and addresses are not comparable. */
  missingFiles: string[];
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export type DiffChange = 'added' | 'removed' | 'changed';

/** One record of a comparison, as `GET /v1/lists/diff` gives it (sorted by name). */
export interface DiffRow {
  id: string;
  change: DiffChange;
  name: string;
  schema: string;
  programmes: string[];
  countries: string[];
  /** For a changed record, the fields that changed. */
  fields?: string[];
  /** The first stored publication (history included) that lists the record. */
  firstSeen: { publicationId: number; published: string | null } | null;
}

/** The filters `GET /v1/lists/diff` and `GET /v1/lists/diff.csv` take. */
export interface DiffFilter {
  programme?: string;
  country?: string;
  schema?: string;
  q?: string;
}

/** `GET /v1/lists/diff?from=&to=` (and the filters). */
export interface ListDiffResponse {
  from: Publication;
  to: Publication;
  /** The records that pass the filters, sorted by name. */
  rows: DiffRow[];
  /** What the whole comparison can be filtered by. */
  facets: { programmes: string[]; countries: string[]; schemata: string[] };
  /** Set when either publication lacks companion files: those fields were not compared. */
  incomparable: {
    publications: { id: number; published: string | null; missingFiles: string[] }[];
    fields: string[];
    records: number;
  } | null;
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
  bySource: Record<string, ChangeCounts & { byProgram: Record<string, ChangeCounts> }>;
  byProgram: Record<string, ChangeCounts>;
  /** Display names of every id in the answer. */
  captions: Record<string, string>;
}

// --- Audit and users ---------------------------------------------------------------------------------

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  subject: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The `before` of the next (older) page, or null at the start of the trail. */
  next: number | null;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** Rows written before signing began, covered by the chain only. */
  unsignedRows?: number;
  message: string;
}

export interface User {
  username: string;
  role: Role;
  tenant: string | null;
  createdAt: string;
  /** When the user was disabled (cannot sign in); null while enabled. */
  disabledAt: string | null;
}

/** What a password reset answers: the generated password, when the admin typed none (shown this once). */
export interface PasswordReset {
  username: string;
  password?: string;
}

// --- Batch jobs --------------------------------------------------------------------------------------

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A batch job's progress (server routes/batch.ts `JobView`). */
export interface Job {
  id: string;
  status: JobStatus;
  total: number;
  completed: number;
  alerted: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  elapsedMs: number;
  error: string | null;
  /** Present in `GET /v1/jobs`. */
  tenant?: string;
}

// --- Payments ----------------------------------------------------------------------------------------

export const PAYMENT_DECISIONS = ['block', 'hold', 'pass'] as const;
export type PaymentDecisionKind = (typeof PAYMENT_DECISIONS)[number];

/** One reason a payment was held or blocked (server routes/payments.ts `Hit`). */
export interface PaymentHit {
  /** The MT field (`50F`, `B/59F`, `70 lines 1–2`) or ISO 20022 path the hit is in. */
  field: string;
  /** What the screening saw there. */
  text: string;
  /** The listed record, for name, BIC and IMO hits. */
  id: string | null;
  caption: string | null;
  /** The embargoed jurisdiction (`KP`, `UA-43`), for country, BIC-country and place hits. */
  jurisdiction: string | null;
  score: number;
  /** party-name, bic, bic-country, country, place, text-name or imo. */
  rule: string;
  action: 'hold' | 'block';
  reason: string;
}

/** A payment's decision (`GET /v1/payments`, one of `payments`). */
export interface PaymentDecision {
  paymentId: string;
  /** The UETR, else the sender BIC and reference. */
  messageId: string;
  tenant: string;
  /** MT103, MT202COV, pacs.008, … */
  format: string;
  decision: PaymentDecisionKind;
  screenedAt: string;
  listsGeneration: number | null;
  hits: PaymentHit[];
}

export interface PaymentFilter {
  decision?: PaymentDecisionKind;
  limit?: number;
  offset?: number;
}

/** `GET /v1/payments`. */
export interface PaymentList {
  /** How many payments match the filter (all pages). */
  total: number;
  payments: PaymentDecision[];
}

/** A party the message names (core payments/payment.ts `PaymentParty`). */
export interface PaymentParty {
  role: string;
  /** person, organisation, bank or unknown. */
  kind: string;
  /** The MT field or ISO 20022 path it came from: compare with a hit's field. */
  source: string;
  name?: string;
  addressLines: string[];
  country?: string;
  account?: string;
  bic?: string;
  birthDate?: string;
  identifiers: { scheme: string; value: string }[];
}

/** The normalised payment (core payments/payment.ts `Payment`). */
export interface Payment {
  messageId: string;
  format: string;
  definition?: string;
  reference: string;
  uetr?: string;
  amount?: { currency: string; value: string };
  parties: PaymentParty[];
  texts: { source: string; lines: string[] }[];
  countries: { source: string; code: string }[];
}

/** `GET /v1/payments/:id`. */
export interface PaymentDetail extends PaymentDecision {
  /** The message as received: SWIFT MT text or ISO 20022 XML (an RJE batch holds others too). */
  raw: string;
  payment: Payment;
  /** The API key or user that submitted it. */
  actor: string | null;
}

/** `Alert.party.payment` of an alert raised on a payment's hit. */
/** The shipment an alert was raised on (`party.shipment`: server routes/trade.ts). */
export interface AlertShipment {
  id: string;
  screeningId: string;
  /** The party's role in the shipment (buyer, seller, consignee…), or `vessel`. */
  role: string;
  decision: 'prohibited' | 'review' | 'allowed';
  /** What this match makes of the shipment on its own. */
  effect: 'prohibited' | 'review';
  rulesVersion: string;
}

export interface AlertPayment {
  id: string;
  messageId: string;
  format: string;
  decision: PaymentDecisionKind;
  field: string;
  role: string | null;
}

// --- Ownership and control (issue 15; server routes/ownership.ts) ------------------------------------

export const OWNERSHIP_REGIMES = ['ofac', 'eu', 'uk'] as const;
/** The regimes the server evaluates: the OFAC 50 Percent Rule, the EU's and the UK's (OFSI) tests. */
export type RegimeId = (typeof OWNERSHIP_REGIMES)[number];

/** A derived status: what the rules make of an entity no list names. */
export type DerivedStatus = 'blocked' | 'possibly_blocked';
/** A node's status under one regime: designated by a list it follows, derived, or nothing. */
export type NodeStatus = 'designated' | DerivedStatus | 'none';

/**
 * The range of the designated persons' aggregate holding, in percent (core `ShareRange`; the inclusive
 * flags may be left out, both ends then count as included).
 */
export interface OwnershipAggregate {
  min: number;
  max: number;
  minInclusive?: boolean;
  maxInclusive?: boolean;
}

/** A loaded ownership file (`GET /v1/ownership/files`). */
export interface OwnershipFile {
  id: number;
  fileName: string;
  /** bods, ftm or csv: found from the content, not the name. */
  format: string;
  sha256: string;
  loadedAt: string;
  /** The API key or user that loaded it. */
  loadedBy?: string | null;
  nodes: number;
  edges: number;
}

/** An entity whose status changed with a load or a removal. */
export interface OwnershipChange {
  id: string;
  name: string;
  regime: RegimeId;
  before: NodeStatus;
  after: NodeStatus;
}

/** `POST /v1/ownership/files?name=`. */
export interface OwnershipLoadResult {
  file: OwnershipFile;
  /** False when the same file (by its SHA-256) was loaded before. */
  stored: boolean;
  /** The file's parties matched to listed records by the screening engine. */
  resolved: number;
  /** What the file states that is not in the graph (a closed record, an ended interest). */
  leftOut: number;
  evaluation: OwnershipEvaluationSummary;
}

/** What an evaluation changed (after a load, and after a file was removed). */
export interface OwnershipEvaluationSummary {
  counts: Partial<Record<RegimeId, Record<DerivedStatus, number>>>;
  newlyBlocked: OwnershipChange[];
  unblocked: OwnershipChange[];
  /** Statuses written and removed. */
  upserted?: number;
  removed?: number;
  /** What the graph could not use (an edge to an unknown party, an invalid share), with file and row. */
  problems: string[];
}

/** One derived status with its proof (`GET /v1/ownership/statuses`; the CLI's `ownership check --json`). */
export interface DerivedOwnershipStatus {
  id: string;
  name: string;
  regime: RegimeId;
  status: DerivedStatus;
  aggregate: OwnershipAggregate;
  /** The proof as printed: "X 50% of A ⇒ A blocked (OFAC FAQ 401)". */
  proof: string[];
  derivedAt?: string;
}

export interface OwnershipStatusFilter {
  regime?: RegimeId;
  status?: DerivedStatus;
  limit?: number;
  offset?: number;
}

export interface OwnershipStatusPage {
  total: number;
  statuses: DerivedOwnershipStatus[];
}

/** Where a node or an edge came from (core ownership `GraphSource`). */
export interface OwnershipSource {
  kind: 'list' | 'file' | 'derived';
  recordId?: string;
  file?: string;
  row?: number;
  statementId?: string;
  text?: string;
  list?: string;
}

/** A party of the graph (core ownership `GraphNode`). */
export interface OwnershipNode {
  id: string;
  name: string;
  schema?: string;
  countries?: string[];
  /** Left out when false. */
  designated?: boolean;
  /** A user's party the screening engine matched to a listed record, with the match. */
  resolvedTo?: { recordId: string; score: number; reason: string };
  source: OwnershipSource;
}

export interface NodeRegimeStatus {
  regime: RegimeId;
  status: NodeStatus;
  aggregate?: OwnershipAggregate;
  proof: string[];
}

/** ownership, control, directorship, family, associate, listLink. */
export type OwnershipEdgeKind = string;

export interface ChainNode {
  id: string;
  name: string;
  schema?: string;
  designated: boolean;
  status: Record<RegimeId, NodeStatus>;
}

export interface ChainEdge {
  id: string;
  kind: OwnershipEdgeKind;
  /** `from` holds, controls or directs `to`. */
  from: string;
  to: string;
  /** "25%", "25–50%". */
  share?: string;
  label?: string;
}

/** `GET /v1/ownership/nodes/:id`. */
export interface OwnershipNodeResponse {
  node: OwnershipNode;
  statuses: NodeRegimeStatus[];
  /** The owners up to the designated persons, and what the node owns, a few levels down. */
  chain: { nodes: ChainNode[]; edges: ChainEdge[] };
}

/** A range of percent as core `ShareRange`, or as the server words it. */
export type ShareValue = string | OwnershipAggregate;

export interface ExposureStep {
  /** The party the step leaves and the one it reaches, in the order the path walks them. */
  from: string;
  to: string;
  /** The tie as its source states it (its own `from` → `to` may run against the path). */
  edge: { kind: OwnershipEdgeKind; from?: string; to?: string; share?: ShareValue; label?: string; source: OwnershipSource };
  strength?: number;
}

export interface ExposurePath {
  /** The product of the steps' strengths, 0–1. */
  strength: number;
  steps: ExposureStep[];
}

export interface ExposureTarget {
  /** The designated person reached. */
  nodeId: string;
  name: string;
  distance: number;
  shortest: ExposurePath[];
  strongest: ExposurePath;
}

/** `GET /v1/entities/:id/exposure?depth=`. */
export interface ExposureResponse {
  targets: ExposureTarget[];
  /** Names of the parties the paths pass through, where the server gives them. */
  names?: Record<string, string>;
}

/** `mine`: those whose latest decision is the signed-in person's; open alerts are no one's yet (0). */
export interface AlertCount {
  all: number;
  mine: number;
}

/** The outcome of a check of a publisher for an update (issue 18, point 6). */
export type ListCheckOutcome = 'unchanged' | 'loaded' | 'refused' | 'unreachable' | 'failed';

/** A publisher's (or list in force's) checks for updates, as the dashboard gives them. */
export interface ListCheck {
  source: string;
  /** When the server last asked the publisher for an update; null: not yet. */
  lastCheckedAt: string | null;
  /** The last check that found the list unchanged or loaded it, or else the load of the publication in force. */
  lastSuccessAt: string | null;
  outcome: ListCheckOutcome | null;
  /** The last check failed, or the list was not successfully checked for longer than the server's maximum age. */
  attention: boolean;
  /** Why, with the error: sent to admins only (null for others). */
  attentionReason: string | null;
}

/** `GET /v1/dashboard`: the landing page's figures that no other route gives. */
export interface DashboardFigures {
  alerts: { open: AlertCount; escalated: AlertCount; pendingApproval: AlertCount; oldestOpenAt: string | null };
  /** The last batch jobs, as `GET /v1/jobs` gives them. */
  jobs: Job[];
  listChecks: ListCheck[];
}

// --- Trade ------------------------------------------------------------------------------------------

export type { GoodsMeasure, ShipmentDecisionKind, ShipmentReason, RevenueAtRisk, TradeMeasures } from '@embargo/core';
import type { ShipmentDecisionKind, ShipmentReason } from '@embargo/core';

/** One shipment's decision as `POST /v1/trade/screen` answers it, kept as a screening of the tenant. */
export interface ShipmentScreened {
  record: number;
  screeningId: string;
  id: string;
  decision: ShipmentDecisionKind;
  reasons: ShipmentReason[];
  rulesVersion: string;
  screened: { goods: number; parties: number; vessel: boolean };
  listsGeneration: number;
  /** Alerts opened in the tenant's queue: one per listed party or vessel the shipment names. */
  alertsOpened: number;
}

/** A record of the body the server could not read: its line and field. */
export interface ShipmentUnreadable {
  record: number;
  error: { code: 'SHIPMENT_PARSE'; line: number; field?: string; reason: string };
}

export type ShipmentOutcome = ShipmentScreened | ShipmentUnreadable;

// --- Facilitator discovery (POST /v1/network/rank) ------------------------------------------------------

export interface NetworkDesignation {
  recordId: string;
  caption: string;
  basis: 'listed' | 'ownership';
  score: number;
  reason: string;
}

export interface NetworkTransaction {
  line: number;
  date: string;
  payer: string;
  payerCountry: string;
  payee: string;
  payeeCountry: string;
  amount: number;
  currency: string;
  hs: string;
  vessel: string;
}

export interface NetworkEvidence {
  feature: 'designatedValue' | 'designatedShare' | 'designatedCounterparts' | 'dprkGoods' | 'proximity' | 'position';
  label: string;
  value: number;
  weight: number;
  contribution: number;
  detail: string;
  transactions: NetworkTransaction[];
  rowCount: number;
  counterparts?: { names: string[]; kind: 'party' | 'vessel'; designation: NetworkDesignation; value: number; rows: number }[];
  path?: { name: string; designation?: NetworkDesignation; via?: NetworkTransaction }[];
}

export interface NetworkNeighbourhood {
  centre: number;
  nodes: { id: number; name: string; countries: string[]; centre: boolean; designation?: NetworkDesignation; distance: number }[];
  edges: { from: number; to: number; value: number; rows: number; designatedVessels: string[] }[];
  leftOut: number;
}

export interface RankedNetworkParty {
  rank: number;
  name: string;
  countries: string[];
  score: number;
  measures: {
    totalValue: number;
    designatedValue: number;
    designatedCounterparts: number;
    dprkGoodsValue: number;
    distance: number;
    dependence: number;
    rows: number;
    counterparties: number;
  };
  evidence: NetworkEvidence[];
  neighbourhood: NetworkNeighbourhood;
}

export interface NetworkRanking {
  tenant: string;
  rows: number;
  parties: number;
  designatedParties: number;
  designatedVessels: number;
  listsGeneration: number | null;
  scored: number;
  ranked: RankedNetworkParty[];
}
