/**
 * Finding the Document and naming its message: wrappers, namespace prefixes, the definition from the
 * namespace, the AppHdr or the root element, the AppHdr's sender and receiver, the message identity.
 */
import { describe, expect, it } from 'vitest';
import type { Payment } from '@embargo/core';
import { definitionOfNamespace } from './document.js';
import { parseIso20022Message } from './index.js';

const NS = 'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08';
const TX = '<CdtTrfTxInf><IntrBkSttlmAmt Ccy="EUR">10.00</IntrBkSttlmAmt><Dbtr><Nm>Anna</Nm></Dbtr><Cdtr><Nm>Ben</Nm></Cdtr></CdtTrfTxInf>';
const body = (tx = TX) => `<FIToFICstmrCdtTrf><GrpHdr><MsgId>REF1</MsgId></GrpHdr>${tx}</FIToFICstmrCdtTrf>`;
/** A Document with the pacs.008 namespace, another one, or (null) none. */
const document = (ns: string | null = NS, tx = TX) => `<Document${ns === null ? '' : ` xmlns="${ns}"`}>${body(tx)}</Document>`;
const appHdr = (from = 'AAAAGB2LXXX', to = 'BBBBUS33XXX', definition = 'pacs.008.001.08') =>
  `<AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><Fr><FIId><FinInstnId><BICFI>${from}</BICFI></FinInstnId></FIId></Fr>` +
  `<To><FIId><FinInstnId><BICFI>${to}</BICFI></FinInstnId></FIId></To><BizMsgIdr>REF1</BizMsgIdr><MsgDefIdr>${definition}</MsgDefIdr></AppHdr>`;

function onePayment(xml: string): Payment {
  const results = parseIso20022Message(xml);
  expect(results).toHaveLength(1);
  const [result] = results;
  if (result.error) throw new Error(JSON.stringify(result.error));
  return result.payment;
}

describe('finding the Document whatever wraps it', () => {
  const cases = [
    { why: 'a bare Document', xml: document() },
    { why: 'an XML declaration and a comment first', xml: `<?xml version="1.0" encoding="UTF-8"?>\n<!-- sample -->\n${document()}` },
    { why: 'a byte order mark first', xml: `\uFEFF${document()}` },
    { why: "SWIFT's Envelope with the AppHdr", xml: `<Envelope xmlns="urn:swift:xsd:envelope">${appHdr()}${document()}</Envelope>` },
    { why: "prowide's <message> wrapper", xml: `<message>${appHdr()}${document()}</message>` },
    { why: 'a RequestPayload', xml: `<RequestPayload>${appHdr()}${document()}</RequestPayload>` },
    { why: 'wrappers within wrappers', xml: `<Batch><Item><RequestPayload>${document()}</RequestPayload></Item></Batch>` },
    {
      why: 'namespace prefixes on every element',
      xml:
        `<Envelope><head:AppHdr xmlns:head="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><head:MsgDefIdr>pacs.008.001.08</head:MsgDefIdr></head:AppHdr>` +
        `<pacs:Document xmlns:pacs="${NS}"><pacs:FIToFICstmrCdtTrf><pacs:GrpHdr><pacs:MsgId>REF1</pacs:MsgId></pacs:GrpHdr>` +
        `<pacs:CdtTrfTxInf><pacs:Dbtr><pacs:Nm>Anna</pacs:Nm></pacs:Dbtr><pacs:Cdtr><pacs:Nm>Ben</pacs:Nm></pacs:Cdtr></pacs:CdtTrfTxInf>` +
        `</pacs:FIToFICstmrCdtTrf></pacs:Document></Envelope>`,
    },
  ];
  it.each(cases)('$why', ({ xml }) => {
    const payment = onePayment(xml);
    expect(payment.format).toBe('pacs.008');
    expect(payment.definition).toBe('pacs.008.001.08');
    expect(payment.reference).toBe('REF1');
    expect(payment.parties.filter((p) => p.role === 'debtor' || p.role === 'creditor').map((p) => [p.role, p.name, p.source])).toEqual([
      ['debtor', 'Anna', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr'],
      ['creditor', 'Ben', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr'],
    ]);
  });

  it('reads each Document of a file as its own message, numbered in errors from 1', () => {
    const results = parseIso20022Message(`<Batch>${document()}${document(NS, '')}${document()}</Batch>`);
    expect(results.map((r) => (r.error ? `error ${r.error.message}` : r.payment.reference))).toEqual(['REF1', 'error 2', 'REF1']);
  });

  it('pairs each AppHdr with the Document written beside it', () => {
    const results = parseIso20022Message(
      `<Batch><message>${appHdr('AAAAGB2LXXX')}${document()}</message><message>${appHdr('CCCCDEFFXXX')}${document()}</message></Batch>`,
    );
    expect(results.map((r) => r.payment?.messageId)).toEqual(['AAAAGB2LXXX:REF1', 'CCCCDEFFXXX:REF1']);
  });
});

describe('the message definition', () => {
  const cases = [
    { why: 'from the Document namespace', xml: document(), definition: 'pacs.008.001.08' },
    {
      why: "from the namespace, not the AppHdr's MsgDefIdr, when they disagree (WSO2 CBPR+ p.2.1.2)",
      xml: `<Envelope>${appHdr(undefined, undefined, 'pacs.008.001.08')}${document('urn:iso:std:iso:20022:tech:xsd:pacs.008.001.12')}</Envelope>`,
      definition: 'pacs.008.001.12',
    },
    {
      why: "from the AppHdr's MsgDefIdr when the Document has no namespace",
      xml: `<message>${appHdr()}${document(null)}</message>`,
      definition: 'pacs.008.001.08',
    },
    {
      why: 'from a namespace declared on an element around a prefixed Document',
      xml: `<Envelope xmlns:p="${NS}"><p:Document>${body().replace(/<(\/?)/g, '<$1p:')}</p:Document></Envelope>`,
      definition: 'pacs.008.001.08',
    },
    { why: 'unknown with neither: the root element still names the message', xml: document(null), definition: undefined },
  ];
  it.each(cases)('$why', ({ xml, definition }) => {
    const payment = onePayment(xml);
    expect(payment.format).toBe('pacs.008');
    expect(payment.definition).toBe(definition);
  });

  it.each([
    ['urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08', 'pacs.008.001.08'],
    ['urn:iso:std:iso:20022:tech:xsd:pacs.009.001.11', 'pacs.009.001.11'],
    ['http://www.six-interbank-clearing.com/de/pain.001.001.03.ch.02.xsd', 'pain.001.001.03.ch.02'],
    ['urn:iso:std:iso:20022:tech:xsd:pain.001.001.03', 'pain.001.001.03'],
    ['urn:swift:xsd:envelope', undefined],
  ])('namespace %s names %s', (namespace, definition) => {
    expect(definitionOfNamespace(namespace)).toBe(definition);
  });
});

describe("the AppHdr's sender and receiver, and the message identity", () => {
  it('become the instructing and instructed agents, first, when the Document names none', () => {
    const payment = onePayment(`<Envelope>${appHdr('aaaagb2lxxx', 'BBBBUS33XXX')}${document()}</Envelope>`);
    expect(payment.parties.slice(0, 2)).toEqual([
      { role: 'instructingAgent', kind: 'bank', source: 'AppHdr/Fr', addressLines: [], bic: 'AAAAGB2LXXX', identifiers: [] },
      { role: 'instructedAgent', kind: 'bank', source: 'AppHdr/To', addressLines: [], bic: 'BBBBUS33XXX', identifiers: [] },
    ]);
    expect(payment.messageId).toBe('AAAAGB2LXXX:REF1');
  });

  it('are not parties when the Document names its own InstgAgt and InstdAgt; the AppHdr sender still prefixes the reference', () => {
    const tx = TX.replace(
      '<Dbtr>',
      '<InstgAgt><FinInstnId><BICFI>CCCCDEFFXXX</BICFI></FinInstnId></InstgAgt><InstdAgt><FinInstnId><BICFI>DDDDFRPPXXX</BICFI></FinInstnId></InstdAgt><Dbtr>',
    );
    const payment = onePayment(`<Envelope>${appHdr()}${document(NS, tx)}</Envelope>`);
    expect(payment.parties.map((p) => [p.role, p.bic ?? p.name, p.source])).toEqual([
      ['instructingAgent', 'CCCCDEFFXXX', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/InstgAgt'],
      ['instructedAgent', 'DDDDFRPPXXX', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/InstdAgt'],
      ['debtor', 'Anna', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr'],
      ['creditor', 'Ben', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr'],
    ]);
    expect(payment.messageId).toBe('AAAAGB2LXXX:REF1');
  });

  it('adds only the one the Document lacks', () => {
    const tx = TX.replace('<Dbtr>', '<InstgAgt><FinInstnId><BICFI>CCCCDEFFXXX</BICFI></FinInstnId></InstgAgt><Dbtr>');
    const payment = onePayment(`<Envelope>${appHdr()}${document(NS, tx)}</Envelope>`);
    expect(payment.parties.filter((p) => p.role.startsWith('instruct')).map((p) => [p.role, p.bic, p.source])).toEqual([
      ['instructedAgent', 'BBBBUS33XXX', 'AppHdr/To'],
      ['instructingAgent', 'CCCCDEFFXXX', 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/InstgAgt'],
    ]);
  });

  it('reads an AppHdr sender given as an organisation (OrgId)', () => {
    const header = '<AppHdr><Fr><OrgId><Nm>Corporate Sender</Nm><Id><OrgId><AnyBIC>EEEEGB2L</AnyBIC></OrgId></Id></OrgId></Fr></AppHdr>';
    const payment = onePayment(`<message>${header}${document()}</message>`);
    expect(payment.parties[0]).toEqual({
      role: 'instructingAgent',
      kind: 'organisation',
      source: 'AppHdr/Fr',
      name: 'Corporate Sender',
      addressLines: [],
      bic: 'EEEEGB2L',
      identifiers: [],
    });
    expect(payment.messageId).toBe('EEEEGB2L:REF1');
  });

  const identities = [
    {
      why: 'the UETR of the first transaction',
      tx: TX.replace('<IntrBkSttlmAmt', '<PmtId><UETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</UETR></PmtId><IntrBkSttlmAmt'),
      header: true,
      id: 'eb6305c9-1f7f-49de-aed0-16487c27b42d',
    },
    { why: "the AppHdr sender's BIC and MsgId without a UETR", tx: TX, header: true, id: 'AAAAGB2LXXX:REF1' },
    {
      why: "the first instructing agent's BIC and MsgId without an AppHdr",
      tx: TX.replace('<Dbtr>', '<InstgAgt><FinInstnId><BICFI>CCCCDEFFXXX</BICFI></FinInstnId></InstgAgt><Dbtr>'),
      header: false,
      id: 'CCCCDEFFXXX:REF1',
    },
    { why: 'MsgId alone without a sender', tx: TX, header: false, id: 'REF1' },
  ];
  it.each(identities)('messageId: $why', ({ tx, header, id }) => {
    const payment = onePayment(header ? `<message>${appHdr()}${document(NS, tx)}</message>` : document(NS, tx));
    expect(payment.messageId).toBe(id);
    expect(payment.reference).toBe('REF1');
  });
});
