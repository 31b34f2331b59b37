/**
 * @module ownership-graph-check
 * What the store refuses of an ownership file before writing any of it: a file that does not say who
 * loaded it when, a sha256 that is not one, and a graph whose ids would not read back as given (an id
 * twice in one file, an empty id, an edge kind the core does not know, a share that JSON cannot hold).
 * Each refusal is `INVALID_INPUT` naming the file and the node or edge (its position and id).
 *
 * @example
 * checkOwnershipFile('bank-a', meta, statements); // throws EmbargoError('INVALID_INPUT', 'register.csv: edge 3 (e-3): …')
 */
import { EmbargoError, type EdgeKind, type GraphEdge, type GraphNode, type OwnershipStatements } from '@embargo/core';

/** What a caller says about an ownership file it loads. */
export interface OwnershipFileMeta {
  /** The file's name as given (`register.csv`, `bods-example.json`). */
  fileName: string;
  /** The format it was read as (`bods-json`, `bods-jsonl`, `ftm`, `csv`): the parser's name for it. */
  format: string;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits: a tenant's file loaded twice is stored once. */
  sha256: string;
  loadedAt: Date;
  /** The API key or user (`user:ann`) that loaded it; null from the CLI. */
  loadedBy: string | null;
}

/** The core's edge kinds; the compiler checks this names every one. */
const EDGE_KINDS = {
  ownership: true,
  control: true,
  directorship: true,
  family: true,
  associate: true,
  listLink: true,
} as const satisfies Record<EdgeKind, true>;

const SHA256 = /^[0-9a-f]{64}$/;

/** The tenant must be named: every ownership row is one tenant's. */
export function checkTenant(tenant: unknown): string {
  if (typeof tenant !== 'string' || tenant === '') {
    throw new EmbargoError('INVALID_INPUT', `Ownership data belongs to a tenant; got ${JSON.stringify(tenant)}.`, { field: 'tenant' });
  }
  return tenant;
}

/** Refuses, before anything is written, a file the store could not keep and give back exactly. */
export function checkOwnershipFile(tenant: string, meta: OwnershipFileMeta, statements: OwnershipStatements): void {
  checkTenant(tenant);
  if (typeof meta.fileName !== 'string' || meta.fileName === '') {
    throw new EmbargoError('INVALID_INPUT', 'An ownership file needs its name.', { field: 'fileName' });
  }
  const file = meta.fileName;
  const refuse = (reason: string, field: string) => new EmbargoError('INVALID_INPUT', `${file}: ${reason}`, { file, field });
  if (typeof meta.format !== 'string' || meta.format === '') throw refuse('the format it was read as is missing.', 'format');
  if (typeof meta.sha256 !== 'string' || !SHA256.test(meta.sha256)) {
    throw refuse(`the sha256 must be 64 lowercase hex digits, not ${JSON.stringify(meta.sha256)}.`, 'sha256');
  }
  if (!(meta.loadedAt instanceof Date) || Number.isNaN(meta.loadedAt.getTime())) {
    throw refuse(`loadedAt is not a valid date: ${String(meta.loadedAt)}.`, 'loadedAt');
  }
  if (meta.loadedBy !== null && typeof meta.loadedBy !== 'string') throw refuse('loadedBy must be text or null.', 'loadedBy');
  if (!Array.isArray(statements?.nodes) || !Array.isArray(statements?.edges)) {
    throw refuse('the statements must hold a list of nodes and a list of edges.', 'statements');
  }
  checkUniqueIds(statements.nodes, 'node', refuse, checkNode);
  checkUniqueIds(statements.edges, 'edge', refuse, checkEdge);
}

type Refuse = (reason: string, field: string) => EmbargoError;

/** Ids are unique within a file (the core's "stable id unique in its graph"): a repeat would be read back twice. */
function checkUniqueIds<T extends { id: string }>(
  items: readonly T[],
  what: 'node' | 'edge',
  refuse: Refuse,
  checkOne: (item: T, where: string, refuse: Refuse) => void,
): void {
  const seen = new Set<string>();
  items.forEach((item, position) => {
    if (typeof item?.id !== 'string' || item.id === '') throw refuse(`${what} ${position} has no id.`, `${what}s[${position}].id`);
    const where = `${what} ${position} (${item.id})`;
    if (seen.has(item.id)) throw refuse(`${where} repeats an id given earlier in the file.`, `${what}s[${position}].id`);
    seen.add(item.id);
    checkOne(item, where, refuse);
  });
}

function checkNode(node: GraphNode, where: string, refuse: Refuse): void {
  // JSON would store a NaN or Infinity as null: the match score would read back as another value.
  if (node.resolvedTo !== undefined && !Number.isFinite(node.resolvedTo.score)) {
    throw refuse(`${where}: the score of its match is not a finite number.`, 'resolvedTo.score');
  }
}

function checkEdge(edge: GraphEdge, where: string, refuse: Refuse): void {
  if (!Object.hasOwn(EDGE_KINDS, edge.kind)) {
    throw refuse(`${where}: kind ${JSON.stringify(edge.kind)} is not one of ${Object.keys(EDGE_KINDS).join(', ')}.`, 'kind');
  }
  for (const end of ['from', 'to'] as const) {
    if (typeof edge[end] !== 'string' || edge[end] === '') throw refuse(`${where}: "${end}" names no node.`, end);
  }
  if (edge.kind === 'ownership' && edge.share !== undefined) {
    const { min, max } = edge.share;
    if (!Number.isFinite(min) || !Number.isFinite(max)) throw refuse(`${where}: the share's ends must be finite numbers.`, 'share');
  }
}
