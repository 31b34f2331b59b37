/**
 * The free text and countries of a transaction, on hand-written pacs.008, pacs.009 cover and pain.001
 * messages: each text with its path and lines.
 */
import { describe, expect, it } from 'vitest';
import type { Payment } from '@embargo/core';
import { parseIso20022Message } from './index.js';

const TX = 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]';

function onePayment(xml: string): Payment {
  const [result] = parseIso20022Message(xml);
  if (result.error) throw new Error(JSON.stringify(result.error));
  return result.payment;
}

const pacs008 = (content: string) =>
  onePayment(
    '<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>R</MsgId></GrpHdr>' +
      `<CdtTrfTxInf><Dbtr><Nm>Anna</Nm></Dbtr><Cdtr><Nm>Ben</Nm></Cdtr>${content}</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>`,
  );

describe('texts of a transaction', () => {
  const cases = [
    {
      why: 'the Ustrd of one RmtInf are the lines of one text: a name may run from one into the next',
      xml: '<RmtInf><Ustrd>Invoice 1</Ustrd><Ustrd>and AUG</Ustrd></RmtInf>',
      texts: [{ source: `${TX}/RmtInf/Ustrd`, lines: ['Invoice 1', 'and AUG'] }],
    },
    {
      why: "each Strd is a text of every text it holds (references, the invoicee's name, AddtlRmtInf)",
      xml:
        '<RmtInf><Strd><RfrdDocInf><Nb>INV-7</Nb></RfrdDocInf><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf>' +
        '<Invcee><Nm>Shell Company Ltd</Nm></Invcee><AddtlRmtInf>first</AddtlRmtInf><AddtlRmtInf>second</AddtlRmtInf></Strd>' +
        '<Strd><AddtlRmtInf>other</AddtlRmtInf></Strd></RmtInf>',
      texts: [
        { source: `${TX}/RmtInf/Strd[1]`, lines: ['INV-7', 'RF18539007547034', 'Shell Company Ltd', 'first', 'second'] },
        { source: `${TX}/RmtInf/Strd[2]`, lines: ['other'] },
      ],
    },
    { why: 'the purpose code', xml: '<Purp><Cd>GDDS</Cd></Purp>', texts: [{ source: `${TX}/Purp`, lines: ['GDDS'] }] },
    {
      why: 'a proprietary purpose',
      xml: '<Purp><Prtry>Arms spare parts</Prtry></Purp>',
      texts: [{ source: `${TX}/Purp`, lines: ['Arms spare parts'] }],
    },
    {
      why: 'instructions for the creditor agent and the next agent: their InstrInf, not their code',
      xml:
        '<InstrForCdtrAgt><Cd>PHOB</Cd></InstrForCdtrAgt><InstrForCdtrAgt><InstrInf>Call beneficiary</InstrInf></InstrForCdtrAgt>' +
        '<InstrForNxtAgt><InstrInf>/INS/ABNANL2A</InstrInf></InstrForNxtAgt>',
      texts: [
        { source: `${TX}/InstrForCdtrAgt[2]/InstrInf`, lines: ['Call beneficiary'] },
        { source: `${TX}/InstrForNxtAgt[1]/InstrInf`, lines: ['/INS/ABNANL2A'] },
      ],
    },
    {
      why: "regulatory reporting: the authority's name, each detail's Inf lines",
      xml: '<RgltryRptg><Authrty><Nm>Central Bank</Nm><Ctry>BE</Ctry></Authrty><Dtls><Ctry>RU</Ctry><Cd>101</Cd><Inf>GOODS ORIGIN</Inf><Inf>MOSCOW</Inf></Dtls></RgltryRptg>',
      texts: [
        { source: `${TX}/RgltryRptg[1]/Authrty/Nm`, lines: ['Central Bank'] },
        { source: `${TX}/RgltryRptg[1]/Dtls[1]`, lines: ['GOODS ORIGIN', 'MOSCOW'] },
      ],
    },
    {
      why: 'tax and related remittance information, every text they hold',
      xml: '<Tax><Cdtr><TaxId>TX-1</TaxId></Cdtr></Tax><RltdRmtInf><RmtLctnDtls><Mtd>EMAL</Mtd><ElctrncAdr>ar@example.org</ElctrncAdr></RmtLctnDtls></RltdRmtInf>',
      texts: [
        { source: `${TX}/Tax`, lines: ['TX-1'] },
        { source: `${TX}/RltdRmtInf[1]`, lines: ['EMAL', 'ar@example.org'] },
      ],
    },
  ];
  it.each(cases)('$why', ({ xml, texts }) => {
    expect(pacs008(xml).texts).toEqual(texts);
  });

  it('countries named by regulatory reporting, outside any address', () => {
    const payment = pacs008(
      '<RgltryRptg><Authrty><Ctry>BE</Ctry></Authrty><Dtls><Ctry>RU</Ctry><Inf>x</Inf></Dtls><Dtls><Ctry>BY</Ctry></Dtls></RgltryRptg>',
    );
    expect(payment.countries).toEqual([
      { source: `${TX}/RgltryRptg[1]/Authrty/Ctry`, code: 'BE' },
      { source: `${TX}/RgltryRptg[1]/Dtls[1]/Ctry`, code: 'RU' },
      { source: `${TX}/RgltryRptg[1]/Dtls[2]/Ctry`, code: 'BY' },
    ]);
  });
});

describe('texts of the other messages', () => {
  it("a pacs.009 cover: the cover's texts and the underlying transfer's, each with its own path", () => {
    const payment = onePayment(
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FICdtTrf><GrpHdr><MsgId>R</MsgId></GrpHdr><CdtTrfTxInf>' +
        '<Dbtr><FinInstnId><BICFI>AAAAGB2L</BICFI></FinInstnId></Dbtr><Cdtr><FinInstnId><BICFI>BBBBBEBB</BICFI></FinInstnId></Cdtr>' +
        '<InstrForNxtAgt><InstrInf>COVER NOTE</InstrInf></InstrForNxtAgt>' +
        '<UndrlygCstmrCdtTrf><UltmtDbtr><Nm>Real Payer</Nm></UltmtDbtr><Dbtr><Nm>Debtor Co</Nm></Dbtr><Cdtr><Nm>Creditor Co</Nm></Cdtr>' +
        '<UltmtCdtr><Nm>Real Payee</Nm></UltmtCdtr><RmtInf><Ustrd>Invoice 9</Ustrd></RmtInf></UndrlygCstmrCdtTrf>' +
        '</CdtTrfTxInf></FICdtTrf></Document>',
    );
    expect(payment.format).toBe('pacs.009COV');
    expect(payment.texts).toEqual([
      { source: 'FICdtTrf/CdtTrfTxInf[1]/InstrForNxtAgt[1]/InstrInf', lines: ['COVER NOTE'] },
      { source: 'FICdtTrf/CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/RmtInf/Ustrd', lines: ['Invoice 9'] },
    ]);
    expect(payment.parties.map((p) => [p.role, p.kind, p.bic ?? p.name])).toEqual([
      ['debtor', 'bank', 'AAAAGB2L'],
      ['creditor', 'bank', 'BBBBBEBB'],
      ['ultimateDebtor', 'unknown', 'Real Payer'],
      ['debtor', 'unknown', 'Debtor Co'],
      ['creditor', 'unknown', 'Creditor Co'],
      ['ultimateCreditor', 'unknown', 'Real Payee'],
    ]);
  });

  it.each([
    [
      'as text (pain.001.001.03)',
      '<InstrForDbtrAgt>Urgent, by phone</InstrForDbtrAgt>',
      'CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[1]/InstrForDbtrAgt',
    ],
    [
      'as an element (pain.001.001.10)',
      '<InstrForDbtrAgt><InstrInf>Urgent, by phone</InstrInf></InstrForDbtrAgt>',
      'CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[1]/InstrForDbtrAgt/InstrInf',
    ],
  ])("pain.001's instruction for the debtor agent %s", (_why, instruction, source) => {
    const payment = onePayment(
      '<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>R</MsgId><InitgPty><Nm>Init</Nm></InitgPty></GrpHdr><PmtInf><Dbtr><Nm>Anna</Nm></Dbtr>' +
        `<CdtTrfTxInf><Amt><InstdAmt Ccy="CHF">1.50</InstdAmt></Amt><Cdtr><Nm>Ben</Nm></Cdtr>${instruction}</CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn></Document>`,
    );
    expect(payment.texts).toEqual([{ source, lines: ['Urgent, by phone'] }]);
    expect(payment.amount).toEqual({ currency: 'CHF', value: '1.50' });
  });

  it("pain.001's amount given as an equivalent amount, and the forwarding agent as the instructing agent", () => {
    const payment = onePayment(
      '<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>R</MsgId><FwdgAgt><FinInstnId><BICFI>FWDGCHZZ</BICFI></FinInstnId></FwdgAgt></GrpHdr>' +
        '<PmtInf><Dbtr><Nm>Anna</Nm></Dbtr><CdtTrfTxInf><Amt><EqvtAmt><Amt Ccy="CHF">1</Amt><CcyOfTrf>EUR</CcyOfTrf></EqvtAmt></Amt>' +
        '<Cdtr><Nm>Ben</Nm></Cdtr></CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn></Document>',
    );
    expect(payment.amount).toEqual({ currency: 'CHF', value: '1' });
    expect(payment.parties[0]).toMatchObject({ role: 'instructingAgent', source: 'CstmrCdtTrfInitn/GrpHdr/FwdgAgt', bic: 'FWDGCHZZ' });
    expect(payment.messageId).toBe('FWDGCHZZ:R');
  });
});
