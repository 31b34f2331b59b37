import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmbargoError } from '@embargo/core';
import { hasShared, sharedList } from '../../../../../test/shared-data.js';
import type { ListFile } from '../../format.js';
import { parseOfacLegacyXml } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-xml-errors-'));
function file(name: string, content: string | Buffer): ListFile {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, name: `lists/${name}` };
}

async function parseError(f: ListFile): Promise<{ message: string; line?: number; file?: string }> {
  try {
    await parseOfacLegacyXml(f, 'ofac-cons');
  } catch (e) {
    if (!isEmbargoError(e)) throw e;
    expect(e.code).toBe('LIST_PARSE');
    return { message: e.message, line: e.context.line, file: e.context.file };
  }
  throw new Error('expected a LIST_PARSE error');
}

describe('legacy XML files that cannot be read', () => {
  it.skipIf(!hasShared('ofac-cons/2018-04-06/consolidated.xml'))(
    'names the file and the line where a truncated real file ends',
    async () => {
      const real = readFileSync(sharedList('ofac-cons/2018-04-06/consolidated.xml'));
      // Cut after an entry in the middle, as an interrupted download would: the document is left unclosed.
      const cut = real.subarray(0, real.indexOf('</sdnEntry>', real.length / 2) + '</sdnEntry>'.length);
      const lines = cut.toString('utf8').split('\n').length;
      const error = await parseError(file('truncated.xml', cut));
      expect(error.file).toBe('lists/truncated.xml');
      expect(error.line).toBe(lines);
      expect(error.message).toBe(`lists/truncated.xml:${lines}: XML ends early (unclosed tag: sdnList): the file is truncated or damaged`);
    },
  );

  it('rejects an XML file that is not an OFAC sdnList', async () => {
    const error = await parseError(file('un.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2018-10-29"/>'));
    expect(error.message).toBe(
      'lists/un.xml:2: root element <CONSOLIDATED_LIST> is not an OFAC sdnList file (SDN.XML or CONSOLIDATED.XML) (expected <sdnList>)',
    );
  });

  it('rejects an empty file', async () => {
    expect((await parseError(file('empty.xml', ''))).message).toBe('lists/empty.xml:1: file is empty');
  });

  it('rejects a file of whitespace, which has no root element', async () => {
    expect((await parseError(file('blank.xml', '\n\n  \n'))).message).toMatch(
      /^lists\/blank\.xml:4: malformed XML: document must contain a root element/,
    );
  });

  it('reports malformed XML with its line', async () => {
    const error = await parseError(file('mismatch.xml', '<sdnList>\n<sdnEntry>\n<uid>1</uid>\n</sdnList>\n'));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^lists\/mismatch\.xml:4: malformed XML: /);
  });

  it('reports bytes that are not UTF-8 with their line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<sdnList>\n<sdnEntry>\n<lastName>CAF'),
      Buffer.from([0xe9]),
      Buffer.from('</lastName>\n</sdnEntry>\n</sdnList>'),
    ]);
    const error = await parseError(file('latin1.xml', bytes));
    expect(error.message).toBe('lists/latin1.xml:3: file is not valid UTF-8 (wrong encoding?)');
  });

  it('reports a missing file by name', async () => {
    const error = await parseError({ path: join(dir, 'nope.xml'), name: 'lists/nope.xml' });
    expect(error.message).toBe('lists/nope.xml: cannot read file (ENOENT)');
  });
});
