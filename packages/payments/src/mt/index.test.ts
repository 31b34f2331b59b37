/**
 * parseMtMessages on small hand-written messages: one case per role mapping, message type and error. The
 * real sample files are in samples.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseMtMessages } from './index.js';

/** An input message of `type` from BANKBEBB to BANKDEFF with `fields` (lines of block 4), block 3 `userHeader`. */
function message(type: string, fields: string, userHeader = ''): string {
  return `{1:F01BANKBEBBAXXX0000000000}{2:I${type}BANKDEFFXXXXN}${userHeader}{4:\n${fields}\n-}`;
}
const MT103 = ':20:REF1\n:23B:CRED\n:32A:210511USD100,\n:50K:/1\nJOHN SMITH\n:59:/2\nJANE DOE';

describe('parseMtMessages: payments', () => {
  it('an MT103 without UETR: messageId is sender BIC and reference; the header agents come first', () => {
    expect(parseMtMessages(message('103', MT103))).toEqual([
      {
        payment: {
          messageId: 'BANKBEBBXXX:REF1',
          format: 'MT103',
          reference: 'REF1',
          amount: { currency: 'USD', value: '100' },
          parties: [
            { role: 'instructingAgent', kind: 'bank', source: '1', bic: 'BANKBEBBXXX', addressLines: [], identifiers: [] },
            { role: 'instructedAgent', kind: 'bank', source: '2', bic: 'BANKDEFFXXX', addressLines: [], identifiers: [] },
            { role: 'debtor', kind: 'unknown', source: '50K', account: '1', name: 'JOHN SMITH', addressLines: [], identifiers: [] },
            { role: 'creditor', kind: 'unknown', source: '59', account: '2', name: 'JANE DOE', addressLines: [], identifiers: [] },
          ],
          texts: [],
          countries: [],
        },
      },
    ]);
  });

  it('maps every agent field to its ISO 20022 role, and keeps 70, 72, 77B, 77T as texts line for line', () => {
    const fields = `${MT103}\n:51A:SENDBEBB\n:52A:ORDBBEBB\n:53A:SCORBEBB\n:54A:RCORBEBB\n:55A:THRDBEBB\n:56A:INTMBEBB\n:57A:ACWIBEBB\n:70:AUG\nUST\n:72:/ACC/X\n//Y\n:77B:/ORDERRES/BE//X\n:77T:ENVELOPE`;
    const payment = parseMtMessages(message('103', fields, '{3:{119:STP}{121:8579f4a4-a547-463e-ae63-e7c6620d59b4}}'))[0].payment;
    expect(payment?.parties.slice(4).map((p) => [p.source, p.role])).toEqual([
      ['51A', 'sendingInstitution'],
      ['52A', 'debtorAgent'],
      ['53A', 'sendersCorrespondent'],
      ['54A', 'receiversCorrespondent'],
      ['55A', 'thirdReimbursementInstitution'],
      ['56A', 'intermediaryAgent1'],
      ['57A', 'creditorAgent'],
    ]);
    expect(payment?.texts).toEqual([
      { source: '70', lines: ['AUG', 'UST'] },
      { source: '72', lines: ['/ACC/X', '//Y'] },
      { source: '77B', lines: ['/ORDERRES/BE//X'] },
      { source: '77T', lines: ['ENVELOPE'] },
    ]);
    expect(payment).toMatchObject({
      format: 'MT103',
      messageId: '8579f4a4-a547-463e-ae63-e7c6620d59b4',
      uetr: '8579f4a4-a547-463e-ae63-e7c6620d59b4',
    });
  });

  it('MT202: 58a is the creditor, a bank; /INS/ in 72 is the previous instructing agent', () => {
    const payment = parseMtMessages(message('202', ':20:REF\n:21:REL\n:32A:200803EUR654489,98\n:58A:EVSEFIHHXXX\n:72:/INS/ABNANL2AXXX'))[0]
      .payment;
    expect(payment?.format).toBe('MT202');
    expect(payment?.parties.slice(2)).toEqual([
      { role: 'creditor', kind: 'bank', source: '58A', bic: 'EVSEFIHHXXX', addressLines: [], identifiers: [] },
      { role: 'previousInstructingAgent1', kind: 'bank', source: '72', bic: 'ABNANL2AXXX', addressLines: [], identifiers: [] },
    ]);
  });

  it("MT205COV: sequence B's fields get the B/ prefix; a party repeated in the same role and words is kept once", () => {
    const fields =
      ':20:REF\n:21:REL\n:32A:200810EUR1,\n:52A:CLYDGB2S\n:58A:CAIXESBB\n:50K:/1\nJOHN SMITH\n:52A:CLYDGB2S\n:59:/2\nJANE DOE\n:70:INVOICE 1';
    const payment = parseMtMessages(message('205', fields, '{3:{119:COV}}'))[0].payment;
    expect(payment?.format).toBe('MT205COV');
    expect(payment?.parties.slice(2).map((p) => p.source)).toEqual(['52A', '58A', 'B/50K', 'B/59']);
    expect(payment?.texts).toEqual([{ source: 'B/70', lines: ['INVOICE 1'] }]);
  });

  it('MT101: 50C/50L instructing party, 50G/50H debtor; each transaction numbered B[n]; amount of the first', () => {
    const fields =
      ':20:REF\n:28D:1/1\n:50L:PARTY-ID\n:50G:/ACC\nORDRBEBB\n:30:210511\n:21:T1\n:32B:EUR10,\n:59:/1\nJOHN\n:21:T2\n:32B:EUR20,5\n:50H:/ACC2\nACME\n:57A:ACWIBEBB\n:59:/2\nJANE\n:77B:/REG/X';
    const payment = parseMtMessages(message('101', fields))[0].payment;
    expect(payment?.amount).toEqual({ currency: 'EUR', value: '10' });
    expect(payment?.parties.slice(2).map((p) => [p.source, p.role, p.kind])).toEqual([
      ['50L', 'instructingParty', 'unknown'],
      ['50G', 'debtor', 'organisation'],
      ['B[1]/59', 'creditor', 'unknown'],
      ['B[2]/50H', 'debtor', 'unknown'],
      ['B[2]/57A', 'creditorAgent', 'bank'],
      ['B[2]/59', 'creditor', 'unknown'],
    ]);
    expect(payment?.texts).toEqual([{ source: 'B[2]/77B', lines: ['/REG/X'] }]);
  });

  it('numbers messages from 1 across a batch, an error stopping only its own message', () => {
    const results = parseMtMessages(`${message('103', MT103)}$${message('103', MT103.replace(':32A:', ':33B:'))}$${message('103', MT103)}`);
    expect(results.map((r) => r.error?.message ?? r.payment?.reference)).toEqual(['REF1', 2, 'REF1']);
  });
});

describe('parseMtMessages: errors name the message, the field and the line', () => {
  const errorOf = (text: string) => parseMtMessages(text).map((r) => r.error);
  const ok = message('103', MT103);

  it('an unterminated block', () => {
    expect(errorOf(`${ok}$\n{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{3:{108:X}\n{4:\n:20:A\n-}`)[1]).toEqual({
      message: 2,
      field: '3',
      line: 10,
      reason: "block {3: starting on line 10 is not closed by '}' before the next block on line 11",
    });
  });

  it('block 4 missing, or without its closing line "-}"', () => {
    expect(errorOf('{1:F01BANKBEBBAXXX0000000000}{2:I103BANKDEFFXXXXN}{5:{CHK:1}}')).toEqual([
      { message: 1, field: '4', line: 1, reason: 'block 4 (the text, with the fields) is missing' },
    ]);
    expect(errorOf(`${ok}$\n${ok.replace('\n-}', '\n')}`)[1]).toMatchObject({
      message: 2,
      field: '4',
      line: 10,
      reason: expect.stringContaining("not closed by a line '-}'"),
    });
  });

  it('a field line before any tag', () => {
    expect(errorOf(message('103', `REF\n${MT103}`))).toEqual([
      { message: 1, field: '4', line: 2, reason: expect.stringContaining("line 'REF' comes before any field tag") },
    ]);
  });

  it.each([
    ['20', MT103.replace(':20:REF1\n', ''), "MT103 has no field 20 (the sender's reference)"],
    ['32A', MT103.replace(':32A:210511USD100,\n', ''), 'MT103 has no field 32A (value date, currency and amount)'],
    ['50a', MT103.replace(':50K:/1\nJOHN SMITH\n', ''), 'MT103 has no field 50a (the ordering customer)'],
    ['59a', MT103.replace('\n:59:/2\nJANE DOE', ''), 'MT103 has no field 59a (the beneficiary)'],
  ])('a required field missing: %s', (field, fields, reason) => {
    expect(errorOf(message('103', fields))).toEqual([{ message: 1, field, line: 2, reason }]);
  });

  it('required fields of an MT202, a cover and an MT101', () => {
    expect(errorOf(message('202', ':20:R\n:32A:200803EUR1,'))[0]).toMatchObject({
      field: '58a',
      reason: 'MT202 has no field 58a (the beneficiary institution)',
    });
    expect(errorOf(message('202', ':20:R\n:32A:200803EUR1,\n:58A:EVSEFIHH', '{3:{119:COV}}'))[0]).toMatchObject({ field: 'B/50a' });
    expect(errorOf(message('202', ':20:R\n:32A:200803EUR1,\n:58A:EVSEFIHH\n:50K:JOHN', '{3:{119:COV}}'))[0]).toMatchObject({
      field: 'B/59a',
      line: 5,
      reason: 'MT202COV has no field 59a (the beneficiary) in sequence B',
    });
    expect(errorOf(message('101', ':20:R\n:30:210511'))[0]).toMatchObject({
      field: '21',
      reason: 'MT101 has no transaction (sequence B, starting at field 21)',
    });
    expect(errorOf(message('101', ':20:R\n:21:T1\n:32B:EUR1,\n:59:X\n:21:T2\n:59:Y'))[0]).toMatchObject({ field: 'B[2]/32B', line: 6 });
    expect(errorOf(message('101', ':20:R\n:21:T1\n:32B:EUR1,\n:59:X\n:21:T2\n:32B:EUR2\n:59:Y'))[0]).toMatchObject({
      field: '32B',
      line: 7,
    });
  });

  it('an empty field 20', () => {
    expect(errorOf(message('103', MT103.replace(':20:REF1', ':20: ')))).toEqual([
      { message: 1, field: '20', line: 2, reason: "field 20 (the sender's reference) is empty" },
    ]);
  });

  it('32A not YYMMDDCCCamount', () => {
    expect(errorOf(message('103', MT103.replace('210511USD100,', 'USD100,')))).toEqual([
      {
        message: 1,
        field: '32A',
        line: 4,
        reason: "32A 'USD100,' is not YYMMDD value date, currency and amount with a decimal comma (as '210511USD136500,')",
      },
    ]);
  });

  it('a 50F line without a number', () => {
    expect(errorOf(message('103', MT103.replace(':50K:/1\nJOHN SMITH', ':50F:/1\n1/JOHN SMITH\nLONDON')))).toEqual([
      { message: 1, field: '50F', line: 7, reason: "50F line 'LONDON' has no line number (1/ to 8/)" },
    ]);
  });

  it('a message type Embargo does not screen', () => {
    expect(errorOf(`${ok}$\n${message('940', ':20:STMT')}`)[1]).toEqual({
      message: 2,
      field: '2',
      line: 10,
      reason: 'MT940 is not a payment message Embargo screens',
    });
    expect(errorOf(message('199', ':20:X\n:79:FREE TEXT'))[0]?.reason).toBe('MT199 is not a payment message Embargo screens');
    expect(errorOf(message('103', ':20:X', '{3:{119:COV}}'))[0]?.reason).toBe('MT103 has no field 32A (value date, currency and amount)');
  });

  it('an empty file or one without a message', () => {
    expect(errorOf('')).toEqual([{ message: 1, line: 1, reason: 'the file holds no MT message (a message starts with "{1:")' }]);
    expect(errorOf('$\n$\n')).toHaveLength(1);
  });
});
