/**
 * The same payment in both syntaxes: the CBPR+ sample scenarios give an MT103 and the pacs.008 it becomes
 * (and an MT202COV and its pacs.009COV), with the same UETR. Both parsers must read the same parties from
 * them: who, where, which account, which bank. Address lines compare as a set: pacs.008 puts a street in
 * StrtNm or in AdrLine as the translator chose, and the MT writes it where the customer did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Payment, PaymentParty } from '@embargo/core';
import { SHARED_PAYMENTS, hasSharedPayments } from '../../../test/shared-data.js';
import { parsePaymentMessages } from './index.js';

const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();

function parsed(path: string): Payment {
  const [result, ...more] = parsePaymentMessages(readFileSync(join(PAYMENTS, path), 'utf8'));
  expect(more).toHaveLength(0);
  if (result.error) throw new Error(`${path}: ${result.error.reason}`);
  return result.payment;
}

/** A party as both syntaxes can say it (not where in the message it was). */
function comparable(p: PaymentParty) {
  return { role: p.role, name: p.name, addressLines: [...p.addressLines].sort(), country: p.country, account: p.account, bic: p.bic };
}

const byRole = (payment: Payment, roles: readonly string[]) =>
  payment.parties
    .filter((p) => roles.includes(p.role))
    .map(comparable)
    .sort((a, b) => (a.role + (a.bic ?? a.name)).localeCompare(b.role + (b.bic ?? b.name)));

const CUSTOMER_ROLES = ['debtor', 'creditor', 'ultimateDebtor', 'ultimateCreditor'];
const BANK_ROLES = ['debtorAgent', 'creditorAgent', 'intermediaryAgent1', 'instructingAgent', 'instructedAgent'];

describe.skipIf(!HAS_SAMPLES)('MT and ISO 20022 twins yield the same parties', () => {
  it.each([
    ['mt/wso2_cbpr_p212_MT103_AtoB.fin', 'mx/wso2_cbpr_p212_pacs008_AtoB.xml'],
    ['mt/wso2_cbpr_c535_MT103_AtoB.fin', 'mx/wso2_cbpr_c535_pacs008_AtoB.xml'],
    ['mt/wso2_custom_MT103_a2015_multiline50K59_70_72.fin', 'mx/wso2_custom_a2015_pacs008.xml'],
  ])('%s and %s', (mtPath, mxPath) => {
    const mt = parsed(mtPath);
    const mx = parsed(mxPath);
    expect(mt.messageId).toBe(mx.messageId);
    expect([mt.format, mx.format]).toEqual(['MT103', 'pacs.008']);
    expect(byRole(mt, CUSTOMER_ROLES)).toEqual(byRole(mx, CUSTOMER_ROLES));
    expect(byRole(mt, CUSTOMER_ROLES).length).toBeGreaterThanOrEqual(2);
    // Banks by BIC (the MT names them by BIC alone; branch codes are written XXX or left out).
    const bics = (p: Payment) => byRole(p, BANK_ROLES).map((b) => `${b.role} ${b.bic?.slice(0, 8)}`);
    expect(bics(mt)).toEqual(bics(mx));
  });

  it('MT202COV sequence B and the pacs.009COV underlying transfer: the same customers', () => {
    const mt = parsed('mt/wso2_cbpr_c2922_MT202COV_AtoB.fin');
    const mx = parsed('mx/wso2_cbpr_c2922_pacs009COV_AtoB.xml');
    expect([mt.format, mx.format]).toEqual(['MT202COV', 'pacs.009COV']);
    // The cover's own creditor is a bank (58A, Cdtr with a BIC); the customers are the underlying ones.
    const customers = (p: Payment) => byRole(p, CUSTOMER_ROLES).filter((c) => c.bic === undefined);
    expect(customers(mt)).toEqual(customers(mx));
    expect(customers(mt).map((c) => c.name)).toEqual(expect.arrayContaining(['Debtor Co', 'Ardent Finance']));
  });
});
