/**
 * Messages that cannot be read: each is one error result naming the message number, the XML path, the
 * line, and a reason a person can act on; never an empty list, never a thrown exception.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentParseError } from '@embargo/core';
import { parsePaymentMessages } from '../index.js';
import { parseIso20022Message } from './index.js';

/** A pacs.008 whose lines are numbered as in the file: line 1 the Document, 2 the root, 3 GrpHdr, 4 on the transaction(s). */
const pacs008 = (transactions: string, header = '<GrpHdr><MsgId>R</MsgId></GrpHdr>') =>
  `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">\n<FIToFICstmrCdtTrf>\n${header}\n${transactions}\n</FIToFICstmrCdtTrf>\n</Document>`;
const TX = 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]';

function onlyError(xml: string): PaymentParseError {
  const results = parseIso20022Message(xml);
  expect(results).toHaveLength(1);
  const [result] = results;
  if (!result.error) throw new Error(`expected an error, got ${JSON.stringify(result.payment)}`);
  return result.error;
}

describe('errors', () => {
  const cases = [
    {
      why: 'malformed XML: the line the validator stopped at',
      xml: '<Document>\n<FIToFICstmrCdtTrf>\n<GrpHdr>\n</FIToFICstmrCdtTrf>\n</Document>',
      error: { message: 1, line: 4, reason: expect.stringMatching(/^the XML is not well-formed: Expected closing tag 'GrpHdr'/) },
    },
    {
      why: 'an unknown document (camt.053): not a payment message Embargo screens',
      xml: '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">\n  <BkToCstmrStmt><GrpHdr/></BkToCstmrStmt>\n</Document>',
      error: {
        message: 1,
        field: 'BkToCstmrStmt',
        line: 3,
        reason: expect.stringMatching(/^not a payment message Embargo screens: camt\.053\.001\.08 \(<BkToCstmrStmt>\)/),
      },
    },
    {
      why: 'an unrelated root without a Document',
      xml: '<html>\n<body>payment</body>\n</html>',
      error: { message: 1, field: 'html', line: 1, reason: 'not a payment message Embargo screens: no ISO 20022 <Document> in <html>' },
    },
    {
      why: 'an empty Document',
      xml: '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"></Document>',
      error: { message: 1, field: 'Document', line: 1, reason: expect.stringMatching(/^the Document is empty/) },
    },
    {
      why: 'a pacs.008 with no CdtTrfTxInf',
      xml: pacs008(''),
      error: {
        message: 1,
        field: 'FIToFICstmrCdtTrf/CdtTrfTxInf',
        line: 2,
        reason: '<CdtTrfTxInf> is missing: a customer credit transfer carries at least one transaction',
      },
    },
    {
      why: 'a pacs.008 without its group header MsgId',
      xml: pacs008('<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>', '<GrpHdr><NbOfTxs>1</NbOfTxs></GrpHdr>'),
      error: {
        message: 1,
        field: 'FIToFICstmrCdtTrf/GrpHdr/MsgId',
        line: 3,
        reason: "<MsgId> is missing: the group header states the sender's message reference",
      },
    },
    {
      why: 'a transaction without Dbtr',
      xml: pacs008('<CdtTrfTxInf><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: { message: 1, field: `${TX}/Dbtr`, line: 4, reason: '<Dbtr> is missing: every credit transfer names its debtor' },
    },
    {
      why: 'the second transaction without Cdtr',
      xml: pacs008(
        '<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>\n<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr></CdtTrfTxInf>',
      ),
      error: {
        message: 1,
        field: 'FIToFICstmrCdtTrf/CdtTrfTxInf[2]/Cdtr',
        line: 5,
        reason: '<Cdtr> is missing: every credit transfer names its creditor',
      },
    },
    {
      why: 'an element that should be text holding elements',
      xml: pacs008('<CdtTrfTxInf>\n<Dbtr>\n<Nm><GivenNm>A</GivenNm></Nm>\n</Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: { message: 1, field: `${TX}/Dbtr/Nm`, line: 6, reason: '<Nm> should hold text but holds the elements <GivenNm>' },
    },
    {
      why: 'an element that should hold elements holding text',
      xml: pacs008('<CdtTrfTxInf><Dbtr>Someone</Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: { message: 1, field: `${TX}/Dbtr`, line: 4, reason: '<Dbtr> should hold elements but holds the text "Someone"' },
    },
    {
      why: 'a single element written twice',
      xml: pacs008('<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><Dbtr><Nm>C</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: { message: 1, field: `${TX}/Dbtr`, line: 4, reason: '<Dbtr> appears 2 times where the message definition allows one' },
    },
    {
      why: 'a party that names no one',
      xml: pacs008('<CdtTrfTxInf><Dbtr/><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: {
        message: 1,
        field: `${TX}/Dbtr`,
        line: 4,
        reason: '<Dbtr> names no one: it has no name, BIC, address, account or identification',
      },
    },
    {
      why: 'an address element the parser does not read',
      xml: pacs008(
        '<CdtTrfTxInf><Dbtr><Nm>A</Nm><PstlAdr><Landmark>Near the port</Landmark></PstlAdr></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>',
      ),
      error: { message: 1, field: `${TX}/Dbtr/PstlAdr/Landmark`, line: 4, reason: 'an address element Embargo does not read: <Landmark>' },
    },
    {
      why: 'an account without the party it belongs to',
      xml: pacs008(
        '<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><IntrmyAgt1Acct><Id><IBAN>X</IBAN></Id></IntrmyAgt1Acct><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>',
      ),
      error: {
        message: 1,
        field: `${TX}/IntrmyAgt1Acct`,
        line: 4,
        reason: '<IntrmyAgt1Acct> is written without the <IntrmyAgt1> it belongs to',
      },
    },
    {
      why: 'an agent without FinInstnId',
      xml: pacs008('<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><DbtrAgt><BICFI>AAAAGB2L</BICFI></DbtrAgt><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: {
        message: 1,
        field: `${TX}/DbtrAgt/FinInstnId`,
        line: 4,
        reason: '<FinInstnId> is missing: a financial institution is identified by its FinInstnId',
      },
    },
    {
      why: 'a party identified both as an organisation and a person',
      xml: pacs008(
        '<CdtTrfTxInf><Dbtr><Nm>A</Nm><Id><OrgId><LEI>X</LEI></OrgId><PrvtId><Othr><Id>1</Id></Othr></PrvtId></Id></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>',
      ),
      error: {
        message: 1,
        field: `${TX}/Dbtr/Id/PrvtId`,
        line: 4,
        reason: 'a party is identified as an organisation (OrgId) or a person (PrvtId), not both',
      },
    },
    {
      why: 'an amount without its currency',
      xml: pacs008('<CdtTrfTxInf><IntrBkSttlmAmt>10</IntrBkSttlmAmt><Dbtr><Nm>A</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'),
      error: { message: 1, field: `${TX}/IntrBkSttlmAmt`, line: 4, reason: '<IntrBkSttlmAmt> has no Ccy attribute naming its currency' },
    },
    {
      why: 'a namespace naming another message than the root element',
      xml: pacs008('<CdtTrfTxInf/>').replace('pacs.008.001.08', 'pacs.009.001.08'),
      error: {
        message: 1,
        field: 'FIToFICstmrCdtTrf',
        line: 2,
        reason: "the Document's namespace says pacs.009.001.08 but its root element <FIToFICstmrCdtTrf> is a pacs.008 message",
      },
    },
    {
      why: 'a pacs.009 transaction without its debtor bank',
      xml: '<Document><FICdtTrf><GrpHdr><MsgId>R</MsgId></GrpHdr><CdtTrfTxInf><Cdtr><FinInstnId><BICFI>BBBBBEBB</BICFI></FinInstnId></Cdtr></CdtTrfTxInf></FICdtTrf></Document>',
      error: {
        message: 1,
        field: 'FICdtTrf/CdtTrfTxInf[1]/Dbtr',
        line: 1,
        reason: '<Dbtr> is missing: every credit transfer names its debtor',
      },
    },
    {
      why: "a cover's underlying transfer without its creditor",
      xml:
        '<Document><FICdtTrf><GrpHdr><MsgId>R</MsgId></GrpHdr><CdtTrfTxInf><Dbtr><FinInstnId><BICFI>AAAAGB2L</BICFI></FinInstnId></Dbtr>' +
        '<Cdtr><FinInstnId><BICFI>BBBBBEBB</BICFI></FinInstnId></Cdtr><UndrlygCstmrCdtTrf><Dbtr><Nm>A</Nm></Dbtr></UndrlygCstmrCdtTrf></CdtTrfTxInf></FICdtTrf></Document>',
      error: {
        message: 1,
        field: 'FICdtTrf/CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Cdtr',
        line: 1,
        reason: '<Cdtr> is missing: every credit transfer names its creditor',
      },
    },
    {
      why: 'a pain.001 payment block without its debtor',
      xml: '<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>R</MsgId></GrpHdr><PmtInf><CdtTrfTxInf><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn></Document>',
      error: {
        message: 1,
        field: 'CstmrCdtTrfInitn/PmtInf[1]/Dbtr',
        line: 1,
        reason: '<Dbtr> is missing: every credit transfer names its debtor',
      },
    },
    {
      why: 'a pain.001 without payment blocks',
      xml: '<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>R</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>',
      error: {
        message: 1,
        field: 'CstmrCdtTrfInitn/PmtInf',
        line: 1,
        reason: '<PmtInf> is missing: a credit transfer initiation carries at least one payment',
      },
    },
    {
      why: 'a pain.001 payment block without transactions',
      xml: '<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>R</MsgId></GrpHdr><PmtInf><Dbtr><Nm>A</Nm></Dbtr></PmtInf></CstmrCdtTrfInitn></Document>',
      error: {
        message: 1,
        field: 'CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf',
        line: 1,
        reason: '<CdtTrfTxInf> is missing: a payment information block carries at least one transaction',
      },
    },
  ];
  it.each(cases)('$why', ({ xml, error }) => {
    expect(onlyError(xml)).toEqual(error);
  });

  it('stops only the Document in error: the others of the file are read', () => {
    const good = pacs008('<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>');
    const results = parseIso20022Message(`<Batch>\n${good}\n${pacs008('')}\n</Batch>`);
    expect(results[0].payment?.parties.map((p) => p.name)).toEqual(['A', 'B']);
    expect(results[1].error).toEqual({
      message: 2,
      field: 'FIToFICstmrCdtTrf/CdtTrfTxInf',
      line: 9,
      reason: '<CdtTrfTxInf> is missing: a customer credit transfer carries at least one transaction',
    });
  });

  it('reaches the package entry point: parsePaymentMessages hands XML to this parser', () => {
    const [result] = parsePaymentMessages(pacs008('<CdtTrfTxInf><Dbtr><Nm>A</Nm></Dbtr><Cdtr><Nm>B</Nm></Cdtr></CdtTrfTxInf>'));
    expect(result.payment?.format).toBe('pacs.008');
  });
});
