/**
 * @module ownership/ownership-service
 * Ownership and control for one deployment: a tenant's ownership files are read (`@embargo/ownership`),
 * their parties matched to listed records with the screening engine in force (identifiers first, then
 * name with birth date and countries), stored, and evaluated with the lists' own ties under every regime
 * (`evaluateOwnership`). The statuses derived are stored as what is in force for the tenant, each with its
 * proof; each evaluation applies only what changed and audits it (`ownership.statuses`).
 *
 * A tenant's evaluation is kept in memory and made again when the lists in force or the tenant's files
 * change. The CLI and the HTTP API both go through here, so they derive the same statuses.
 */
import { createHash } from 'node:crypto';
import {
  applyOwnershipChanges,
  compileOwnershipGraph,
  DEFAULT_EXPOSURE_DEPTH,
  derivedStatuses,
  evaluateOwnership,
  exposurePaths,
  forEachAdjacent,
  formatProof,
  formatShare,
  listGraph,
  ownershipStatus,
  ownershipStatusCounts,
  proveStatus,
  REGIME_IDS,
  resolveParties,
  SHARE_FLAG,
  screeningLookup,
  type CompiledOwnershipGraph,
  type ExposureTarget,
  type GraphEdge,
  type GraphNode,
  type OwnershipEvaluation,
  type OwnershipProof,
  type OwnershipStatements,
  type OwnershipUpdate,
  type RegimeId,
  type Relationship,
  ScreeningEngine,
  type Entity,
  type ListSource,
  type ScreeningMatch,
  type ScreeningQuery,
} from '@embargo/core';
import { parseOwnershipFile } from '@embargo/ownership';
import type { OwnershipFileRecord, OwnershipStatus, StoredOwnershipStatus } from '@embargo/store';
import type { AppDeps } from '../deps.js';
import { rescreenCustomersForOwnership } from '../monitoring/ownership-rescreen.js';

export type OwnershipDeps = Pick<AppDeps, 'store' | 'screening' | 'clock'> & Partial<Pick<AppDeps, 'newId'>>;

/** A change of one entity's status under one regime, between two evaluations. */
export interface OwnershipStatusChangeView {
  id: string;
  name: string;
  regime: string;
  before: 'blocked' | 'possibly_blocked' | 'none';
  after: 'blocked' | 'possibly_blocked' | 'none';
  /** For a status lost: the change it rested on, where the update knows it ("no longer designated: X (ofac:1)"). */
  reason?: string;
}

export interface OwnershipEvaluationSummary {
  /** Alerts opened on monitored customers that resemble a newly blocked party. */
  alertsOpened: number;
  /** Derived statuses in force after the evaluation, per regime. */
  counts: Record<string, { blocked: number; possibly_blocked: number }>;
  newlyBlocked: OwnershipStatusChangeView[];
  unblocked: OwnershipStatusChangeView[];
  /** Statuses written (new or changed) and removed. */
  upserted: number;
  removed: number;
  /** What the graph could not use (an edge to an unknown party, an invalid share), with file and row. */
  problems: string[];
}

export interface OwnershipLoadResult {
  file: OwnershipFileRecord;
  /** False when the tenant had loaded the same file (same sha256) before: nothing was stored again. */
  stored: boolean;
  /** Parties of the file matched to a listed record (by identifier or by name). */
  resolved: number;
  /** Facts of the file left out as not current (ended interests, closed records), with where they are. */
  leftOut: number;
  evaluation: OwnershipEvaluationSummary;
}

/** A node's statuses and the neighbourhood to draw, for the entity page and `GET /v1/ownership/nodes/:id`. */
export interface OwnershipNodeView {
  node: GraphNode;
  statuses: {
    regime: RegimeId;
    status: 'designated' | 'blocked' | 'possibly_blocked' | 'none';
    aggregate?: { min: number; max: number };
    proof: string[];
  }[];
  chain: { nodes: ChainNode[]; edges: ChainEdge[] };
}

export interface ChainNode {
  id: string;
  name: string;
  schema?: string;
  designated: boolean;
  status: Record<RegimeId, 'designated' | 'blocked' | 'possibly_blocked' | 'none'>;
}

export interface ChainEdge {
  id: string;
  kind: GraphEdge['kind'];
  from: string;
  to: string;
  share?: string;
  label?: string;
}

/**
 * How long a tenant's evaluation generation read from the store is trusted: an evaluation made by another
 * process (the CLI, another server) reaches screenings here within this time.
 */
const GENERATION_TTL_MS = 1000;

/** Parties matched to listed records between two progress reports of a load. */
const MATCHING_SLICE = 500;

/** How far the chain drawn on a node's page reaches up (owners) and down (what it owns). */
const CHAIN_LEVELS_UP = 4;
const CHAIN_LEVELS_DOWN = 2;
/** Nodes drawn at most: a hub owning thousands of firms is drawn with its first ones. */
const CHAIN_MAX_NODES = 60;

interface TenantEvaluation {
  /** Lists generation and file ids it was made from. */
  key: string;
  /** The file ids alone, and the lists generation its parties were matched against. */
  fileKey: string;
  listsGeneration: number;
  /** The tenant's own parties as matched to listed records. */
  ownNodes: GraphNode[];
  /** The lists' nodes and ties it was made with (what the next lists are compared with). */
  lists: OwnershipStatements;
  /** Why statuses were lost in the last incremental update ("no longer designated: X"), by regime and party. */
  reasons: Map<string, string>;
  evaluation: OwnershipEvaluation;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A party of a tenant's ownership files that the rules block, matched by a screening. */
export interface OwnershipMatch {
  match: ScreeningMatch;
  /** Its statuses in force, one per regime that blocks it, each with the proof as printed. */
  statuses: { regime: string; status: 'blocked' | 'possibly_blocked'; aggregate: { min: number; max: number }; proof: string[] }[];
  /** Changes when a status, aggregate or proof changes: an alert's record version. */
  version: string;
}

/** A tenant's blocked parties as records a screening engine can match, built once per evaluation applied. */
interface OwnershipEngine {
  generation: number;
  engine: ScreeningEngine | undefined;
  statuses: Map<string, StoredOwnershipStatus[]>;
}

/**
 * A party the ownership rules block, as a record for the engine: its name, schema and identifiers. It is on
 * no list; `source` says where it comes from instead (the engine reads a source only to tell lists apart).
 */
function blockedPartyEntity(node: GraphNode | undefined, status: StoredOwnershipStatus): Entity {
  const schema = node?.schema === 'Person' ? 'Person' : node?.schema === 'Company' ? 'Company' : 'Organization';
  const identifiers = (node?.identifiers ?? []).map((i) => ({ value: i.value, kind: i.scheme }));
  return {
    id: status.id,
    source: 'ownership' as ListSource,
    schema,
    caption: status.name,
    properties: {
      name: [{ value: status.name }],
      ...(identifiers.length ? { registrationNumber: identifiers } : {}),
      ...(node?.countries?.length ? { country: node.countries.map((c) => ({ value: c })) } : {}),
    },
  };
}

export class OwnershipService {
  private readonly evaluations = new Map<string, TenantEvaluation>();
  private readonly engines = new Map<string, OwnershipEngine>();
  /** Each tenant's evaluation generation as last read: screenings read it at most once a second. */
  private readonly generations = new Map<string, { generation: number; readAt: number }>();

  private async generationOf(tenant: string): Promise<number> {
    const known = this.generations.get(tenant);
    if (known && Date.now() - known.readAt < GENERATION_TTL_MS) return known.generation;
    const generation = await this.deps.store.ownershipGeneration(tenant);
    this.generations.set(tenant, { generation, readAt: Date.now() });
    return generation;
  }
  private listStatements: { listsGeneration: number; statements: OwnershipStatements } | undefined;

  constructor(private readonly deps: OwnershipDeps) {}

  /**
   * Reads, resolves, stores and evaluates one ownership file of `tenant`. A file that does not parse is
   * refused whole (`OWNERSHIP_PARSE`, naming the file, line and field) and nothing changes.
   */
  async load(
    tenant: string,
    fileName: string,
    text: string,
    actor: string | null,
    onProgress?: (matched: number, parties: number) => void,
  ): Promise<OwnershipLoadResult> {
    const parsed = parseOwnershipFile(fileName, text);
    // Matching screens each party (about a millisecond each): in slices, saying how far it is.
    const lookup = this.lookup();
    const nodes: GraphNode[] = [];
    for (let from = 0; from < parsed.nodes.length; from += MATCHING_SLICE) {
      nodes.push(...(await resolveParties(parsed.nodes.slice(from, from + MATCHING_SLICE), lookup)));
      onProgress?.(nodes.length, parsed.nodes.length);
    }
    const current = await this.evaluationOf(tenant);
    const saved = await this.deps.store.saveOwnershipFile(
      tenant,
      { fileName, format: parsed.format, sha256: sha256(text), loadedAt: this.deps.clock(), loadedBy: actor },
      { nodes, edges: parsed.edges },
    );
    // The new file's parties and ties join the evaluation in force: only what they reach is evaluated again.
    if (saved.stored && this.evaluations.get(tenant) === current && current.listsGeneration === this.deps.screening.lists.listsGeneration) {
      const update = applyOwnershipChanges(current.evaluation, { nodesAdded: nodes, edgesAdded: parsed.edges });
      current.ownNodes = [...current.ownNodes, ...nodes];
      current.fileKey = (await this.deps.store.listOwnershipFiles(tenant)).map((f) => f.id).join(',');
      current.key = `${current.listsGeneration}:${current.fileKey}`;
      current.reasons = reasonsOf(update);
    }
    const evaluation = await this.evaluate(tenant, actor);
    return {
      file: saved.file,
      stored: saved.stored,
      resolved: nodes.filter((n) => n.resolvedTo).length,
      leftOut: parsed.leftOut.length,
      evaluation,
    };
  }

  /** Listed records by identifier, and by name with the engine in force (in the background, after API requests). */
  private lookup() {
    return screeningLookup(
      this.deps.screening.lists.entities.values(),
      (query, options) => this.deps.screening.screen(query, { limit: options.limit }, true),
      { threshold: this.deps.screening.threshold },
    );
  }

  /**
   * After the lists in force changed: every tenant with ownership data is evaluated again, its parties
   * matched anew to the records now listed (a party may be newly designated, or its record delisted), so
   * that what a designation blocks is blocked, and what a delisting unblocks is unblocked and said.
   */
  async afterListsChanged(actor: string | null): Promise<Map<string, OwnershipEvaluationSummary>> {
    const summaries = new Map<string, OwnershipEvaluationSummary>();
    for (const tenant of await this.deps.store.ownershipTenants())
      summaries.set(tenant, await this.evaluate(tenant, actor, { rematch: true }));
    return summaries;
  }

  /** Deletes one of the tenant's files and evaluates again without it. */
  async deleteFile(tenant: string, fileId: number, actor: string | null): Promise<OwnershipEvaluationSummary> {
    await this.deps.store.deleteOwnershipFile(tenant, fileId, { actor, at: this.deps.clock() });
    return this.evaluate(tenant, actor);
  }

  /**
   * Evaluates the tenant's graph (the lists' ties and its files) under every regime and makes the derived
   * statuses the ones in force, writing only what changed.
   */
  async evaluate(tenant: string, actor: string | null, options: { rematch?: boolean } = {}): Promise<OwnershipEvaluationSummary> {
    const { evaluation, reasons } = await this.evaluationOf(tenant, false, options.rematch);
    const derived: OwnershipStatus[] = [];
    for (const d of derivedStatuses(evaluation)) {
      const proof = proveStatus(evaluation, d.nodeId, d.regime);
      if (!proof?.aggregate) continue;
      derived.push({
        id: d.nodeId,
        name: d.name,
        regime: d.regime,
        status: d.status,
        aggregate: { min: proof.aggregate.min, max: proof.aggregate.max },
        proof,
      });
    }
    const inForce = await this.statusesInForce(tenant);
    const key = (s: { id: string; regime: string }) => `${s.regime}\u0000${s.id}`;
    const before = new Map(inForce.map((s) => [key(s), s]));
    const after = new Map(derived.map((s) => [key(s), s]));
    const upsert = derived.filter((s) => {
      const old = before.get(key(s));
      return !old || old.status !== s.status || JSON.stringify(old.proof) !== JSON.stringify(s.proof) || old.name !== s.name;
    });
    const remove = inForce.filter((s) => !after.has(key(s))).map((s) => ({ nodeId: s.id, regime: s.regime }));
    const change = (s: { id: string; name: string; regime: string }, from: string | undefined, to: string | undefined) => ({
      id: s.id,
      name: s.name,
      regime: s.regime,
      before: (from ?? 'none') as OwnershipStatusChangeView['before'],
      after: (to ?? 'none') as OwnershipStatusChangeView['after'],
    });
    const newlyBlocked = upsert
      .filter((s) => before.get(key(s))?.status !== s.status)
      .map((s) => change(s, before.get(key(s))?.status, s.status));
    const unblocked = inForce
      .filter((s) => !after.has(key(s)))
      .map((s) => {
        const reason = reasons.get(key(s));
        return { ...change(s, s.status, undefined), ...(reason ? { reason } : {}) };
      });
    let alertsOpened = 0;
    if (upsert.length > 0 || remove.length > 0) {
      const generation = (await this.deps.store.ownershipGeneration(tenant)) + 1;
      await this.deps.store.replaceOwnershipStatuses(tenant, { upsert, remove }, generation, { actor, at: this.deps.clock() });
      this.generations.set(tenant, { generation, readAt: Date.now() });
      // Customers that resemble a party blocked now and not before open alerts (the monitor's).
      const newId = this.deps.newId;
      if (newId && newlyBlocked.length > 0) {
        const deps = { ...this.deps, newId, ownership: this };
        alertsOpened = (await rescreenCustomersForOwnership(deps, tenant, new Set(newlyBlocked.map((c) => c.id)), generation)).alertsOpened;
      }
    }
    const counts: OwnershipEvaluationSummary['counts'] = {};
    const perRegime = ownershipStatusCounts(evaluation);
    for (const regime of REGIME_IDS)
      counts[regime] = { blocked: perRegime[regime]?.blocked ?? 0, possibly_blocked: perRegime[regime]?.possibly_blocked ?? 0 };
    return {
      alertsOpened,
      counts,
      newlyBlocked,
      unblocked,
      upserted: upsert.length,
      removed: remove.length,
      problems: evaluation.graph.problems.map((p) => p.message),
    };
  }

  /** The statuses in force for the tenant, optionally of one regime or status. */
  async statuses(
    tenant: string,
    filter: { regime?: string; status?: 'blocked' | 'possibly_blocked'; limit?: number; offset?: number } = {},
  ): Promise<StoredOwnershipStatus[]> {
    return this.deps.store.listOwnershipStatuses(tenant, filter);
  }

  /** One node's statuses per regime with their proofs, and the ownership chain around it to draw. */
  async node(tenant: string, id: string): Promise<OwnershipNodeView | undefined> {
    const { evaluation } = await this.evaluationOf(tenant);
    const g = evaluation.graph;
    const v = g.nodeIndex.get(id);
    if (v === undefined) return undefined;
    const statuses = REGIME_IDS.map((regime) => {
      const status = ownershipStatus(evaluation, id, regime) ?? 'none';
      const proof = status === 'none' ? undefined : proveStatus(evaluation, id, regime);
      return {
        regime,
        status,
        ...(proof?.aggregate ? { aggregate: { min: proof.aggregate.min, max: proof.aggregate.max } } : {}),
        proof: proof ? formatProof(proof) : [],
      };
    });
    return { node: g.nodes[v], statuses, chain: ownershipChain(evaluation, id) };
  }

  /** Paths from a node to designated persons over every kind of tie, bounded by `depth`. */
  async exposure(tenant: string, id: string, depth = DEFAULT_EXPOSURE_DEPTH): Promise<ExposureTarget[] | undefined> {
    const { evaluation } = await this.evaluationOf(tenant);
    return exposurePaths(evaluation.graph, id, { depth });
  }

  /** Parties of the tenant's graph (and listed records) whose name contains `text`, for look-up by name. */
  async findNodes(tenant: string, text: string, limit = 10): Promise<GraphNode[]> {
    const { evaluation } = await this.evaluationOf(tenant);
    const wanted = text.trim().toLowerCase();
    const found: GraphNode[] = [];
    for (const node of evaluation.graph.nodes) {
      if (node.name.toLowerCase().includes(wanted)) found.push(node);
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * The tenant's parties blocked by ownership or control that a screened party resembles (by name and
   * identifiers, as listed records are matched), at the deployment's threshold. Empty for a tenant with
   * no ownership data, at the cost of one query.
   */
  async matches(
    tenant: string,
    query: ScreeningQuery,
    options: { limit?: number; only?: ReadonlySet<string> } = {},
  ): Promise<OwnershipMatch[]> {
    const generation = await this.generationOf(tenant);
    if (generation === 0) return [];
    let built = this.engines.get(tenant);
    if (!built || built.generation !== generation) {
      const all = await this.statusesInForce(tenant);
      const statuses = new Map<string, StoredOwnershipStatus[]>();
      for (const st of all) statuses.set(st.id, [...(statuses.get(st.id) ?? []), st]);
      const graph = statuses.size > 0 ? (await this.evaluationOf(tenant)).evaluation.graph : undefined;
      const entities = [...statuses.values()].map((list) =>
        blockedPartyEntity(graph?.nodes[graph.nodeIndex.get(list[0].id) ?? -1], list[0]),
      );
      built = { generation, engine: entities.length ? new ScreeningEngine(entities) : undefined, statuses };
      this.engines.set(tenant, built);
    }
    if (!built.engine) return [];
    const found = built.engine.screen(query, { limit: options.limit ?? 10, threshold: this.deps.screening.threshold });
    return found
      .filter((m) => !options.only || options.only.has(m.id))
      .map((match) => {
        const statuses = (built.statuses.get(match.id) ?? []).map((st) => ({
          regime: st.regime,
          status: st.status,
          aggregate: st.aggregate,
          proof: formatProof(st.proof as OwnershipProof),
        }));
        return { match, statuses, version: sha256(JSON.stringify(statuses)).slice(0, 16) };
      });
  }

  /** The tenant's compiled graph as evaluated (for callers that draw or search it). */
  async graph(tenant: string): Promise<CompiledOwnershipGraph> {
    return (await this.evaluationOf(tenant)).evaluation.graph;
  }

  /** Every status in force for the tenant (of one regime or status), read page by page. */
  async allStatuses(
    tenant: string,
    filter: { regime?: string; status?: 'blocked' | 'possibly_blocked' } = {},
  ): Promise<StoredOwnershipStatus[]> {
    return this.statusesInForce(tenant, filter);
  }

  private async statusesInForce(
    tenant: string,
    filter: { regime?: string; status?: 'blocked' | 'possibly_blocked' } = {},
  ): Promise<StoredOwnershipStatus[]> {
    const all: StoredOwnershipStatus[] = [];
    const page = 10_000;
    for (let offset = 0; ; offset += page) {
      const rows = await this.deps.store.listOwnershipStatuses(tenant, { ...filter, limit: page, offset });
      all.push(...rows);
      if (rows.length < page) return all;
    }
  }

  /** The lists' own nodes and ties, made once per lists generation. */
  private listsGraph(): OwnershipStatements {
    const lists = this.deps.screening.lists;
    if (this.listStatements?.listsGeneration !== lists.listsGeneration) {
      // Each relationship is kept under both its records: taken once.
      const seen = new Set<Relationship>();
      for (const rels of lists.relationships.values()) for (const r of rels) seen.add(r);
      const statements = listGraph([...lists.entities.values()], [...seen]);
      // A party several lists designate counts under every regime that follows one of them, whichever of
      // its records a file names (KOMID as ofac:9345 is also the UN's KPe.001).
      for (const node of statements.nodes) {
        const others = new Set<ListSource>();
        for (const link of lists.links.get(node.id) ?? []) {
          const other = lists.entities.get(link.a === node.id ? link.b : link.a);
          if (other && other.source !== node.source.list) others.add(other.source);
        }
        if (others.size > 0) node.alsoListedOn = [...others];
      }
      this.listStatements = { listsGeneration: lists.listsGeneration, statements };
    }
    return this.listStatements.statements;
  }

  /**
   * The evaluation in force brought up to new lists by a change set (records listed and delisted, ties
   * stated and withdrawn), so that only what the changes reach is evaluated again. Undefined where that
   * cannot be done exactly, and the caller evaluates afresh: a party of the tenant's files now matches
   * another listed record, or a record moved from one list to another.
   */
  private async afterNewLists(
    cached: TenantEvaluation,
    lists: OwnershipStatements,
    listsGeneration: number,
  ): Promise<TenantEvaluation | undefined> {
    const ownNodes = await resolveParties(cached.ownNodes, this.lookup());
    if (ownNodes.some((n, i) => n.resolvedTo?.recordId !== cached.ownNodes[i].resolvedTo?.recordId)) return undefined;
    const before = new Map(cached.lists.nodes.map((n) => [n.id, n]));
    const now = new Set(lists.nodes.map((n) => n.id));
    const listsOf = (n: GraphNode) => [n.source.list, ...(n.alsoListedOn ?? []).sort()].join(',');
    if (lists.nodes.some((n) => before.has(n.id) && listsOf(before.get(n.id)!) !== listsOf(n))) return undefined;
    const nodesAdded = lists.nodes.filter((n) => !before.has(n.id));
    const edgesBefore = new Set(cached.lists.edges.map((e) => e.id));
    const edgesNow = new Set(lists.edges.map((e) => e.id));
    const update = applyOwnershipChanges(cached.evaluation, {
      nodesAdded,
      designated: nodesAdded.map((n) => n.id),
      undesignated: cached.lists.nodes.filter((n) => !now.has(n.id)).map((n) => n.id),
      edgesAdded: lists.edges.filter((e) => !edgesBefore.has(e.id)),
      edgesRemoved: cached.lists.edges.filter((e) => !edgesNow.has(e.id)).map((e) => ({ id: e.id, from: e.from, to: e.to })),
    });
    cached.lists = lists;
    cached.listsGeneration = listsGeneration;
    cached.key = `${listsGeneration}:${cached.fileKey}`;
    cached.reasons = reasonsOf(update);
    return cached;
  }

  private async evaluationOf(tenant: string, fresh = false, rematch = false): Promise<TenantEvaluation> {
    const files = await this.deps.store.listOwnershipFiles(tenant);
    const listsGeneration = this.deps.screening.lists.listsGeneration;
    const fileKey = files.map((f) => f.id).join(',');
    const key = `${listsGeneration}:${fileKey}`;
    const cached = this.evaluations.get(tenant);
    if (cached && cached.key === key && !fresh) return cached;
    const lists = this.listsGraph();
    if (cached && !fresh && cached.fileKey === fileKey && cached.listsGeneration !== listsGeneration) {
      const updated = await this.afterNewLists(cached, lists, listsGeneration);
      if (updated) return updated;
    }
    const own = files.length > 0 ? await this.deps.store.loadOwnershipGraph(tenant) : { nodes: [], edges: [] };
    // Parties are matched when their file is loaded, and matched again when the lists change under them
    // (the new match is kept in memory; the file stays as it was loaded).
    if (cached && cached.fileKey === fileKey && cached.listsGeneration === listsGeneration && !rematch) own.nodes = cached.ownNodes;
    else if (rematch || (cached && cached.fileKey === fileKey)) own.nodes = await resolveParties(own.nodes, this.lookup());
    // A party two files state is one node; the first statement of it counts (the others are duplicates).
    const statements = { nodes: [...lists.nodes, ...own.nodes], edges: [...lists.edges, ...own.edges] };
    const evaluation = evaluateOwnership(compileOwnershipGraph(statements));
    const made: TenantEvaluation = {
      key,
      fileKey,
      listsGeneration,
      ownNodes: own.nodes,
      lists,
      reasons: new Map(),
      evaluation,
    };
    this.evaluations.set(tenant, made);
    return made;
  }
}

/** The reasons an incremental update gives for statuses lost, by regime and party. */
function reasonsOf(update: OwnershipUpdate): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const c of update.unblocked) if (c.reason) reasons.set(`${c.regime}\u0000${c.nodeId}`, c.reason);
  return reasons;
}

/**
 * The neighbourhood of a node to draw: its owners and controllers up to the designated persons (a few
 * levels), and what it owns or controls below it, over ownership and control edges.
 */
function ownershipChain(evaluation: OwnershipEvaluation, id: string): { nodes: ChainNode[]; edges: ChainEdge[] } {
  const g = evaluation.graph;
  const start = g.nodeIndex.get(id)!;
  const nodes = new Set<number>([start]);
  const edges = new Set<number>();
  const walk = (direction: 'up' | 'down', levels: number) => {
    let frontier = [start];
    for (let level = 0; level < levels && frontier.length > 0; level++) {
      const next: number[] = [];
      for (const v of frontier) {
        // Every ownership and control edge, those without a share too (a list's "Owned or Controlled By").
        forEachAdjacent(g, v, (e) => {
          const edge = g.edges[e];
          if (edge.kind !== 'ownership' && edge.kind !== 'control') return;
          const here = direction === 'up' ? g.edgeTo[e] : g.edgeFrom[e];
          if (here !== v || (g.shareFlags[e] & SHARE_FLAG.removed) !== 0) return;
          const other = direction === 'up' ? g.edgeFrom[e] : g.edgeTo[e];
          if (!nodes.has(other)) {
            if (nodes.size >= CHAIN_MAX_NODES) return;
            nodes.add(other);
            next.push(other);
          }
          edges.add(e);
        });
      }
      frontier = next;
    }
  };
  walk('up', CHAIN_LEVELS_UP);
  walk('down', CHAIN_LEVELS_DOWN);
  const statusOf = (nodeId: string) =>
    Object.fromEntries(REGIME_IDS.map((r) => [r, ownershipStatus(evaluation, nodeId, r) ?? 'none'])) as ChainNode['status'];
  return {
    nodes: [...nodes].map((v) => {
      const n = g.nodes[v];
      return {
        id: n.id,
        name: n.name,
        ...(n.schema ? { schema: n.schema } : {}),
        designated: REGIME_IDS.some((r) => ownershipStatus(evaluation, n.id, r) === 'designated'),
        status: statusOf(n.id),
      };
    }),
    edges: [...edges].map((e) => {
      const edge = g.edges[e];
      return {
        id: edge.id,
        kind: edge.kind,
        from: edge.from,
        to: edge.to,
        ...(edge.kind === 'ownership' && edge.share ? { share: formatShare(edge.share) } : {}),
        ...(edge.kind === 'control' ? { label: edge.detail ?? edge.basis } : {}),
      };
    }),
  };
}

export type { OwnershipProof };
