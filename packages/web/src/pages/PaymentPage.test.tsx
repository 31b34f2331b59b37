// @vitest-environment jsdom
/**
 * The message view against a fake API, on the MT103 of CBPR+ scenario p.2.1.2 with FTBDKPPY as its
 * intermediary (56A): the decision and its figures; the message with field 56A marked and labelled with
 * both hits' numbers; the hits with the listed record linked and the jurisdiction named; the parties with
 * the one with hits marked. And a pacs.008 whose hit path is marked as its whole element.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaymentDetail } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { PaymentPage } from './PaymentPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MT103 = `{1:F01CHASUS33XXXX0000000000}{2:O1031013210511CHASGB2LXXXX00000000002105111013N}{3:{121:174c245f-2682-4291-ad67-2a41e530cd27}}{4:
:20:A2B0506272708
:23B:CRED
:32A:210511USD136500,
:50F:/96325874
1/GB Engineering
2/Industrial Park
3/GB/Cambridge
:52A:CHASGB2LXXX
:56A:FTBDKPPYXXX
:57A:HNBAUS51XXX
:59F:/254178963
1/US Engines
2/20 Main St
3/US/Casper WY
:70:/ROC/E2E04044506271305
:71A:SHA
-}`;

const party = (role: string, source: string, over: object = {}) => ({
  role,
  kind: 'bank',
  source,
  addressLines: [],
  identifiers: [],
  ...over,
});

const BLOCKED: PaymentDetail = {
  paymentId: 'pay_1',
  messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
  tenant: 'bank-a',
  format: 'MT103',
  decision: 'block',
  screenedAt: '2026-03-02T09:15:00.000Z',
  listsGeneration: 1,
  hits: [
    {
      field: '56A',
      text: 'FTBDKPPYXXX',
      id: 'ofac:15603',
      caption: "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
      jurisdiction: null,
      score: 1,
      rule: 'bic',
      action: 'block',
      reason: "BIC FTBDKPPYXXX is listed for FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
    },
    {
      field: '56A',
      text: 'FTBDKPPYXXX',
      id: null,
      caption: null,
      jurisdiction: 'KP',
      score: 1,
      rule: 'bic-country',
      action: 'hold',
      reason: 'BIC FTBDKPPYXXX is a bank in North Korea',
    },
  ],
  raw: MT103,
  actor: '3f9c0a7b12d4e5f6',
  payment: {
    messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
    format: 'MT103',
    reference: 'A2B0506272708',
    uetr: '174c245f-2682-4291-ad67-2a41e530cd27',
    amount: { currency: 'USD', value: '136500' },
    parties: [
      party('debtor', '50F', {
        kind: 'unknown',
        name: 'GB Engineering',
        addressLines: ['Industrial Park', 'Cambridge'],
        country: 'GB',
        account: '96325874',
      }),
      party('debtorAgent', '52A', { bic: 'CHASGB2LXXX' }),
      party('intermediaryAgent1', '56A', { bic: 'FTBDKPPYXXX' }),
    ],
    texts: [{ source: '70', lines: ['/ROC/E2E04044506271305'] }],
    countries: [],
  },
};

/** The two alerts the blocked payment's hits opened, as `GET /v1/alerts?screeningId=pay_1` answers them. */
const ALERTS = [
  {
    id: 'al_1',
    entityId: 'ofac:15603',
    status: 'open',
    score: 1,
    match: { caption: 'FOREIGN TRADE BANK' },
    party: { payment: { field: '56A' } },
  },
  {
    id: 'al_2',
    entityId: 'jurisdiction:KP',
    status: 'escalated',
    score: 1,
    match: { caption: 'KP' },
    party: { payment: { field: '56A' } },
  },
];

function renderPayment(detail: PaymentDetail) {
  const api = fakeApi({
    [`GET /v1/payments/${detail.paymentId}`]: () => [200, detail],
    'GET /v1/alerts': ({ url }) => [200, { alerts: url.searchParams.get('screeningId') === 'pay_1' ? ALERTS : [] }],
  });
  vi.stubGlobal('fetch', api.fetch);
  render(<PaymentPage id={detail.paymentId} />);
  return api;
}

describe('PaymentPage', () => {
  it("lists the alerts the payment's hits opened, by the payment's id, each a link to its review", async () => {
    const api = renderPayment(BLOCKED);
    const section = await screen.findByRole('region', { name: 'Alerts' });
    const links = await within(section).findAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['FOREIGN TRADE BANK', '/alerts/al_1'],
      ['North Korea (KP)', '/alerts/al_2'],
    ]);
    expect(section.textContent).toContain('escalated');
    expect(api.requests.find((r) => r.path === '/v1/alerts')!.search).toContain('screeningId=pay_1');
  });

  it('shows the decision and its figures at the top', async () => {
    renderPayment(BLOCKED);
    await screen.findByText('174c245f-2682-4291-ad67-2a41e530cd27');
    const main = document.body.textContent ?? '';
    expect(main).toContain('Blocked');
    expect(main).toContain('2 (1 to block, 1 to hold)');
    expect(main).toContain('USD 136500');
    expect(main).toContain('A2B0506272708');
  });

  it('marks field 56A in the message with both hit numbers, and lists the hits beside it', async () => {
    renderPayment(BLOCKED);
    const message = await screen.findByRole('region', { name: 'Message as received' });
    const marks = [...message.querySelectorAll('mark')];
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('hit 1hit 2:56A:FTBDKPPYXXX');
    expect([...marks[0].querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#hit-1', '#hit-2']);
    // The whole message is there as received, labels aside.
    const pre = message.querySelector('pre')!;
    expect(pre.textContent!.replace(/hit \d/g, '')).toBe(MT103);

    const hits = screen.getByRole('region', { name: 'Hits' });
    const items = within(hits).getAllByRole('listitem');
    expect(items.map((li) => li.id)).toEqual(['hit-1', 'hit-2']);
    expect(items[0].textContent).toContain('BIC of a listed institution');
    expect(
      within(items[0]).getByRole('link', { name: "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA" }).getAttribute('href'),
    ).toBe('/entities/ofac%3A15603');
    expect(items[1].textContent).toContain('North Korea (KP)');
    expect(items[1].textContent).toContain('BIC of a bank in an embargoed jurisdiction');
    expect(items[1].textContent).toContain('BIC FTBDKPPYXXX is a bank in North Korea');
  });

  it('lists the parties read from the message, marking the one with hits', async () => {
    renderPayment(BLOCKED);
    const parties = await screen.findByRole('region', { name: 'Parties in the message' });
    const rows = [...parties.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual([
      'Debtor (ordering customer) 50F',
      "Debtor's agent (ordering institution) 52A",
      'Intermediary agent 1 56A',
    ]);
    expect(rows.map((r) => r.classList.contains('party--hit'))).toEqual([false, false, true]);
    expect(rows[2].querySelector('td[data-label="Hits"]')!.textContent).toBe('12');
    expect(rows[0].textContent).toContain('United Kingdom (GB)');
    expect(rows[0].textContent).toContain('96325874');
  });

  it('marks the whole element an ISO 20022 path names', async () => {
    const xml = [
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">',
      '<FIToFICstmrCdtTrf><CdtTrfTxInf>',
      '<UltmtDbtr><Nm>Corporation Bb</Nm></UltmtDbtr>',
      '<Dbtr><Nm>Corporation B</Nm></Dbtr>',
      '</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>',
    ].join('\n');
    renderPayment({
      ...BLOCKED,
      paymentId: 'pay_2',
      format: 'pacs.008',
      decision: 'hold',
      raw: xml,
      hits: [
        {
          field: 'FIToFICstmrCdtTrf/CdtTrfTxInf[1]/UltmtDbtr',
          text: 'Corporation Bb',
          id: 'ofac:26884',
          caption: 'BS COMPANY OFFSHORE',
          jurisdiction: null,
          score: 0.812,
          rule: 'party-name',
          action: 'hold',
          reason: 'Matched alias "B S COMPANY"',
        },
      ],
      payment: { ...BLOCKED.payment, format: 'pacs.008', parties: [] },
    });
    const message = await screen.findByRole('region', { name: 'Message as received' });
    expect([...message.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'hit 1<UltmtDbtr><Nm>Corporation Bb</Nm></UltmtDbtr>',
    ]);
    expect(message.textContent).toContain('ISO 20022 XML');
    expect(screen.getByRole('region', { name: 'Parties in the message' }).textContent).toContain('The message names no party.');
  });

  it('says a passed payment has no hit', async () => {
    renderPayment({ ...BLOCKED, decision: 'pass', hits: [] });
    const hits = await screen.findByRole('region', { name: 'Hits' });
    expect(hits.textContent).toContain('No hit: the payment passed.');
    expect(screen.getByRole('region', { name: 'Message as received' }).querySelectorAll('mark')).toHaveLength(0);
  });
});
