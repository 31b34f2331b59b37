/**
 * Parties and agents on hand-written transactions: address lines in the shared order, organisation and
 * person identifications, agents in old and new versions, accounts, and parties kept once.
 */
import { describe, expect, it } from 'vitest';
import type { Payment, PaymentParty } from '@embargo/core';
import { parseIso20022Message } from './index.js';

const TX = 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]';

/** A pacs.008 with one transaction holding `content` (add Dbtr and Cdtr where the case does not). */
function pacs008(content: string): Payment {
  const withParties = `${content.includes('<Dbtr>') ? '' : '<Dbtr><Nm>Anna</Nm></Dbtr>'}${content}${content.includes('<Cdtr>') ? '' : '<Cdtr><Nm>Ben</Nm></Cdtr>'}`;
  const [result] = parseIso20022Message(
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><GrpHdr><MsgId>REF1</MsgId></GrpHdr>` +
      `<CdtTrfTxInf>${withParties}</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>`,
  );
  if (result.error) throw new Error(JSON.stringify(result.error));
  return result.payment;
}

const partyIn = (content: string, role: PaymentParty['role']) => pacs008(content).parties.find((p) => p.role === role);

describe('postal addresses', () => {
  it('writes every structured element in the shared order, street and number, postcode and town joined, then each AdrLine', () => {
    const address =
      '<PstlAdr><AdrTp><Cd>ADDR</Cd></AdrTp><Dept>Treasury</Dept><SubDept>Payments</SubDept><StrtNm>Main Street</StrtNm><BldgNb>5</BldgNb>' +
      '<BldgNm>Tower A</BldgNm><Flr>3</Flr><PstBx>PO Box 12</PstBx><Room>301</Room><PstCd>1000</PstCd><TwnNm>Town</TwnNm>' +
      '<TwnLctnNm>Old Town</TwnLctnNm><DstrctNm>District</DstrctNm><CtrySubDvsn>Province</CtrySubDvsn><Ctry>BE</Ctry>' +
      '<AdrLine>Line one</AdrLine><AdrLine>  Line two  </AdrLine></PstlAdr>';
    expect(partyIn(`<Dbtr><Nm>Anna</Nm>${address}</Dbtr>`, 'debtor')).toMatchObject({
      addressLines: [
        'Treasury',
        'Payments',
        'Main Street 5',
        'Tower A',
        '3',
        'PO Box 12',
        '301',
        '1000 Town',
        'Old Town',
        'District',
        'Province',
        'Line one',
        'Line two',
      ],
      country: 'BE',
    });
  });

  it('writes a street without a number, a town without a postcode, alone', () => {
    expect(partyIn('<Dbtr><Nm>Anna</Nm><PstlAdr><BldgNb>7</BldgNb><TwnNm>Paris</TwnNm></PstlAdr></Dbtr>', 'debtor')?.addressLines).toEqual([
      '7',
      'Paris',
    ]);
  });

  it('takes the country of residence when the address has no country, and keeps a differing one as a country of its own', () => {
    expect(partyIn('<Dbtr><Nm>Anna</Nm><CtryOfRes>AR</CtryOfRes></Dbtr>', 'debtor')?.country).toBe('AR');
    const payment = pacs008('<Dbtr><Nm>Anna</Nm><PstlAdr><Ctry>GB</Ctry></PstlAdr><CtryOfRes>IR</CtryOfRes></Dbtr>');
    expect(payment.parties[0].country).toBe('GB');
    expect(payment.countries).toEqual([{ source: `${TX}/Dbtr/CtryOfRes`, code: 'IR' }]);
  });

  it.each([
    ['character references', 'Soci&#233;t&#xE9; G&#233;n&#233;rale', 'Société Générale'],
    ['predefined entities, an escaped reference left as text', 'A &amp; B &amp;#65;', 'A & B &#65;'],
    ['CDATA', '<![CDATA[C & D]]>', 'C & D'],
    ['text that looks like a number or a boolean, kept as text', '1E5', '1E5'],
  ])('reads a name with %s as written', (_why, written, name) => {
    expect(partyIn(`<Dbtr><Nm>${written}</Nm></Dbtr>`, 'debtor')?.name).toBe(name);
  });

  it('collapses a name written over lines into one line', () => {
    expect(partyIn('<Dbtr><Nm>  JOHN\n      DOE  </Nm></Dbtr>', 'debtor')?.name).toBe('JOHN DOE');
  });
});

describe('identifications', () => {
  it('an organisation: kind organisation, AnyBIC upper-cased, LEI, other ids by scheme code, proprietary scheme or issuer', () => {
    const id =
      '<Id><OrgId><AnyBIC>abcdgb2l</AnyBIC><LEI>529900T8BM49AURSDO55</LEI>' +
      '<Othr><Id>GB123</Id><SchmeNm><Cd>TXID</Cd></SchmeNm></Othr><Othr><Id>C-9</Id><SchmeNm><Prtry>CUSTNO</Prtry></SchmeNm></Othr>' +
      '<Othr><Id>77</Id><Issr>Chamber</Issr></Othr><Othr><Id>88</Id></Othr></OrgId></Id>';
    expect(partyIn(`<Cdtr><Nm>Acme Ltd</Nm>${id}</Cdtr>`, 'creditor')).toEqual({
      role: 'creditor',
      kind: 'organisation',
      source: `${TX}/Cdtr`,
      name: 'Acme Ltd',
      addressLines: [],
      bic: 'ABCDGB2L',
      identifiers: [
        { scheme: 'LEI', value: '529900T8BM49AURSDO55' },
        { scheme: 'TXID', value: 'GB123' },
        { scheme: 'CUSTNO', value: 'C-9' },
        { scheme: 'Chamber', value: '77' },
        { scheme: 'other', value: '88' },
      ],
    });
  });

  it("an organisation in pain.001.001.03's terms: BICOrBEI", () => {
    expect(partyIn('<Cdtr><Nm>Acme</Nm><Id><OrgId><BICOrBEI>ABCDCHZZ</BICOrBEI></OrgId></Id></Cdtr>', 'creditor')?.bic).toBe('ABCDCHZZ');
  });

  it('a person: kind person, birth date, place of birth as an identifier, country of birth as a country, other ids', () => {
    const id =
      '<Id><PrvtId><DtAndPlcOfBirth><BirthDt>1962-03-01</BirthDt><PrvcOfBirth>Tehran</PrvcOfBirth><CityOfBirth>Tehran</CityOfBirth>' +
      '<CtryOfBirth>IR</CtryOfBirth></DtAndPlcOfBirth><Othr><Id>P1234567</Id><SchmeNm><Cd>CCPT</Cd></SchmeNm></Othr></PrvtId></Id>';
    const payment = pacs008(`<Dbtr><Nm>Ali Example</Nm>${id}</Dbtr>`);
    expect(payment.parties[0]).toEqual({
      role: 'debtor',
      kind: 'person',
      source: `${TX}/Dbtr`,
      name: 'Ali Example',
      addressLines: [],
      birthDate: '1962-03-01',
      identifiers: [
        { scheme: 'placeOfBirth', value: 'Tehran, Tehran' },
        { scheme: 'CCPT', value: 'P1234567' },
      ],
    });
    expect(payment.countries).toEqual([{ source: `${TX}/Dbtr/Id/PrvtId/DtAndPlcOfBirth/CtryOfBirth`, code: 'IR' }]);
  });

  it('keeps a contact (CtctDtls) as a text: it may name a person', () => {
    const payment = pacs008('<Dbtr><Nm>Acme</Nm><CtctDtls><Nm>Jane Roe</Nm><EmailAdr>jane@acme.example</EmailAdr></CtctDtls></Dbtr>');
    expect(payment.texts).toEqual([{ source: `${TX}/Dbtr/CtctDtls`, lines: ['Jane Roe', 'jane@acme.example'] }]);
  });
});

describe('agents', () => {
  it('BICFI, a clearing system membership after its system code, LEI, name, address, other id, and branch', () => {
    const agent =
      '<CdtrAgt><FinInstnId><BICFI>hnbaus51</BICFI><ClrSysMmbId><ClrSysId><Cd>USABA</Cd></ClrSysId><MmbId>021000018</MmbId></ClrSysMmbId>' +
      '<LEI>549300ZFEEJ2IP5VME73</LEI><Nm>Some  Bank</Nm><PstlAdr><TwnNm>Casper</TwnNm><Ctry>US</Ctry></PstlAdr>' +
      '<Othr><Id>X1</Id><SchmeNm><Prtry>INTERNAL</Prtry></SchmeNm></Othr></FinInstnId>' +
      '<BrnchId><Id>B42</Id><Nm>Downtown branch</Nm><PstlAdr><TwnNm>Cheyenne</TwnNm><Ctry>US</Ctry></PstlAdr></BrnchId></CdtrAgt>';
    const payment = pacs008(agent);
    expect(payment.parties.find((p) => p.role === 'creditorAgent')).toEqual({
      role: 'creditorAgent',
      kind: 'bank',
      source: `${TX}/CdtrAgt`,
      name: 'Some Bank',
      addressLines: ['Casper'],
      country: 'US',
      bic: 'HNBAUS51',
      identifiers: [
        { scheme: 'clearingCode', value: 'USABA/021000018' },
        { scheme: 'LEI', value: '549300ZFEEJ2IP5VME73' },
        { scheme: 'INTERNAL', value: 'X1' },
        { scheme: 'branchId', value: 'B42' },
      ],
    });
    expect(payment.texts).toEqual([{ source: `${TX}/CdtrAgt/BrnchId`, lines: ['Downtown branch', 'Cheyenne'] }]);
    expect(payment.countries).toEqual([{ source: `${TX}/CdtrAgt/BrnchId/PstlAdr/Ctry`, code: 'US' }]);
  });

  it('BIC, as pain.001.001.03 names it; a membership without a system is the member id alone', () => {
    expect(
      partyIn(
        '<DbtrAgt><FinInstnId><BIC>POFICHBEXXX</BIC><ClrSysMmbId><MmbId>09000</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>',
        'debtorAgent',
      ),
    ).toMatchObject({
      bic: 'POFICHBEXXX',
      identifiers: [{ scheme: 'clearingCode', value: '09000' }],
    });
  });

  it('reads every agent role with its paired account', () => {
    const agent = (tag: string, bic: string, account?: string) =>
      `<${tag}><FinInstnId><BICFI>${bic}</BICFI></FinInstnId></${tag}>${account ? `<${tag}Acct><Id><IBAN>${account}</IBAN></Id></${tag}Acct>` : ''}`;
    const payment = pacs008(
      agent('PrvsInstgAgt1', 'PIA1XXXX', 'P1') +
        agent('PrvsInstgAgt2', 'PIA2XXXX') +
        agent('PrvsInstgAgt3', 'PIA3XXXX') +
        agent('InstgAgt', 'INSGXXXX') +
        agent('InstdAgt', 'INSDXXXX') +
        agent('IntrmyAgt1', 'INT1XXXX', 'I1') +
        agent('IntrmyAgt2', 'INT2XXXX', 'I2') +
        agent('IntrmyAgt3', 'INT3XXXX', 'I3') +
        '<UltmtDbtr><Nm>Ultimate D</Nm></UltmtDbtr><InitgPty><Nm>Initiator</Nm></InitgPty>' +
        '<Dbtr><Nm>Anna</Nm></Dbtr><DbtrAcct><Id><Othr><Id>0042</Id></Othr></Id></DbtrAcct>' +
        agent('DbtrAgt', 'DAGTXXXX', 'DA') +
        agent('CdtrAgt', 'CAGTXXXX', 'CA') +
        '<Cdtr><Nm>Ben</Nm></Cdtr><CdtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></CdtrAcct><UltmtCdtr><Nm>Ultimate C</Nm></UltmtCdtr>',
    );
    expect(payment.parties.map((p) => [p.role, p.bic ?? p.name, p.account, p.source.replace(`${TX}/`, '')])).toEqual([
      ['previousInstructingAgent1', 'PIA1XXXX', 'P1', 'PrvsInstgAgt1'],
      ['previousInstructingAgent2', 'PIA2XXXX', undefined, 'PrvsInstgAgt2'],
      ['previousInstructingAgent3', 'PIA3XXXX', undefined, 'PrvsInstgAgt3'],
      ['instructingAgent', 'INSGXXXX', undefined, 'InstgAgt'],
      ['instructedAgent', 'INSDXXXX', undefined, 'InstdAgt'],
      ['intermediaryAgent1', 'INT1XXXX', 'I1', 'IntrmyAgt1'],
      ['intermediaryAgent2', 'INT2XXXX', 'I2', 'IntrmyAgt2'],
      ['intermediaryAgent3', 'INT3XXXX', 'I3', 'IntrmyAgt3'],
      ['ultimateDebtor', 'Ultimate D', undefined, 'UltmtDbtr'],
      ['initiatingParty', 'Initiator', undefined, 'InitgPty'],
      ['debtor', 'Anna', '0042', 'Dbtr'],
      ['debtorAgent', 'DAGTXXXX', 'DA', 'DbtrAgt'],
      ['creditorAgent', 'CAGTXXXX', 'CA', 'CdtrAgt'],
      ['creditor', 'Ben', 'GB29NWBK60161331926819', 'Cdtr'],
      ['ultimateCreditor', 'Ultimate C', undefined, 'UltmtCdtr'],
    ]);
  });
});

describe('accounts', () => {
  it("keeps the number as written (never a number: leading zeros stay), the account's name as a text, a proxy as an identifier", () => {
    const payment = pacs008(
      '<Dbtr><Nm>Anna</Nm></Dbtr><DbtrAcct><Id><Othr><Id>000123</Id></Othr></Id><Nm>Anna and Carl Example</Nm>' +
        '<Prxy><Tp><Cd>EMAL</Cd></Tp><Id>anna@example.org</Id></Prxy></DbtrAcct>',
    );
    expect(payment.parties[0]).toMatchObject({ account: '000123', identifiers: [{ scheme: 'EMAL', value: 'anna@example.org' }] });
    expect(payment.texts).toEqual([{ source: `${TX}/DbtrAcct/Nm`, lines: ['Anna and Carl Example'] }]);
  });
});

describe('a party written again identically is kept once', () => {
  it('in the same role with the same name, address, country, account and BIC; a different role or account is another party', () => {
    const payment = pacs008(
      '<InstgAgt><FinInstnId><BICFI>AAAAGB2L</BICFI></FinInstnId></InstgAgt><DbtrAgt><FinInstnId><BICFI>AAAAGB2L</BICFI></FinInstnId></DbtrAgt>',
    );
    expect(payment.parties.map((p) => p.role)).toEqual(['instructingAgent', 'debtor', 'debtorAgent', 'creditor']);
    const [result] = parseIso20022Message(
      '<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>R</MsgId></GrpHdr>' +
        '<PmtInf><Dbtr><Nm>Anna</Nm></Dbtr><DbtrAcct><Id><IBAN>CH01</IBAN></Id></DbtrAcct><CdtTrfTxInf><Cdtr><Nm>Ben</Nm></Cdtr></CdtTrfTxInf></PmtInf>' +
        '<PmtInf><Dbtr><Nm>Anna</Nm></Dbtr><DbtrAcct><Id><IBAN>CH01</IBAN></Id></DbtrAcct><CdtTrfTxInf><Cdtr><Nm>Ben</Nm></Cdtr></CdtTrfTxInf></PmtInf>' +
        '<PmtInf><Dbtr><Nm>Anna</Nm></Dbtr><DbtrAcct><Id><IBAN>CH02</IBAN></Id></DbtrAcct><CdtTrfTxInf><Cdtr><Nm>Ben</Nm></Cdtr></CdtTrfTxInf></PmtInf>' +
        '</CstmrCdtTrfInitn></Document>',
    );
    expect(result.payment?.parties.map((p) => [p.role, p.account, p.source])).toEqual([
      ['debtor', 'CH01', 'CstmrCdtTrfInitn/PmtInf[1]/Dbtr'],
      ['creditor', undefined, 'CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[1]/Cdtr'],
      ['debtor', 'CH02', 'CstmrCdtTrfInitn/PmtInf[3]/Dbtr'],
    ]);
  });
});
