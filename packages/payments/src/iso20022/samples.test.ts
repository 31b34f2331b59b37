/**
 * The ISO 20022 parser on every real sample in the shared folder (`data/payments/mx`, see its
 * PROVENANCE.md), each expectation checked by hand, party by party, against the file. Skips without the
 * shared folder, except in CI where that fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Payment, PaymentParty, PaymentPartyRole } from '@embargo/core';
import { SHARED_PAYMENTS, hasSharedPayments } from '../../../../test/shared-data.js';
import { parseIso20022Message } from './index.js';

const MX_DIR = join(SHARED_PAYMENTS, 'mx');
const HAS_MX = hasSharedPayments();

function paymentOf(file: string): Payment {
  const results = parseIso20022Message(readFileSync(join(MX_DIR, file), 'utf8'));
  expect(results).toHaveLength(1);
  const [result] = results;
  if (result.error) throw new Error(`${file}: ${JSON.stringify(result.error)}`);
  return result.payment;
}

/** A bank identified by BIC alone, as most CBPR+ agents are. */
const bank = (role: PaymentPartyRole, source: string, bic: string, more: Partial<PaymentParty> = {}): PaymentParty => ({
  role,
  kind: 'bank',
  source,
  addressLines: [],
  bic,
  identifiers: [],
  ...more,
});

const customer = (role: PaymentPartyRole, source: string, name: string, more: Partial<PaymentParty> = {}): PaymentParty => ({
  role,
  kind: 'unknown',
  source,
  name,
  addressLines: [],
  identifiers: [],
  ...more,
});

/** An agent identified by its US ABA routing number (FedNow). */
const abaAgent = (role: PaymentPartyRole, source: string, routing: string, more: Partial<PaymentParty> = {}): PaymentParty => ({
  role,
  kind: 'bank',
  source,
  addressLines: [],
  identifiers: [{ scheme: 'clearingCode', value: `USABA/${routing}` }],
  ...more,
});

const TX = 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]';
const COV = 'FICdtTrf/CdtTrfTxInf[1]';
const PAIN = 'CstmrCdtTrfInitn';

const SAMPLES = [
  'moov_fednow_pacs008_StructuredRemit.xml',
  'moov_fednow_pacs008_UltimateDebtor.xml',
  'moov_six_pain.001.001.03.ch.02_musterfile.xml',
  'prowide_pacs.008.001.07_with_AppHdr.xml',
  'prowide_pacs.009.001.07_with_AppHdr.xml',
  'wso2_cbpr_c2922_pacs009COV_AtoB.xml',
  'wso2_cbpr_c535_pacs008_AtoB.xml',
  'wso2_cbpr_p212_pacs008_AtoB.xml',
  'wso2_cbpr_p221_pacs009_BtoC.xml',
  'wso2_cbpr_p231b_pacs009COV_AtoB.xml',
  'wso2_custom_a2015_pacs008.xml',
];

describe.skipIf(!HAS_MX)('ISO 20022 samples (shared data/payments/mx)', () => {
  it('has an expectation below for every sample file', () => {
    expect(readdirSync(MX_DIR).sort()).toEqual(SAMPLES);
  });

  it('wso2_cbpr_p212_pacs008_AtoB: the pacs.008 twin of the MT103 p.2.1.2; the Document namespace (001.12) wins over MsgDefIdr (001.08)', () => {
    const payment = paymentOf('wso2_cbpr_p212_pacs008_AtoB.xml');
    expect(payment).toEqual({
      messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
      format: 'pacs.008',
      definition: 'pacs.008.001.12',
      reference: 'A2B0506272708',
      uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
      amount: { currency: 'USD', value: '136500' },
      parties: [
        bank('instructingAgent', `${TX}/InstgAgt`, 'CHASGB2LXXX'),
        bank('instructedAgent', `${TX}/InstdAgt`, 'CHASUS33XXX'),
        bank('intermediaryAgent1', `${TX}/IntrmyAgt1`, 'ANBTUS44XXX'),
        // "GB Engineering " in the file: trimmed, as MT 50F's 1/ line is.
        customer('debtor', `${TX}/Dbtr`, 'GB Engineering', {
          addressLines: ['Industrial Park', 'Cambridge'],
          country: 'GB',
          account: '96325874',
        }),
        bank('debtorAgent', `${TX}/DbtrAgt`, 'CHASGB2LXXX'),
        bank('creditorAgent', `${TX}/CdtrAgt`, 'HNBAUS51XXX'),
        customer('creditor', `${TX}/Cdtr`, 'US Engines', {
          addressLines: ['20 Main St', 'Casper WY'],
          country: 'US',
          account: '254178963',
        }),
      ],
      texts: [],
      countries: [],
    });
  });

  it('wso2_cbpr_c535_pacs008_AtoB: prefixed namespaces; TwnNm before the AdrLine; 8-character BICs as written', () => {
    const payment = paymentOf('wso2_cbpr_c535_pacs008_AtoB.xml');
    expect(payment).toEqual({
      messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
      format: 'pacs.008',
      definition: 'pacs.008.001.08',
      reference: 'pacs8bizmsgidr01',
      uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
      amount: { currency: 'SGD', value: '500000' },
      parties: [
        bank('instructingAgent', `${TX}/InstgAgt`, 'WPACAU2SXXX'),
        bank('instructedAgent', `${TX}/InstdAgt`, 'DBSSSGSGXXX'),
        bank('intermediaryAgent1', `${TX}/IntrmyAgt1`, 'DBSSSGSG'),
        customer('debtor', `${TX}/Dbtr`, 'Australian Submarine', {
          addressLines: ['Adelaide', '694 Mersey Rd'],
          country: 'AU',
          account: '458756241',
        }),
        bank('debtorAgent', `${TX}/DbtrAgt`, 'WPACAU2S'),
        bank('creditorAgent', `${TX}/CdtrAgt`, 'UOVBSGSG'),
        customer('creditor', `${TX}/Cdtr`, 'Agoda Company', {
          addressLines: ['Singapore', '30 Cecil Street'],
          country: 'SG',
          account: '985412687',
        }),
      ],
      texts: [{ source: `${TX}/RmtInf/Ustrd`, lines: ['/ROC/E2E04044506271305'] }],
      countries: [],
    });
  });

  it('wso2_custom_a2015_pacs008: three previous instructing agents, the debtor agent account, AdrLine-only addresses', () => {
    const payment = paymentOf('wso2_custom_a2015_pacs008.xml');
    // Each PrvsInstgAgt names the same bank by name alone: three roles, three parties.
    const previous = (n: 1 | 2 | 3): PaymentParty => ({
      role: `previousInstructingAgent${n}`,
      kind: 'bank',
      source: `${TX}/PrvsInstgAgt${n}`,
      name: 'NHMJKIIIIJMKIOLLPOUJI',
      addressLines: ['NOTPROVIDED'],
      identifiers: [],
    });
    expect(payment).toEqual({
      messageId: '09797101-a670-4e81-98ed-34b409736400',
      format: 'pacs.008',
      definition: 'pacs.008.001.08',
      reference: '990OTT250922015',
      uetr: '09797101-a670-4e81-98ed-34b409736400',
      amount: { currency: 'USD', value: '100' },
      parties: [
        previous(1),
        previous(2),
        previous(3),
        bank('instructingAgent', `${TX}/InstgAgt`, 'AABSLKLXXXX'),
        bank('instructedAgent', `${TX}/InstdAgt`, 'HANYUS33XXX'),
        customer('debtor', `${TX}/Dbtr`, 'RASA ENGINEERING SERVICES (PVT) L', {
          addressLines: ['NO 852-60', 'SHARUK PURA', 'SRI LANKA'],
          account: '100811000148',
        }),
        bank('debtorAgent', `${TX}/DbtrAgt`, 'AABSLKLXXXX', { account: 'NAGODA BRANCH' }),
        bank('creditorAgent', `${TX}/CdtrAgt`, 'ICBKCNBJZJP'),
        customer('creditor', `${TX}/Cdtr`, 'ZHEJIANG LANXI SHANYE', {
          addressLines: ['ZHEJIANG LANXI SHANYE', 'ZHEJIANG LANXI SHANYE'],
          account: '15236859635',
        }),
      ],
      texts: [{ source: `${TX}/RmtInf/Ustrd`, lines: ['IMPORT OF GOOD INV NO :14255639 INV DATE : 24225236589 PURPOSE CODE : GDI'] }],
      countries: [],
    });
  });

  it('wso2_cbpr_c2922_pacs009COV_AtoB: the cover banks, then the underlying customer transfer with its own paths', () => {
    const payment = paymentOf('wso2_cbpr_c2922_pacs009COV_AtoB.xml');
    const underlying = `${COV}/UndrlygCstmrCdtTrf`;
    expect(payment).toEqual({
      messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
      format: 'pacs.009COV',
      definition: 'pacs.009.001.08',
      reference: 'pacs9bizmsgidr01',
      uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
      amount: { currency: 'RON', value: '26546464' },
      parties: [
        bank('previousInstructingAgent1', `${COV}/PrvsInstgAgt1`, 'INGBROBUXXX'),
        bank('instructingAgent', `${COV}/InstgAgt`, 'MYMBGB2LXXX'),
        bank('instructedAgent', `${COV}/InstdAgt`, 'INGBROBUXXX'),
        bank('debtor', `${COV}/Dbtr`, 'MYMBGB2LXXX'),
        bank('creditorAgent', `${COV}/CdtrAgt`, 'RZBRROBUXXX'),
        bank('creditor', `${COV}/Cdtr`, 'GEBABEBBXXX'),
        customer('debtor', `${underlying}/Dbtr`, 'Debtor Co', {
          addressLines: ['Epping', 'High Street'],
          country: 'GB',
          account: '25698745',
        }),
        bank('debtorAgent', `${underlying}/DbtrAgt`, 'MYMBGB2LXXX'),
        bank('creditorAgent', `${underlying}/CdtrAgt`, 'GEBABEBBXXX'),
        customer('creditor', `${underlying}/Cdtr`, 'Ardent Finance', {
          addressLines: ['Bucharest', 'Main Street'],
          country: 'RO',
          account: '65479512',
        }),
      ],
      texts: [],
      countries: [],
    });
  });

  it('wso2_cbpr_p231b_pacs009COV_AtoB: the underlying debtor and creditor, without accounts', () => {
    const payment = paymentOf('wso2_cbpr_p231b_pacs009COV_AtoB.xml');
    const underlying = `${COV}/UndrlygCstmrCdtTrf`;
    expect(payment).toEqual({
      messageId: '7a562c67-ca16-48ba-b074-65581be6f001',
      format: 'pacs.009COV',
      definition: 'pacs.009.001.11',
      reference: 'pacs9bizmsgidr01',
      uetr: '7a562c67-ca16-48ba-b074-65581be6f001',
      amount: { currency: 'DKK', value: '591636' },
      parties: [
        bank('instructingAgent', `${COV}/InstgAgt`, 'CLYDGB2S'),
        bank('instructedAgent', `${COV}/InstdAgt`, 'BOFSGB2L'),
        bank('debtor', `${COV}/Dbtr`, 'CLYDGB2S'),
        bank('debtorAgent', `${COV}/DbtrAgt`, 'BOFSGB2L'),
        bank('creditorAgent', `${COV}/CdtrAgt`, 'BSCHESMM'),
        bank('creditor', `${COV}/Cdtr`, 'BSCHGB2L'),
        customer('debtor', `${underlying}/Dbtr`, 'A Debiter', { addressLines: ['High Street', 'Epping London'], country: 'GB' }),
        bank('debtorAgent', `${underlying}/DbtrAgt`, 'CLYDGB2S'),
        bank('creditorAgent', `${underlying}/CdtrAgt`, 'BSCHGB2L'),
        customer('creditor', `${underlying}/Cdtr`, 'B Creditor Co', { addressLines: ['Las Ramblas', 'Barcelona'], country: 'ES' }),
      ],
      texts: [],
      countries: [],
    });
  });

  it('wso2_cbpr_p221_pacs009_BtoC: a plain pacs.009 whose debtor and creditor are banks', () => {
    const payment = paymentOf('wso2_cbpr_p221_pacs009_BtoC.xml');
    const tx = 'FICdtTrf/CdtTrfTxInf[1]';
    expect(payment).toEqual({
      messageId: 'dab3b64f-092b-4839-b7e9-8f438af50961',
      format: 'pacs.009',
      definition: 'pacs.009.001.11',
      reference: 'pacs9bizmsgidr01',
      uetr: 'dab3b64f-092b-4839-b7e9-8f438af50961',
      amount: { currency: 'EUR', value: '654489.98' },
      parties: [
        bank('instructingAgent', `${tx}/InstgAgt`, 'ABNANL2AXXX'),
        bank('instructedAgent', `${tx}/InstdAgt`, 'NDEAFIHHXXX'),
        bank('debtor', `${tx}/Dbtr`, 'RBOSGB2LXXX'),
        bank('debtorAgent', `${tx}/DbtrAgt`, 'ABNANL2AXXX'),
        bank('creditorAgent', `${tx}/CdtrAgt`, 'HELSFIHHXXX'),
        bank('creditor', `${tx}/Cdtr`, 'EVSEFIHHXXX'),
      ],
      texts: [{ source: `${tx}/RmtInf/Ustrd`, lines: ['Invoice: 456464-9663'] }],
      countries: [],
    });
  });

  it('moov_fednow_pacs008_UltimateDebtor: the ultimate debtor, agents by ABA routing number, related remittance information', () => {
    const payment = paymentOf('moov_fednow_pacs008_UltimateDebtor.xml');
    expect(payment).toEqual({
      messageId: '8a562c67-ca16-48ba-b074-65581be6f011',
      format: 'pacs.008',
      definition: 'pacs.008.001.08',
      reference: '20230620011104238Variation04MsgId',
      uetr: '8a562c67-ca16-48ba-b074-65581be6f011',
      amount: { currency: 'USD', value: '45021.75' },
      parties: [
        abaAgent('instructingAgent', `${TX}/InstgAgt`, '021040078'),
        abaAgent('instructedAgent', `${TX}/InstdAgt`, '011104238'),
        customer('ultimateDebtor', `${TX}/UltmtDbtr`, 'Corporation Bb', {
          addressLines: ['Ocean Street 1', '97035 Portland', 'OR'],
          country: 'US',
        }),
        customer('debtor', `${TX}/Dbtr`, 'Corporation B', {
          addressLines: ['6001', '60197 Carol Stream', 'IL'],
          country: 'US',
          account: '0031234567',
        }),
        abaAgent('debtorAgent', `${TX}/DbtrAgt`, '021040078', { name: 'BankB' }),
        abaAgent('creditorAgent', `${TX}/CdtrAgt`, '011104238'),
        customer('creditor', `${TX}/Cdtr`, 'Corporation C', {
          addressLines: ['40th Street 1180', '11218 Brooklyn', 'NY'],
          country: 'US',
          account: '56478374687',
        }),
      ],
      texts: [{ source: `${TX}/RltdRmtInf[1]`, lines: ['EMAL', 'CustomerService@CorporationC.com'] }],
      countries: [],
    });
  });

  it('moov_fednow_pacs008_StructuredRemit: structured remittance as lines, the purpose code, Room and PstBx lines', () => {
    const payment = paymentOf('moov_fednow_pacs008_StructuredRemit.xml');
    expect(payment.messageId).toBe('8a562c67-ca16-48ba-b074-65581be6f011');
    expect(payment.reference).toBe('20230604011104238Variation02MsgId');
    expect(payment.amount).toEqual({ currency: 'USD', value: '51.74' });
    expect(payment.parties).toEqual([
      abaAgent('instructingAgent', `${TX}/InstgAgt`, '011104238'),
      abaAgent('instructedAgent', `${TX}/InstdAgt`, '021040078'),
      customer('debtor', `${TX}/Dbtr`, 'Individual A', {
        addressLines: ['Dream Road 450', '141', '60532 Lisle', 'IL'],
        country: 'US',
        account: '0031234567',
      }),
      abaAgent('debtorAgent', `${TX}/DbtrAgt`, '011104238', { name: 'BankA' }),
      abaAgent('creditorAgent', `${TX}/CdtrAgt`, '021040078'),
      customer('creditor', `${TX}/Cdtr`, 'Corporation B', {
        addressLines: ['6001', '60197 Carol Stream', 'IL'],
        country: 'US',
        account: '56478374687',
      }),
    ]);
    expect(payment.texts).toEqual([
      { source: `${TX}/Purp`, lines: ['ELEC'] },
      { source: `${TX}/RmtInf/Strd[1]`, lines: ['CINV', 'INV34563', '2023-06-01'] },
    ]);
  });

  it('prowide_pacs.008.001.07_with_AppHdr: <message> wrapper; group-level agents; no UETR, so the AppHdr sender prefixes MsgId', () => {
    const payment = paymentOf('prowide_pacs.008.001.07_with_AppHdr.xml');
    expect(payment).toEqual({
      messageId: 'MLCOUS33XXX:823823423',
      format: 'pacs.008',
      definition: 'pacs.008.001.07',
      reference: '823823423',
      amount: { currency: 'USD', value: '5000' },
      parties: [
        // The Document names its own InstgAgt and InstdAgt (in GrpHdr), so the AppHdr's Fr and To are not parties.
        bank('instructingAgent', 'FIToFICstmrCdtTrf/GrpHdr/InstgAgt', 'CITTGB2LPBG', {
          name: 'Lionel Messi',
          identifiers: [{ scheme: 'asdfasdfasd', value: '2342342342' }],
        }),
        bank('instructedAgent', 'FIToFICstmrCdtTrf/GrpHdr/InstdAgt', 'ICBCUS4CXXX', {
          name: 'Manu Ginobili',
          addressLines: ['1', 'asdf', 'My Street 23423', '2323 Los Angeles', 'asdfsdfsd'],
        }),
        customer('debtor', `${TX}/Dbtr`, 'JOHN DOE', {
          addressLines: ['CABA', '1', '2823 1', '1417 Buenos Aires', 'CABA'],
          country: 'AR',
        }),
        bank('debtorAgent', `${TX}/DbtrAgt`, 'ITUSUSP1XXX', { name: 'Juan Perez' }),
        bank('creditorAgent', `${TX}/CdtrAgt`, 'USTBUS31XXX'),
        customer('creditor', `${TX}/Cdtr`, 'Mike Smith'),
      ],
      texts: [],
      countries: [],
    });
  });

  it('prowide_pacs.009.001.07_with_AppHdr: group and transaction agents both kept; a name over lines joined', () => {
    const payment = paymentOf('prowide_pacs.009.001.07_with_AppHdr.xml');
    const tx = 'FICdtTrf/CdtTrfTxInf[1]';
    expect(payment).toEqual({
      messageId: 'MLCOUS33XXX:SDFASDF2323',
      format: 'pacs.009',
      definition: 'pacs.009.001.07',
      reference: 'SDFASDF2323',
      amount: { currency: 'USD', value: '22423' },
      parties: [
        bank('instructingAgent', 'FICdtTrf/GrpHdr/InstgAgt', 'SDTSJESHXXX', { name: 'ASDFASD ASDFAS' }),
        bank('instructedAgent', 'FICdtTrf/GrpHdr/InstdAgt', 'GFMAGRA1XXX', { name: 'ASDF AF ASDFSDF ASDFSDF' }),
        bank('instructingAgent', `${tx}/InstgAgt`, 'DDPPPLP1XXX'),
        bank('instructedAgent', `${tx}/InstdAgt`, 'HHPEIT21XXX'),
        bank('intermediaryAgent1', `${tx}/IntrmyAgt1`, 'RRPLZAJJXXX'),
        bank('debtor', `${tx}/Dbtr`, 'SSTYPLP1XXX', { name: 'SDFGS SDFGD' }),
        bank('creditorAgent', `${tx}/CdtrAgt`, 'CTZNCA8V001', {
          name: 'FFDFDFD DFDFDF',
          identifiers: [
            { scheme: 'clearingCode', value: 'FFFF' },
            { scheme: 'other', value: 'sdsdfgdfg33' },
          ],
        }),
        bank('creditor', `${tx}/Cdtr`, 'HDSBKHPPXXX', { name: 'SDFG SDFGSDFG' }),
      ],
      texts: [],
      countries: [],
    });
  });

  it('moov_six_pain.001.001.03.ch.02_musterfile: the Swiss pain.001, 5 payment blocks and 8 transactions, repeated debtors kept once', () => {
    const payment = paymentOf('moov_six_pain.001.001.03.ch.02_musterfile.xml');
    const block = (n: number) => `${PAIN}/PmtInf[${n}]`;
    const postFinance = (n: number) => bank('debtorAgent', `${block(n)}/DbtrAgt`, 'POFICHBEXXX');
    expect(payment).toEqual({
      messageId: 'MsgId-001',
      format: 'pain.001',
      definition: 'pain.001.001.03.ch.02',
      reference: 'MsgId-001',
      amount: { currency: 'CHF', value: '6.20' },
      parties: [
        customer('initiatingParty', `${PAIN}/GrpHdr/InitgPty`, 'Robert Schneider'),
        customer('debtor', `${block(1)}/Dbtr`, 'Robert Schneider', { account: 'CH0309000000250090342' }),
        postFinance(1),
        customer('creditor', `${block(1)}/CdtTrfTxInf[1]/Cdtr`, 'Maria Bernasconi', {
          addressLines: ['Musterstrasse 15', '2500 Biel'],
          account: 'CH5109000000250092291',
        }),
        // PmtInf[2] and [3] repeat PmtInf[1]'s debtor and agent exactly: kept once.
        customer('creditor', `${block(2)}/CdtTrfTxInf[1]/Cdtr`, 'Robert Schneider SA', { account: '014295803' }),
        customer('creditor', `${block(2)}/CdtTrfTxInf[2]/Cdtr`, 'Robert Schneider', {
          addressLines: ['Hauptstrasse 12', '2500 Biel/Bienne'],
          account: 'CH2909000000250094239',
        }),
        // The same creditor as PmtInf[1]'s but with a country: a different party.
        customer('creditor', `${block(3)}/CdtTrfTxInf[1]/Cdtr`, 'Maria Bernasconi', {
          addressLines: ['Musterstrasse 15', '2500 Biel'],
          country: 'CH',
          account: 'CH5109000000250092291',
        }),
        customer('creditor', `${block(3)}/CdtTrfTxInf[2]/Cdtr`, 'Maria Bernasconi', {
          addressLines: ['Hauptstrasse 12', '2500 Biel/Bienne'],
          account: 'CH010023512312312365L',
        }),
        customer('debtor', `${block(4)}/Dbtr`, 'Robert Schneider SA', { account: 'CH0309000000250090342' }),
        bank('creditorAgent', `${block(4)}/CdtTrfTxInf[1]/CdtrAgt`, 'AABBCCDDXXX'),
        customer('creditor', `${block(4)}/CdtTrfTxInf[1]/Cdtr`, 'Maria Bernasconi', {
          addressLines: ['Via 10', 'Florenz'],
          country: 'IT',
          account: 'IT1122334455667788991122334',
        }),
        customer('debtor', `${block(5)}/Dbtr`, 'Maria Bernasconi', { account: 'CH5109000000250092291' }),
        customer('creditor', `${block(5)}/CdtTrfTxInf[1]/Cdtr`, 'Robert Schneider SA', { account: 'CH7730000001250094239' }),
        customer('creditor', `${block(5)}/CdtTrfTxInf[2]/Cdtr`, 'Maria Bernasconi', { account: 'CH5109000000250092291' }),
      ],
      texts: [
        { source: `${PAIN}/GrpHdr/InitgPty/CtctDtls`, lines: ['PostFinance', 'Version 2.4'] },
        { source: `${block(1)}/CdtTrfTxInf[1]/RmtInf/Ustrd`, lines: ['Rechnung 1122'] },
        { source: `${block(2)}/CdtTrfTxInf[1]/RmtInf/Strd[1]`, lines: ['120000000000234478943216899'] },
        { source: `${block(2)}/CdtTrfTxInf[2]/RmtInf/Ustrd`, lines: ['Rechnung 20200615636.365'] },
        { source: `${block(3)}/CdtTrfTxInf[1]/RmtInf/Ustrd`, lines: ['Salaire Juli'] },
        { source: `${block(3)}/CdtTrfTxInf[2]/RmtInf/Ustrd`, lines: ['Mitteilung Lohn'] },
        { source: `${block(4)}/CdtTrfTxInf[1]/RmtInf/Ustrd`, lines: ['Mitteilung'] },
        { source: `${block(5)}/CdtTrfTxInf[1]/RmtInf/Strd[1]`, lines: ['QRR', '976471818744726494745968140'] },
        { source: `${block(5)}/CdtTrfTxInf[2]/RmtInf/Strd[1]`, lines: ['SCOR', 'RF18539007547034'] },
      ],
      countries: [],
    });
    // GrpHdr/NbOfTxs says 7, but the file holds 8 CdtTrfTxInf (InstrId-01-01 … InstrId-06-01) and its CtrlSum,
    // 38.00, is the sum of the 8 amounts: every transaction written is read.
    expect(payment.parties.filter((party) => party.role === 'creditor')).toHaveLength(8);
    expect(postFinance(1)).toEqual(payment.parties[2]);
  });
});
