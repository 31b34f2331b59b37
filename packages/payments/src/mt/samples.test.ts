/**
 * parseMtMessages on every MT sample in the shared folder (`../shared/data/payments/mt`, see its
 * PROVENANCE.md), each expectation read off the file by hand. The CBPR+ samples have ISO 20022 twins in
 * `../mx/`: for those the parties are also checked against what the twin's XML says for the same party.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Payment, PaymentParty } from '@embargo/core';
import { SHARED_PAYMENTS, hasSharedPayments } from '../../../../test/shared-data.js';
import { parseMtMessages } from './index.js';

const MT_SAMPLES = join(SHARED_PAYMENTS, 'mt');

function payments(file: string): Payment[] {
  return parseMtMessages(readFileSync(join(MT_SAMPLES, file), 'utf8')).map((result) => {
    if (result.error) throw new Error(`${file}: ${JSON.stringify(result.error)}`);
    return result.payment;
  });
}

const bank = (role: PaymentParty['role'], source: string, bic: string, more: Partial<PaymentParty> = {}): PaymentParty => ({
  role,
  kind: 'bank',
  source,
  bic,
  addressLines: [],
  identifiers: [],
  ...more,
});
/** An institution named by name or account alone, without a BIC. */
const institution = (role: PaymentParty['role'], source: string, more: Partial<PaymentParty>): PaymentParty => ({
  role,
  kind: 'bank',
  source,
  addressLines: [],
  identifiers: [],
  ...more,
});
const customer = (role: PaymentParty['role'], source: string, more: Partial<PaymentParty>): PaymentParty => ({
  role,
  kind: 'unknown',
  source,
  addressLines: [],
  identifiers: [],
  ...more,
});

describe.skipIf(!hasSharedPayments())('MT sample files', () => {
  it('wso2_cbpr_p212_MT103_AtoB.fin: 50F/59F party by party, as its pacs.008 twin says', () => {
    const [payment] = payments('wso2_cbpr_p212_MT103_AtoB.fin');
    expect(payment).toEqual({
      messageId: '174c245f-2682-4291-ad67-2a41e530cd27', // twin: PmtId/UETR
      format: 'MT103',
      reference: 'A2B0506272708',
      uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
      amount: { currency: 'USD', value: '136500' }, // 136500, — twin: IntrBkSttlmAmt 136500
      parties: [
        bank('instructingAgent', '2', 'CHASGB2LXXX'), // output message: sender CHASGB2LXXXX in block 2; twin InstgAgt CHASGB2LXXX
        bank('instructedAgent', '1', 'CHASUS33XXX'), // twin InstdAgt CHASUS33XXX
        // twin Dbtr: Nm 'GB Engineering ', StrtNm Industrial Park, TwnNm Cambridge, Ctry GB; DbtrAcct Othr/Id 96325874
        customer('debtor', '50F', {
          name: 'GB Engineering',
          addressLines: ['Industrial Park', 'Cambridge'],
          country: 'GB',
          account: '96325874',
        }),
        bank('debtorAgent', '52A', 'CHASGB2LXXX'), // twin DbtrAgt
        bank('intermediaryAgent1', '56A', 'ANBTUS44XXX'), // twin IntrmyAgt1
        bank('creditorAgent', '57A', 'HNBAUS51XXX'), // twin CdtrAgt
        // twin Cdtr: Nm US Engines, StrtNm 20 Main St, TwnNm Casper WY, Ctry US; CdtrAcct 254178963
        customer('creditor', '59F', { name: 'US Engines', addressLines: ['20 Main St', 'Casper WY'], country: 'US', account: '254178963' }),
      ],
      texts: [{ source: '70', lines: ['/ROC/E2E04044506271305'] }],
      countries: [],
    });
  });

  it('wso2_cbpr_c535_MT103_AtoB.fin: party by party, as its pacs.008 twin says', () => {
    const [payment] = payments('wso2_cbpr_c535_MT103_AtoB.fin');
    expect(payment).toMatchObject({ messageId: '174c245f-2682-4291-ad67-2a41e530cd27', format: 'MT103', reference: 'pacs8bizmsgidr01' });
    expect(payment.amount).toEqual({ currency: 'SGD', value: '500000' });
    expect(payment.parties).toEqual([
      bank('instructingAgent', '2', 'WPACAU2SXXX'), // twin InstgAgt
      bank('instructedAgent', '1', 'DBSSSGSGXXX'), // twin InstdAgt
      // twin Dbtr: Nm Australian Submarine, TwnNm Adelaide, Ctry AU, AdrLine '694 Mersey Rd'; DbtrAcct 458756241.
      // The twin puts the street in AdrLine, after the town by the common rule; the MT writes 2/ before 3/.
      customer('debtor', '50F', {
        name: 'Australian Submarine',
        addressLines: ['694 Mersey Rd', 'Adelaide'],
        country: 'AU',
        account: '458756241',
      }),
      bank('debtorAgent', '52A', 'WPACAU2S'), // twin DbtrAgt WPACAU2S
      bank('intermediaryAgent1', '56A', 'DBSSSGSG'), // twin IntrmyAgt1 DBSSSGSG
      bank('creditorAgent', '57A', 'UOVBSGSG'), // twin CdtrAgt UOVBSGSG
      // twin Cdtr: Nm Agoda Company, TwnNm Singapore, Ctry SG, AdrLine '30 Cecil Street'; CdtrAcct 985412687
      customer('creditor', '59F', {
        name: 'Agoda Company',
        addressLines: ['30 Cecil Street', 'Singapore'],
        country: 'SG',
        account: '985412687',
      }),
    ]);
    expect(payment.texts).toEqual([{ source: '70', lines: ['/ROC/E2E04044506271305'] }]); // twin RmtInf/Ustrd
  });

  it('wso2_custom_MT103_a2015_multiline50K59_70_72.fin: multiline 50K, 59, 70 and 72, as its pacs.008 twin says', () => {
    const [payment] = payments('wso2_custom_MT103_a2015_multiline50K59_70_72.fin');
    expect(payment).toMatchObject({
      messageId: '09797101-a670-4e81-98ed-34b409736400',
      format: 'MT103',
      reference: '990OTT250922015',
      amount: { currency: 'USD', value: '100' },
    });
    expect(payment.parties).toEqual([
      bank('instructingAgent', '1', 'AABSLKLXXXX'), // input message: sender AABSLKLXAXXX in block 1; twin InstgAgt AABSLKLXXXX
      bank('instructedAgent', '2', 'HANYUS33XXX'), // twin InstdAgt HANYUS33XXX
      // twin Dbtr: Nm 'RASA ENGINEERING SERVICES (PVT) L', AdrLine × 3; DbtrAcct 100811000148
      customer('debtor', '50K', {
        name: 'RASA ENGINEERING SERVICES (PVT) L',
        addressLines: ['NO 852-60', 'SHARUK PURA', 'SRI LANKA'],
        account: '100811000148',
      }),
      bank('debtorAgent', '52A', 'AABSLKLXXXX', { account: 'NAGODA BRANCH' }), // twin DbtrAgt AABSLKLXXXX, DbtrAgtAcct 'NAGODA BRANCH'
      bank('creditorAgent', '57A', 'ICBKCNBJZJP'), // twin CdtrAgt
      // twin Cdtr: Nm ZHEJIANG LANXI SHANYE, AdrLine × 2 the same; CdtrAcct 15236859635
      customer('creditor', '59', {
        name: 'ZHEJIANG LANXI SHANYE',
        addressLines: ['ZHEJIANG LANXI SHANYE', 'ZHEJIANG LANXI SHANYE'],
        account: '15236859635',
      }),
      // twin PrvsInstgAgt1..3: Nm NHMJKIIIIJMKIOLLPOUJI (with an AdrLine NOTPROVIDED the translator invented)
      institution('previousInstructingAgent1', '72', { name: 'NHMJKIIIIJMKIOLLPOUJI' }),
      institution('previousInstructingAgent2', '72', { name: 'NHMJKIIIIJMKIOLLPOUJI' }),
      institution('previousInstructingAgent3', '72', { name: 'NHMJKIIIIJMKIOLLPOUJI' }),
    ]);
    expect(payment.texts).toEqual([
      { source: '70', lines: ['IMPORT OF GOOD', 'INV NO :14255639', 'INV DATE : 24225236589', 'PURPOSE CODE : GDI'] },
      { source: '72', lines: ['/INS/NHMJKIIIIJMKIOLLPOUJI', '/INS/NHMJKIIIIJMKIOLLPOUJI', '/INS/NHMJKIIIIJMKIOLLPOUJI'] },
    ]);
  });

  it('wso2_custom_MT103_fin3.fin: the same message with /REC/ in 72, so two /INS/ institutions', () => {
    const [payment] = payments('wso2_custom_MT103_fin3.fin');
    expect(payment.parties.filter((p) => p.source === '72').map((p) => [p.role, p.name])).toEqual([
      ['previousInstructingAgent1', 'NHMJKIIIIJMKIOLLPOUJI'],
      ['previousInstructingAgent2', 'NHMJKIIIIJMKIOLLPOUJI'],
    ]);
    expect(payment.texts[1]).toEqual({ source: '72', lines: ['/INS/NHMJKIIIIJMKIOLLPOUJI', '/INS/NHMJKIIIIJMKIOLLPOUJI', '/REC/HELLO'] });
  });

  it("wso2_cbpr_c2922_MT202COV_AtoB.fin: the cover's sequence B, as its pacs.009COV twin's UndrlygCstmrCdtTrf says", () => {
    const [payment] = payments('wso2_cbpr_c2922_MT202COV_AtoB.fin');
    expect(payment).toMatchObject({ messageId: '174c245f-2682-4291-ad67-2a41e530cd27', format: 'MT202COV', reference: 'pacs9bizmsgidr01' });
    expect(payment.amount).toEqual({ currency: 'RON', value: '26546464' });
    expect(payment.parties).toEqual([
      bank('instructingAgent', '2', 'MYMBGB2LXXX'), // twin InstgAgt
      bank('instructedAgent', '1', 'INGBROBUXXX'), // twin InstdAgt
      bank('debtorAgent', '52A', 'MYMBGB2LXXX'), // the ordering institution (the twin's pacs.009 Dbtr)
      bank('creditorAgent', '57A', 'RZBRROBUXXX'), // twin CdtrAgt
      bank('creditor', '58A', 'GEBABEBBXXX'), // twin Cdtr
      bank('previousInstructingAgent1', '72', 'INGBROBUXXX'), // twin PrvsInstgAgt1
      // twin UndrlygCstmrCdtTrf/Dbtr: Nm Debtor Co, TwnNm Epping, Ctry GB, AdrLine High Street; DbtrAcct 25698745
      customer('debtor', 'B/50F', { name: 'Debtor Co', addressLines: ['High Street', 'Epping'], country: 'GB', account: '25698745' }),
      // B/52A MYMBGB2LXXX repeats sequence A's 52A in the same role: kept once (twin UndrlygCstmrCdtTrf/DbtrAgt)
      bank('creditorAgent', 'B/57A', 'GEBABEBBXXX'), // twin UndrlygCstmrCdtTrf/CdtrAgt
      // twin UndrlygCstmrCdtTrf/Cdtr: Nm Ardent Finance, TwnNm Bucharest, Ctry RO, AdrLine Main Street; CdtrAcct 65479512
      customer('creditor', 'B/59F', {
        name: 'Ardent Finance',
        addressLines: ['Main Street', 'Bucharest'],
        country: 'RO',
        account: '65479512',
      }),
    ]);
    expect(payment.texts).toEqual([{ source: '72', lines: ['/INS/INGBROBUXXX'] }]);
  });

  it('wso2_cbpr_p231b_MT202COV_AtoB.fin: 50F /NOTPROVIDED, 59F without account', () => {
    const [payment] = payments('wso2_cbpr_p231b_MT202COV_AtoB.fin');
    expect(payment).toMatchObject({
      messageId: '7a562c67-ca16-48ba-b074-65581be6f001',
      format: 'MT202COV',
      amount: { currency: 'DKK', value: '591636' },
    });
    expect(payment.parties).toEqual([
      bank('instructingAgent', '2', 'CLYDGB2SXXX'),
      bank('instructedAgent', '1', 'BOFSGB2LXXX'),
      bank('debtorAgent', '52A', 'CLYDGB2S'),
      bank('creditorAgent', '57A', 'BSCHESMM'),
      bank('creditor', '58A', 'BSCHGB2L'),
      bank('previousInstructingAgent1', '72', 'BOFSGB2L'),
      customer('debtor', 'B/50F', {
        name: 'A Debiter',
        addressLines: ['High Street', 'Epping London'],
        country: 'GB',
        account: 'NOTPROVIDED',
      }),
      bank('creditorAgent', 'B/57A', 'BSCHGB2L'),
      customer('creditor', 'B/59F', { name: 'B Creditor Co', addressLines: ['Las Ramblas', 'Barcelona'], country: 'ES' }),
    ]);
  });

  it('wso2_cbpr_p432_MT205COV_AtoB.fin: MT205COV, accounts on agent lines', () => {
    const [payment] = payments('wso2_cbpr_p432_MT205COV_AtoB.fin');
    expect(payment).toMatchObject({
      messageId: '54b2852b-bfaa-4c89-980e-8ad806388f44',
      format: 'MT205COV',
      amount: { currency: 'EUR', value: '35612.21' },
    });
    expect(payment.parties).toEqual([
      bank('instructingAgent', '2', 'CLYDGB2SXXX'),
      bank('instructedAgent', '1', 'BOFSGB2LXXX'),
      bank('debtorAgent', '52A', 'CLYDGB2S', { account: '2020-08-10' }),
      bank('creditorAgent', '57A', 'BSCHESMM'),
      bank('creditor', '58A', 'CAIXESBB', { account: 'BOFSGB2L' }),
      bank('previousInstructingAgent1', '72', 'BOFSGB2L'),
      customer('debtor', 'B/50F', { name: 'A Investor', addressLines: ['Long Street', 'Glasgow'], country: 'GB', account: '601915153' }),
      bank('debtorAgent', 'B/52A', 'CLYDGB2S'), // differs from sequence A's 52A, which has an account
      bank('creditorAgent', 'B/57A', 'CAIXESBB'),
      customer('creditor', 'B/59F', {
        name: 'Spanish Investor',
        addressLines: ['Las Ramblas', 'Barcelona'],
        country: 'ES',
        account: '282717259',
      }),
    ]);
  });

  it('wso2_cbpr_p221_MT202_BtoC.fin: plain MT202, 72 with /INS/ and /BNF/', () => {
    const [payment] = payments('wso2_cbpr_p221_MT202_BtoC.fin');
    expect(payment).toEqual({
      messageId: 'dab3b64f-092b-4839-b7e9-8f438af50961',
      format: 'MT202',
      reference: 'pacs9bizmsgidr01',
      uetr: 'dab3b64f-092b-4839-b7e9-8f438af50961',
      amount: { currency: 'EUR', value: '654489.98' },
      parties: [
        bank('instructingAgent', '2', 'ABNANL2AXXX'),
        bank('instructedAgent', '1', 'NDEAFIHHXXX'),
        bank('debtorAgent', '52A', 'RBOSGB2LXXX'),
        bank('creditorAgent', '57A', 'HELSFIHHXXX'),
        bank('creditor', '58A', 'EVSEFIHHXXX'),
        bank('previousInstructingAgent1', '72', 'ABNANL2AXXX'),
      ],
      texts: [{ source: '72', lines: ['/INS/ABNANL2AXXX', '/BNF/Invoice: 456464-9663'] }],
      countries: [],
    });
  });

  it('prowide_MT101.fin: 50H in sequence A, one transaction, block 5', () => {
    const [payment] = payments('prowide_MT101.fin');
    expect(payment).toEqual({
      messageId: 'TESTAR00XXX:DG942_171206-004', // no UETR: sender BIC and field 20
      format: 'MT101',
      reference: 'DG942_171206-004',
      amount: { currency: 'CNY', value: '14.00' },
      parties: [
        bank('instructingAgent', '2', 'TESTAR00XXX'),
        bank('instructedAgent', '1', 'TESTAR00XXX'),
        customer('debtor', '50H', { account: '344110001637', name: 'TESTAR00AXXX', addressLines: ['Utrecht', 'Netherlands'] }),
        bank('creditorAgent', 'B[1]/57A', 'CIBKCNBJ473'),
        customer('creditor', 'B[1]/59', {
          account: '344110000361',
          name: 'CASH CUSTOMER I',
          addressLines: ['TESTAR00AXXX', 'Utrecht', 'Netherlands'],
        }),
      ],
      texts: [{ source: 'B[1]/70', lines: ['/RFB/C767405OCP021001'] }],
      countries: [],
    });
  });

  it('prowide_MT103_STP_with_block5.fin: {119:STP}, 50A, a block 5 with MAC and CHK', () => {
    const [payment] = payments('prowide_MT103_STP_with_block5.fin');
    expect(payment).toMatchObject({
      messageId: 'AAPBESMMXXX:D051026EUR100057',
      format: 'MT103',
      amount: { currency: 'EUR', value: '6740.91' },
    });
    expect(payment.parties).toEqual([
      bank('instructingAgent', '2', 'AAPBESMMXXX'),
      bank('instructedAgent', '1', 'FOOBARYYXXX'),
      { ...bank('debtor', '50A', 'SSSSESMMXXX'), kind: 'organisation' },
      bank('sendersCorrespondent', '53A', 'BBBBESMMXXX'),
      bank('creditorAgent', '57A', 'FOOBARYYXXX'),
      customer('creditor', '59', { account: 'ES0123456789012345671234', name: 'FOOOOO 1000 FOOBAR S.A.' }),
    ]);
    expect(payment.texts).toEqual([{ source: '70', lines: ['REDEMPTS. TRADEDATE 2222-10-26', '/123123123: FOOVIMAR 2000 FOOBAR'] }]);
  });

  it('prowide_MT103-bulk-with-ack.rje: three MT103s, each after its ACK', () => {
    const all = payments('prowide_MT103-bulk-with-ack.rje');
    expect(all.map((p) => [p.messageId, p.amount?.value])).toEqual([
      ['BBBBUS33XXX:234234233', '3700'],
      ['BKTRUS33XXX:C4772342333', '1321.00'],
      ['BBBBUS33XXX:201904250034434', '1417.8'],
    ]);
    expect(all[0].parties).toEqual([
      bank('instructingAgent', '2', 'BBBBUS33XXX'),
      bank('instructedAgent', '1', 'AAAAUSLAXXX'),
      customer('debtor', '50K', {
        account: '0000000000',
        name: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        addressLines: ['NO. 62/64 FOO ROAD BENIN CITY', 'EDO STATE'],
      }),
      bank('debtorAgent', '52A', 'CCCCNGLA'),
      institution('sendersCorrespondent', '53B', { account: '00000000000000' }),
      customer('creditor', '59', { account: '0000000000', name: 'BBBBBBBBBBBBBBBB' }),
      institution('previousInstructingAgent1', '72', { name: 'DEUTSCHE BANK TRUST CO. AMERICAS NEW YORK, NY 10015' }),
    ]);
    expect(all[0].texts).toEqual([
      { source: '70', lines: ['/RFB/042517477151', 'REFERENCE:1500009007', 'TRANSFER'] },
      { source: '72', lines: ['/INS/DEUTSCHE BANK TRUST CO.', '//AMERICAS NEW YORK, NY 10015'] },
    ]);
    expect(all[1].parties.find((p) => p.role === 'debtor')?.addressLines).toEqual(['ROAD 64 F254  VGC LEKKI AJAH', 'LEKKI LAGOS NIGERIA']);
    expect(all[1].parties.find((p) => p.source === '72')?.bic).toBe('CCCCNGLAXXX');
    expect(all[2].parties.find((p) => p.role === 'creditor')).toEqual(
      customer('creditor', '59', { account: '8888888888', name: 'GGGGGGGGGGGGGGGGG' }),
    );
  });

  it('prowide_MT103-out-ack.rje: thirteen MT103s separated by "$" lines', () => {
    const all = payments('prowide_MT103-out-ack.rje');
    expect(all.map((p) => [p.reference, `${p.amount?.currency} ${p.amount?.value}`])).toEqual([
      ['22342343', 'USD 1814.28'],
      ['INGDESMM', 'EUR 111222.33'],
      ['INGDESMM', 'EUR 54321.23'],
      ['FOODESMM', 'EUR 19999'],
      ['OMF000000724103', 'EUR 765432'],
      ['530165650050', 'EUR 12345.67'],
      ['0061350113089906', 'EUR 754321'],
      ['0061350113089908', 'EUR 100000'],
      ['0061350113089907', 'EUR 74321'],
      ['AMLX985338-D4E5E', 'EUR 66969.52'],
      ['0061350113089903', 'EUR 47000'],
      ['0061350113089904', 'EUR 10000'],
      ['0061350113089905', 'EUR 10000'],
    ]);
    expect(all.map((p) => p.parties.find((q) => q.role === 'creditor')?.name)).toEqual([
      'MERCADOS Y GESTION DE VALORES SA',
      'FOO DIRECT EUROSTOXX 99',
      'FOO DIRECT III FONDO DE PENSIONES I',
      'FOO DIRECT IBEX 35',
      'BANKXXXX',
      'FOO SECURITIES SV S.A.',
      'FOO FOOOOOO MODERADO FOO',
      'FOO AGENTES DE BOLSA ASOC',
      'FOO MODERADO FP',
      'FOO SA',
      'MS FOOOOOO CONSERVSDOR FIMF',
      'MS FOOOOOO MODERADO FIMF',
      'MS LATINOAMERICA FIM',
    ]);

    const [first] = all;
    expect(first).toMatchObject({ messageId: '8579f4a4-a547-463e-ae63-e7c6620d59b4', format: 'MT103' });
    expect(first.parties).toEqual([
      bank('instructingAgent', '2', 'BBBBUS3NXXX'),
      bank('instructedAgent', '1', 'BICFOOYYXXX'),
      customer('debtor', '50K', { name: 'FOO CAPITAL MARKETS LP', addressLines: ['99 WALL ST STE 9999', 'NEW YORK, NY 10005-3122'] }),
      institution('debtorAgent', '52D', { name: 'NORTH FOO BANK', addressLines: ['999 BROAD FOO RD', 'MELVILLE, NY 11747'] }),
      customer('creditor', '59', {
        account: '00123456789012345678',
        name: 'MERCADOS Y GESTION DE VALORES SA',
        addressLines: ['FOOSTREET 65', 'MADRID SPAIN 28010701.18'],
      }),
    ]);
    // "AUG" / "UST": the word split across lines is kept as written; trailing spaces too.
    expect(first.texts).toEqual([
      {
        source: '70',
        lines: [
          'FINDERS FEES-JULY,2007-  10.00, AUG',
          'UST,2007-  0.00   SEPTEMBER,2007   ',
          ' 1,999.99',
          'BNY CUST RRN - O/B NORTH FORK B',
        ],
      },
      { source: '72', lines: ['/ACC/ 00940060752415000231'] },
    ]);

    expect(all[5].parties.find((p) => p.role === 'debtorAgent')).toEqual(bank('debtorAgent', '52A', 'FOOBESBBXXX', { account: '0569' }));
    // Tenth message: 54A "//RT" is a clearing code; 59 "/-" an account written as a dash.
    expect(all[9].parties.slice(2)).toEqual([
      customer('debtor', '50K', { name: 'FOO SA' }),
      bank('sendersCorrespondent', '53A', 'DEUTDEFF'),
      bank('receiversCorrespondent', '54A', 'BICFOOYY', { account: 'RT', identifiers: [{ scheme: 'clearingCode', value: 'RT' }] }),
      customer('creditor', '59', { account: '-', name: 'FOO SA' }),
    ]);
    expect(all[9].texts).toEqual([{ source: '70', lines: ['/CS BD ST EUR B', 'REDEMPTION AMLX985338'] }]);
    expect(all[11].parties.find((p) => p.role === 'debtor')).toEqual(
      customer('debtor', '50K', {
        account: '12345678',
        name: 'MS FOOOOOO MODERADO FIMF',
        addressLines: ['BBVA 3999 XXXXST 16 BUZON 404', '28014 MADRID'],
      }),
    );
  });
});
