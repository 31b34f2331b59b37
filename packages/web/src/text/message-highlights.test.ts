/// <reference types="node" />
/**
 * The hits of a payment found in the message as received, on the real samples of ../shared/data/payments
 * (altered where a case needs it: a listed correspondent in 56A, three remittance lines, namespace
 * prefixes): MT fields from their tag to the next, lines of field 70, a cover's sequence B, the headers,
 * a message of an RJE batch; ISO 20022 elements by path under an envelope or not, with prefixes, and
 * `Ustrd` occurrences as lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_PAYMENTS, hasSharedPayments } from '../../../../test/shared-data.js';
import { highlightedSegments, locateHits, messageOf, readHitField } from './message-highlights';

const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();

const sample = (path: string) => readFileSync(join(PAYMENTS, path), 'utf8');
/** The marked text of each hit, in order (undefined for a hit not found). */
function marked(text: string, format: string, fields: string[]): (string | undefined)[] {
  const marks = locateHits(text, format, fields);
  return fields.map((_, i) => {
    const mark = marks.find((m) => m.hit === i + 1);
    return mark && text.slice(mark.start, mark.end);
  });
}

describe('readHitField', () => {
  it.each([
    { why: 'a field alone', field: '50F', expect: { path: '50F' } },
    { why: 'a cover field', field: 'B/59F', expect: { path: 'B/59F' } },
    { why: 'lines of free text (en dash)', field: '70 lines 1–2', expect: { path: '70', lines: { first: 1, last: 2 } } },
    { why: 'one line', field: '72 line 3', expect: { path: '72', lines: { first: 3, last: 3 } } },
    { why: 'an address line marks the whole party', field: '59F address line 2', expect: { path: '59F' } },
    { why: 'name and address lines too', field: '50K name and address line 2', expect: { path: '50K' } },
    {
      why: 'an ISO path with lines',
      field: 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd lines 1–2',
      expect: { path: 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd', lines: { first: 1, last: 2 } },
    },
  ])('$why: $field', ({ field, expect: expected }) => expect(readHitField(field)).toEqual(expected));
});

describe.skipIf(!HAS_SAMPLES)('SWIFT MT messages', () => {
  const blocked = () => sample('mt/wso2_cbpr_p212_MT103_AtoB.fin').replace(':56A:ANBTUS44XXX', ':56A:FTBDKPPYXXX');

  it('marks a field from its tag up to the next tag, and two hits on one field with both numbers', () => {
    const text = blocked();
    expect(marked(text, 'MT103', ['56A', '56A', '50F'])).toEqual([
      ':56A:FTBDKPPYXXX',
      ':56A:FTBDKPPYXXX',
      ':50F:/96325874\n1/GB Engineering \n2/Industrial Park\n3/GB/Cambridge',
    ]);
    const segments = highlightedSegments(text, locateHits(text, 'MT103', ['56A', '56A']));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.hits.length > 0)).toEqual([{ text: ':56A:FTBDKPPYXXX', hits: [1, 2], labels: [1, 2] }]);
  });

  it('marks the last field up to the end of block 4, and an address line hit as its whole field', () => {
    expect(marked(blocked(), 'MT103', ['71A', '59F address line 2'])).toEqual([
      ':71A:SHA',
      ':59F:/254178963\n1/US Engines\n2/20 Main St\n3/US/Casper WY',
    ]);
  });

  it('marks just the named lines of field 70', () => {
    const text = blocked().replace(
      ':70:/ROC/E2E04044506271305',
      ':70:/ROC/E2E04044506271305\nINV 2017-08 GASOIL VELMUR MANA\nGEMENT PTE LTD',
    );
    expect(marked(text, 'MT103', ['70 lines 2–3', '70 line 1'])).toEqual([
      'INV 2017-08 GASOIL VELMUR MANA\nGEMENT PTE LTD',
      ':70:/ROC/E2E04044506271305',
    ]);
  });

  it("marks a cover's sequence B field after its ordering customer, and sequence A's before it", () => {
    const text = sample('mt/wso2_cbpr_c2922_MT202COV_AtoB.fin');
    expect(marked(text, 'MT202COV', ['52A', 'B/52A', 'B/50F', 'B/59F', 'B/58A'])).toEqual([
      ':52A:MYMBGB2LXXX',
      ':52A:MYMBGB2LXXX',
      ':50F:/25698745\n1/Debtor Co\n2/High Street\n3/GB/Epping',
      ':59F:/65479512\n1/Ardent Finance\n2/Main Street\n3/RO/Bucharest',
      undefined,
    ]);
    const [a, b] = locateHits(text, 'MT202COV', ['52A', 'B/52A']);
    expect(b.start).toBeGreaterThan(text.indexOf(':50F:'));
    expect(a.start).toBeLessThan(text.indexOf(':50F:'));
  });

  it('marks the headers for a hit on the sender or receiver', () => {
    expect(marked(blocked(), 'MT103', ['1', '2'])).toEqual([
      '{1:F01CHASUS33XXXX0000000000}',
      '{2:O1031013210511CHASGB2LXXXX00000000002105111013N}',
    ]);
  });

  it('takes the message of the payment out of an RJE batch with acknowledgements', () => {
    const raw = sample('mt/prowide_MT103-out-ack.rje');
    const message = messageOf(raw, { reference: '0061350113089904' });
    expect(message).toMatchObject({ index: 12, count: 13 });
    expect(message.text.startsWith('{1:F01BICFOOYYAXXX8683497522}')).toBe(true);
    expect(message.text).toContain(':20:0061350113089904');
    expect(message.text).not.toContain('0061350113089905');
    const [field] = marked(message.text, 'MT103', ['50K']);
    expect(field).toMatch(/^:50K:/);
    expect(field).toContain('FOOOOOO MODERADO');
  });

  it('keeps a single message whole', () => {
    const raw = blocked();
    expect(messageOf(raw, { reference: 'A2B0506272708' })).toEqual({ text: raw, index: 1, count: 1 });
  });
});

describe.skipIf(!HAS_SAMPLES)('ISO 20022 messages', () => {
  const between = (text: string, open: string, close: string) => text.slice(text.indexOf(open), text.indexOf(close) + close.length);

  it('marks the whole element a path names, in a Document without an envelope', () => {
    const text = sample('mx/moov_fednow_pacs008_UltimateDebtor.xml');
    const [ultimate, agent, missing] = marked(text, 'pacs.008', [
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/UltmtDbtr',
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/DbtrAgt',
      'FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Dbtr',
    ]);
    expect(ultimate).toBe(between(text, '<UltmtDbtr>', '</UltmtDbtr>'));
    expect(ultimate).toContain('<Nm>Corporation Bb</Nm>');
    expect(agent).toBe(between(text, '<DbtrAgt>', '</DbtrAgt>'));
    expect(missing).toBeUndefined();
  });

  it('finds the Document under an envelope, and the application header', () => {
    const text = sample('mx/wso2_cbpr_p212_pacs008_AtoB.xml');
    const [debtor, from, intermediary] = marked(text, 'pacs.008', [
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr',
      'AppHdr/Fr',
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/IntrmyAgt1',
    ]);
    expect(debtor).toBe(between(text, '<Dbtr>', '</Dbtr>'));
    expect(from).toBe(between(text, '<Fr>', '</Fr>'));
    expect(intermediary).toContain('ANBTUS44XXX');
  });

  it('ignores namespace prefixes and the comment before the envelope', () => {
    const plain = sample('mx/wso2_cbpr_p212_pacs008_AtoB.xml');
    const document = plain.slice(plain.indexOf('<Document'), plain.indexOf('</Document>') + '</Document>'.length);
    const prefixed = plain.replace(document, document.replace(/<(\/?)([A-Za-z])/g, '<$1doc:$2').replace('xmlns=', 'xmlns:doc='));
    expect(prefixed).toContain('<doc:Cdtr>');
    expect(marked(prefixed, 'pacs.008', ['FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr'])).toEqual([
      between(prefixed, '<doc:Cdtr>', '</doc:Cdtr>'),
    ]);
  });

  it('marks the remittance lines a hit names as those Ustrd occurrences', () => {
    const plain = sample('mx/wso2_cbpr_p212_pacs008_AtoB.xml');
    const ustrd = ['<Ustrd>/ROC/E2E04044506271305</Ustrd>', '<Ustrd>GASOIL VELMUR MANA</Ustrd>', '<Ustrd>GEMENT PTE LTD</Ustrd>'];
    const text = plain.replace('</CdtrAcct>', `</CdtrAcct>\n<RmtInf>\n${ustrd.join('\n')}\n</RmtInf>`);
    const path = 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd';
    expect(marked(text, 'pacs.008', [`${path} lines 2–3`, `${path} line 1`, `${path}[3]`, path])).toEqual([
      `${ustrd[1]}\n${ustrd[2]}`,
      ustrd[0],
      ustrd[2],
      ustrd[0],
    ]);
  });
});
