/**
 * @module test-support
 * For tests only (not built): a graph's nodes and edges as short lines a reader can check against the
 * file by eye, e.g. `10478c6cf6de → c359f58d2977 ownership 100% direct`.
 */
import { formatShare, type GraphEdge, type GraphNode } from '@embargo/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small files written for these tests (FtM and CSV: the shared data has none). */
export const TESTDATA = fileURLToPath(new URL('../testdata', import.meta.url));

export function testdataFile(relative: string): string {
  return readFileSync(join(TESTDATA, relative), 'utf8');
}

/** An id without its format's prefix: `bods:c359f58d2977` → `c359f58d2977`. */
function short(id: string): string {
  return id.replace(/^(bods|ftm|csv):/, '');
}

export function edgeLine(e: GraphEdge): string {
  const parts = [`${short(e.from)} → ${short(e.to)}`, e.kind];
  if ('share' in e && e.share) parts.push(formatShare(e.share));
  if (e.kind === 'ownership') parts.push(e.directness);
  if (e.kind === 'ownership' && e.jointArrangement) parts.push(`joint ${short(e.jointArrangement)}`);
  if (e.kind === 'control') parts.push(e.basis);
  if (e.kind === 'directorship' && e.role) parts.push(e.role);
  if ((e.kind === 'associate' || e.kind === 'listLink') && e.label) parts.push(e.label);
  if (e.kind === 'family' && e.relation) parts.push(e.relation);
  return parts.join(' ');
}

export function nodeLine(n: GraphNode): string {
  const parts = [`${short(n.id)} ${n.schema ?? '?'} "${n.name}"`];
  if (n.countries?.length) parts.push(n.countries.join(','));
  if (n.birthDate) parts.push(`born ${n.birthDate}`);
  for (const i of n.identifiers ?? []) parts.push(`${i.scheme} ${i.value}`);
  if (n.unspecified) parts.push(`unspecified: ${n.unspecified.reason}`);
  return parts.join(' ');
}
