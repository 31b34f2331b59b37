/**
 * End-to-end: `embargo lists links` finds the same person on the OFAC SDN and UN lists. The folder is
 * made of symbolic links to the shared publications, as a deployment pointing at an archive would be.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrossListLink } from '@embargo/core';
import { sharedList } from '../../../../test/shared-data.js';
import { runCaptured } from '../capture-io.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'embargo-links-'));
  symlinkSync(sharedList('ofac-sdn/2023-12-28'), join(scratch, 'sdn-2023-12-28'));
  symlinkSync(sharedList('un-sc/2026-02-27'), join(scratch, 'un-2026-02-27'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('embargo lists links', () => {
  it('links OFAC 21736 JANG, Sung Nam to UN KPi.057 by passport 563120368', async () => {
    const { code, out, err } = await runCaptured(['lists', 'links', scratch, '--json']);
    expect(code, err).toBe(0);
    const { links } = JSON.parse(out) as { links: CrossListLink[] };
    expect(links).toContainEqual({ a: 'ofac:21736', b: 'un:KPi.057', reason: 'passportNumber', value: '563120368' });
    // OFAC writes "GASMI, Salah", the UN "SALAH EDDINE GASMI"; both give 13 April 1971.
    expect(links).toContainEqual({
      a: 'ofac:10934',
      b: 'un:QDi.251',
      reason: 'namePartsAndBirthDate',
      value: 'gasmi salah ⊂ eddine gasmi salah (1971-04-13)',
    });
    // Every link joins the two lists, never a list with itself.
    expect(links.every((l) => l.a.startsWith('ofac:') && l.b.startsWith('un:'))).toBe(true);
  });
});
