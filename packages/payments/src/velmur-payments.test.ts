/**
 * The August 2017 case, as messages: Velmur Management (Singapore) pays JSC Independent Petroleum Company
 * (Russia) for gasoil bound for North Korea, with the Foreign Trade Bank of the DPRK (FTBDKPPY) as
 * intermediary. Built as an MT103 and as a pacs.008 from the real CBPR+ samples of scenario p.2.1.2 (their
 * parties replaced), parsed, and screened against the SDN list of 26 January 2018, which lists all three.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PaymentScreener, ScreeningEngine, type Payment } from '@embargo/core';
import { detectPublications, parsePublication } from '@embargo/lists';
import { hasShared, sharedList, SHARED_PAYMENTS, hasSharedPayments } from '../../../test/shared-data.js';
import { parsePaymentMessages } from './index.js';

const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();
const SDN_2018 = 'ofac-sdn/2018-01-26';

interface Parties {
  debtor: string;
  creditor: string;
  intermediary: string;
  remittance?: string[];
}

const VELMUR: Parties = { debtor: 'VELMUR MANAGEMENT PTE. LTD.', creditor: 'JSC Independent Petroleum Company', intermediary: 'FTBDKPPY' };
const OTHERS: Parties = { debtor: 'HARBOURFRONT TIMBER PTE. LTD.', creditor: 'JSC Volga Paper Mill', intermediary: 'ANBTUS44' };

/** The MT103 of p.2.1.2 with its parties replaced (50F name, 59F name, 56A BIC, 70 remittance lines). */
function mt103(p: Parties): string {
  const sample = readFileSync(join(PAYMENTS, 'mt', 'wso2_cbpr_p212_MT103_AtoB.fin'), 'utf8');
  const remittance = (p.remittance ?? ['/ROC/E2E04044506271305']).join('\n');
  return sample
    .replace('1/GB Engineering', `1/${p.debtor}`)
    .replace('1/US Engines', `1/${p.creditor}`)
    .replace(':56A:ANBTUS44XXX', `:56A:${p.intermediary}`)
    .replace(':70:/ROC/E2E04044506271305', `:70:${remittance}`);
}

/** Its pacs.008 twin, replaced alike (Dbtr/Nm, Cdtr/Nm, IntrmyAgt1/BICFI, RmtInf/Ustrd). */
function pacs008(p: Parties): string {
  const sample = readFileSync(join(PAYMENTS, 'mx', 'wso2_cbpr_p212_pacs008_AtoB.xml'), 'utf8');
  const withParties = sample
    .replace('<Nm>GB Engineering </Nm>', `<Nm>${p.debtor}</Nm>`)
    .replace('<Nm>US Engines</Nm>', `<Nm>${p.creditor}</Nm>`)
    .replace('<BICFI>ANBTUS44XXX</BICFI>', `<BICFI>${p.intermediary}</BICFI>`);
  const remittance = (p.remittance ?? []).map((line) => `<Ustrd>${line}</Ustrd>`).join('');
  return remittance ? withParties.replace('</CdtrAcct>', `</CdtrAcct><RmtInf>${remittance}</RmtInf>`) : withParties;
}

function onePayment(text: string): Payment {
  const results = parsePaymentMessages(text);
  expect(results).toHaveLength(1);
  if (results[0].error) throw new Error(results[0].error.reason);
  return results[0].payment;
}

describe.skipIf(!HAS_SAMPLES || !hasShared(SDN_2018))('the Velmur payment, as an MT103 and as a pacs.008', () => {
  let screener: PaymentScreener;
  beforeAll(async () => {
    const { publications } = await detectPublications(sharedList(SDN_2018));
    const entities = (await Promise.all(publications.map(parsePublication))).flatMap((p) => p.entities);
    screener = new PaymentScreener(new ScreeningEngine(entities));
  });

  it.each([
    ['MT103', mt103, '50F', '59F', '56A'],
    [
      'pacs.008',
      pacs008,
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Dbtr',
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/Cdtr',
      'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/IntrmyAgt1',
    ],
  ])(
    '%s: blocked, with the ordering customer, the beneficiary and the correspondent as hits',
    (format, build, debtorField, creditorField, bankField) => {
      const payment = onePayment(build(VELMUR));
      expect(payment.format).toBe(format);
      const decision = screener.screen(payment);
      expect(decision.decision).toBe('block');
      const hits = decision.hits.map((h) => [h.source, h.rule, h.id, h.action]);
      expect(hits).toContainEqual([debtorField, 'party-name', 'ofac:22606', 'block']);
      expect(hits).toContainEqual([creditorField, 'party-name', 'ofac:22327', 'block']);
      expect(hits).toContainEqual([bankField, 'bic', 'ofac:15603', 'block']);
    },
  );

  it.each([
    ['MT103', mt103],
    ['pacs.008', pacs008],
  ])('%s: the same message between other parties through another bank passes', (_format, build) => {
    const decision = screener.screen(onePayment(build(OTHERS)));
    expect(decision).toMatchObject({ decision: 'pass', hits: [] });
  });

  it.each([
    ['MT103', mt103, '70 lines 1–2'],
    ['pacs.008', pacs008, 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/RmtInf/Ustrd lines 1–2'],
  ])('%s: a designated name split across two lines of remittance information is found', (_format, build, field) => {
    // Field 70 breaks at 35 characters wherever that falls, here inside MANAGEMENT.
    const split = { ...OTHERS, remittance: ['/INV/2017-114 GASOIL VELMUR MANA', 'GEMENT PTE LTD'] };
    const payment = onePayment(build(split));
    const decision = screener.screen(payment);
    expect(decision.decision).toBe('hold');
    expect(decision.hits.find((h) => h.id === 'ofac:22606')).toMatchObject({ rule: 'text-name', source: field });
  });
});
