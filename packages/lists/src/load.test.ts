/**
 * parsePublication describes each file with the SHA-256 and size of the bytes its parser read, in every
 * way a parser reads: whole (CSV, UN XML), streamed (OFAC XML), or only in part (the XML member of a zip).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedList } from '../../../test/shared-data.js';
import { detectPublications } from './detect.js';
import { FileDigest, listFile, openStream, readBytes } from './io.js';
import { parsePublication } from './load.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('parsePublication', () => {
  it.for([
    { folder: 'ofac-cons/2025-12-19', format: 'ofac-csv', read: 'whole, four files' },
    { folder: 'un-sc/2026-02-27', format: 'un-xml', read: 'whole' },
    { folder: 'ofac-cons/2018-04-06', format: 'ofac-xml', read: 'streamed' },
    { folder: 'ofac-cons/2019-03-14', format: 'ofac-advanced', read: 'streamed' },
    { folder: 'ofac-cons/2025-01-10', format: 'ofac-enhanced', read: 'up to the end of the zipped XML' },
    { folder: 'uk-hmt-conlist/2014-04-02', format: 'uk-hmt-csv', read: 'whole, in Windows-1252' },
  ])('hashes the $format files of $folder, read $read', async ({ folder, format }, { skip }) => {
    if (!hasShared(folder)) return skip();
    const { publications } = await detectPublications(sharedList(folder));
    expect(publications.map((p) => p.format)).toEqual([format]);
    const publication = await parsePublication(publications[0]);
    expect(publication.files.length).toBe(publications[0].files.length);
    for (const [i, file] of publication.files.entries()) {
      const bytes = readFileSync(publications[0].files[i].file.path);
      expect(file).toMatchObject({ sha256: sha256(bytes), bytes: bytes.length, format });
    }
  });
});

describe('FileDigest', () => {
  const path = sharedList('ofac-sdn/2023-12-28/alt.csv');
  const size = readFileSync(path).length;

  it('gives the hash of a file read once, whole or in chunks', async () => {
    const whole = listFile(path);
    whole.digest = new FileDigest();
    await readBytes(whole);
    const streamed = listFile(path);
    streamed.digest = new FileDigest();
    for await (const chunk of openStream(streamed)) expect(chunk.length).toBeGreaterThan(0);
    expect(whole.digest.sha256(size)).toBe(sha256(readFileSync(path)));
    expect(streamed.digest.sha256(size)).toBe(sha256(readFileSync(path)));
  });

  it('gives no hash for a file read twice, in part, or not at all, for the caller to hash it from disk', async () => {
    const twice = listFile(path);
    twice.digest = new FileDigest();
    await readBytes(twice);
    await readBytes(twice);
    const part = listFile(path);
    part.digest = new FileDigest();
    for await (const chunk of openStream(part)) if (chunk.length) break;
    expect(twice.digest.sha256(size)).toBeUndefined();
    expect(part.digest.sha256(size)).toBeUndefined();
    expect(new FileDigest().sha256(size)).toBeUndefined();
  });
});
