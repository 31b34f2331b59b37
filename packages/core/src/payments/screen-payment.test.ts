/**
 * Payment screening on the SDN list as it stood on 26 January 2018, five months after Treasury designated
 * Velmur Management and Independent Petroleum Company (22 August 2017) for the gasoil paid for through US
 * correspondent banks. The payments are built by hand here; the parsers' own tests cover real messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPublications, parsePublication } from '@embargo/lists';
import { ScreeningEngine } from '../match/engine.js';
import { hasShared, sharedList } from '../../../../test/shared-data.js';
import type { Payment, PaymentParty } from './payment.js';
import { PaymentScreener } from './screen-payment.js';
import { embargoedJurisdictionsOf } from './embargoed-jurisdictions.js';

const SDN_2018 = 'ofac-sdn/2018-01-26';

function party(fields: Partial<PaymentParty> & Pick<PaymentParty, 'role' | 'source'>): PaymentParty {
  return { kind: 'unknown', addressLines: [], identifiers: [], ...fields };
}

function payment(parties: PaymentParty[], texts: Payment['texts'] = []): Payment {
  return { messageId: 'test-1', format: 'MT103', reference: 'REF1', parties, texts, countries: [] };
}

/** The 2017 gasoil payment as a bank's filter would see it: Velmur pays NNK through the Foreign Trade Bank. */
const velmurPays = (overrides: { debtor?: string; creditor?: string; intermediary?: string } = {}) =>
  payment([
    party({
      role: 'debtor',
      source: '50K',
      name: overrides.debtor ?? 'VELMUR MANAGEMENT PTE. LTD.',
      addressLines: ['80 ROBINSON ROAD', 'SINGAPORE'],
    }),
    party({ role: 'creditor', source: '59', name: overrides.creditor ?? 'JSC Independent Petroleum Company', addressLines: ['MOSCOW'] }),
    party({ role: 'intermediaryAgent1', source: '56A', kind: 'bank', bic: overrides.intermediary ?? 'FTBDKPPY' }),
    party({ role: 'debtorAgent', source: '52A', kind: 'bank', bic: 'DBSSSGSG' }),
  ]);

describe.skipIf(!hasShared(SDN_2018))('screening a payment against the SDN list of 2018-01-26', () => {
  let screener: PaymentScreener;
  beforeAll(async () => {
    const { publications } = await detectPublications(sharedList(SDN_2018));
    const entities = (await Promise.all(publications.map(parsePublication))).flatMap((p) => p.entities);
    screener = new PaymentScreener(new ScreeningEngine(entities));
  });

  it('blocks the Velmur payment with three hits: the ordering customer, the beneficiary and the correspondent BIC', () => {
    const decision = screener.screen(velmurPays());
    expect(decision.decision).toBe('block');
    const hits = decision.hits.map((h) => [h.source, h.rule, h.id, h.action]);
    expect(hits).toContainEqual(['50K', 'party-name', 'ofac:22606', 'block']);
    expect(hits).toContainEqual(['59', 'party-name', 'ofac:22327', 'block']);
    expect(hits).toContainEqual(['56A', 'bic', 'ofac:15603', 'block']);
    expect(decision.hits.find((h) => h.rule === 'bic')!.reason).toContain('FOREIGN TRADE BANK');
  });

  it('passes the same payment between other parties through other banks', () => {
    const decision = screener.screen(
      velmurPays({ debtor: 'HARBOURFRONT TIMBER PTE. LTD.', creditor: 'JSC Volga Paper Mill', intermediary: 'CHASUS33' }),
    );
    expect(decision).toMatchObject({ decision: 'pass', hits: [] });
    expect(decision.screened.parties).toBe(2);
    expect(decision.screened.bics).toBe(2);
  });

  it('finds a designated name split across two lines of field 70, and says the word was joined', () => {
    const decision = screener.screen(
      payment(
        [party({ role: 'debtor', source: '50K', name: 'HARBOURFRONT TIMBER PTE LTD' })],
        [{ source: '70', lines: ['/INV/2017-08-114 GASOIL VELMUR MANA', 'GEMENT PTE LTD'] }],
      ),
    );
    expect(decision.decision).toBe('hold');
    const hit = decision.hits.find((h) => h.id === 'ofac:22606')!;
    expect(hit).toMatchObject({ rule: 'text-name', action: 'hold', source: '70 lines 1–2' });
    expect(hit.reason).toContain('joined across a line break');
  });

  it('finds a listed name on one line of free text, but not words listed names merely use', () => {
    const named = screener.screen(payment([], [{ source: '72', lines: ['/BNF/PAYMENT ON BEHALF OF', 'INDEPENDENT PETROLEUM COMPANY'] }]));
    expect(named.hits.map((h) => [h.rule, h.id])).toContainEqual(['text-name', 'ofac:22327']);
    const prose = screener.screen(payment([], [{ source: '70', lines: ['PAYMENT FOR TRADING GOODS', 'INVOICE 2017 BANK CHARGES'] }]));
    expect(prose.decision).toBe('pass');
    // Words of listed names without their distinctive ones: MEHRAN PAPER MILL, VOLGA GROUP are not named here.
    const shared = screener.screen(payment([], [{ source: '70', lines: ['PAPER MILL EQUIPMENT', 'VOLGA DELIVERY'] }]));
    expect(shared).toMatchObject({ decision: 'pass', hits: [] });
    expect(shared.screened.windows).toBeGreaterThan(0);
  });

  it("finds a listed BIC's branch and a listed vessel's IMO number in free text", () => {
    const decision = screener.screen(
      payment(
        [party({ role: 'creditorAgent', source: '57A', kind: 'bank', bic: 'FTBDKPPYXXX' })],
        [
          { source: '70', lines: ['FREIGHT MV CHONG CHON GANG', 'IMO NO. 7937317'] },
          { source: '72', lines: ['/INS/FTBDKPPY123'] },
        ],
      ),
    );
    expect(decision.decision).toBe('block');
    const rules = decision.hits.map((h) => [h.source, h.rule, h.id]);
    expect(rules).toContainEqual(['57A', 'bic', 'ofac:15603']);
    expect(rules).toContainEqual(['70 line 2', 'imo', 'ofac:17069']);
    expect(rules).toContainEqual(['72 line 1', 'bic', 'ofac:15603']);
    expect(decision.hits.find((h) => h.source === '72 line 1')!.reason).toContain('branch');
  });

  it('holds a payment touching an embargoed jurisdiction: an address country, a BIC country, a place named in an address', () => {
    const decision = screener.screen(
      payment([
        party({ role: 'creditor', source: '59F', name: 'Ardent Finance', country: 'IR', addressLines: ['Main Street', 'Tehran'] }),
        party({ role: 'creditorAgent', source: '57A', kind: 'bank', bic: 'BKMTIRTH' }),
        party({ role: 'debtor', source: '50K', name: 'Debtor Co', addressLines: ['12 Lenina St', 'Sevastopol'] }),
      ]),
    );
    expect(decision.decision).toBe('hold');
    const rules = decision.hits.map((h) => [h.source, h.rule, h.jurisdiction]);
    expect(rules).toContainEqual(['59F', 'country', 'IR']);
    expect(rules).toContainEqual(['59F address line 2', 'place', 'IR']);
    expect(rules).toContainEqual(['57A', 'bic-country', 'IR']);
    expect(rules).toContainEqual(['50K address line 2', 'place', 'UA-43']);
  });

  it('takes its embargoed jurisdictions from configuration', () => {
    const onlyCuba = new PaymentScreener(screener['engine'], { jurisdictions: embargoedJurisdictionsOf(['CU']) });
    const decision = onlyCuba.screen(payment([party({ role: 'creditor', source: '59F', name: 'Ardent Finance', country: 'IR' })]));
    expect(decision.decision).toBe('pass');
    expect(() => embargoedJurisdictionsOf(['XX'])).toThrow(/unknown embargoed jurisdiction "XX"/);
  });
});
