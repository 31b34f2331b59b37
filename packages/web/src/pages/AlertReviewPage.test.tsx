// @vitest-environment jsdom
/**
 * The alert review against a fake API: the party and the listed record side by side with the aligned
 * words marked on both, the history, and a refused approval (four eyes) shown in the server's words.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertDetail, MatchExplanation } from '../api/types';
import { fakeApi, type FakeAnswer } from '../testing/fake-api';
import { AlertReviewPage } from './AlertReviewPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const explanation: MatchExplanation = {
  algorithm: 'name-logic-v1',
  threshold: 0.81,
  query: { name: '장성남', reading: 'jang song nam', script: 'Hang' },
  matched: { name: 'JANG, Sung Nam', property: 'name', weak: false, reading: 'jang sung nam', script: 'Latn' },
  tokens: [
    { query: 'jang', listed: 'jang', similarity: 1, how: 'exact' },
    { query: 'nam', listed: 'nam', similarity: 1, how: 'exact' },
    { query: 'song', listed: 'sung', similarity: 0.95, how: 'romanisation' },
  ],
  unmatched: { query: [], listed: [] },
  scorers: [
    {
      name: 'nameSimilarity',
      label: 'Name similarity',
      value: 0.983,
      weight: 1,
      contribution: 0.983,
      detail: 'aligned jang~jang, nam~nam, song~sung',
    },
    {
      name: 'birthDateAgreement',
      label: 'Birth date agrees',
      value: 1,
      weight: 0.06,
      contribution: 0.06,
      detail: 'born 1970-07-14; listed 14 Jul 1970',
    },
  ],
  summary: 'Matched primary name "JANG, Sung Nam" …: alert (1.00 ≥ 0.81).',
};

/** The tenant's reason codes, as `GET /v1/reason-codes` answers them. */
const REASON_CODES = {
  'GET /v1/reason-codes': () =>
    [
      200,
      {
        tenant: 'bank-a',
        codes: [
          { code: 'different-birth-date', label: 'Different date of birth' },
          { code: 'second-review-agrees', label: 'Second review agrees' },
        ],
      },
    ] as FakeAnswer,
};

const FOUR_EYES =
  'Four eyes: a high-scoring false positive must be approved by another person than the one who proposed it (with any of their keys or sessions).';

function detail(status: AlertDetail['alert']['status']): AlertDetail {
  return {
    alert: {
      id: 'al_01',
      caseId: 'al_01',
      tenant: 'bank-a',
      createdAt: '2026-03-02T09:15:00.000Z',
      updatedAt: '2026-03-02T10:00:00.000Z',
      screeningId: 'sc_01',
      customerKey: 'C-1001',
      entityId: 'ofac:21736',
      source: 'ofac-sdn',
      score: 1,
      status,
      party: { name: '장성남', birthDate: '1970-07-14', customerKey: 'C-1001' },
      match: { id: 'ofac:21736', caption: 'JANG, Sung Nam', schema: 'Person', source: 'ofac-sdn', score: 1, alert: true, explanation },
    },
    entity: {
      id: 'ofac:21736',
      source: 'ofac-sdn',
      schema: 'Person',
      caption: 'JANG, Sung Nam',
      properties: { birthDate: [{ value: '1970-07-14', original: '14 Jul 1970' }], program: [{ value: 'NPWMD' }] },
    },
    recordChanged: false,
    decisions:
      status === 'pending_approval'
        ? [
            {
              id: 'd1',
              decidedAt: '2026-03-02T10:00:00.000Z',
              // Proposed with an API key of ann's, not in the web app: the page must compare persons.
              actor: '3f9c0a7b12d4e5f6',
              person: 'ann',
              decision: 'false_positive',
              reason: 'Different person: other employer.',
              reasonCode: 'different-birth-date',
            },
          ]
        : [],
  };
}

describe('AlertReviewPage', () => {
  it('shows party and listed record side by side with the aligned words marked on both', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...REASON_CODES,
        'GET /v1/alerts/al_01': () => [200, detail('open')],
      }).fetch,
    );
    render(<AlertReviewPage id="al_01" user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Alert review');
    const party = await screen.findByRole('region', { name: 'Screened party' });
    const listed = screen.getByRole('region', { name: 'Listed record' });
    const marks = (el: HTMLElement) => [...el.querySelectorAll('mark')].map((m) => m.textContent);
    // The Hangul cannot be marked letter for letter: its romanisation is, word by word.
    expect(party.textContent).toContain('장성남');
    expect(party.textContent).toContain('Hangul (Korean), romanised as: jang song nam');
    expect(marks(party)).toEqual(['jang', 'song', 'nam']);
    expect(marks(listed)).toEqual(['JANG', 'Sung', 'Nam']);
    expect(within(listed).getByRole('link', { name: 'JANG, Sung Nam' }).getAttribute('href')).toBe('/entities/ofac%3A21736');
    expect(screen.getByRole('region', { name: 'Why it matched' }).textContent).toContain(
      'romanisation variant — the same name in another romanisation',
    );
    for (const name of ['True match', 'False positive', 'Escalate']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    // Whose customer it is: the tenant is shown beside the customer key.
    const tenant = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Tenant');
    expect(tenant?.nextElementSibling?.textContent).toBe('bank-a');
  });

  it("shows the server's four-eyes refusal in its words when it refuses an approval", async () => {
    const api = fakeApi({
      ...REASON_CODES,
      'GET /v1/alerts/al_01': () => [200, detail('pending_approval')],
      'POST /v1/alerts/al_01/decisions': () => [403, { error: 'FOUR_EYES_REQUIRED', message: FOUR_EYES }],
    });
    vi.stubGlobal('fetch', api.fetch);
    // Bob did not propose it, so the page lets him approve; the server has the last word (and refuses here, as it would another of ann's credentials).
    render(<AlertReviewPage id="al_01" user={{ username: 'bob', role: 'analyst', person: 'bob', tenant: null }} />);
    const history = await screen.findByRole('region', { name: 'Decision history' });
    // The code in the tenant's words, and the proposer's own words beside it.
    expect(history.textContent).toContain('Different date of birth: Different person: other employer.');
    expect(screen.queryByRole('button', { name: 'True match' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Reason code'), { target: { value: 'second-review-agrees' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Agree: other employer and other birth date.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain(FOUR_EYES);
    expect(api.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/alerts/al_01/decisions',
      body: { decision: 'approve', reasonCode: 'second-review-agrees', reason: 'Agree: other employer and other birth date.' },
    });
  });

  it('tells the proposer they proposed it, even through another credential, and leaves only Reject active', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...REASON_CODES,
        'GET /v1/alerts/al_01': () => [200, detail('pending_approval')],
      }).fetch,
    );
    render(<AlertReviewPage id="al_01" user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
    const form = await screen.findByRole('region', { name: 'Decision' });
    expect(form.textContent).toContain('ann proposed a false positive.');
    expect(form.textContent).toContain('You proposed it, so approval needs another person');
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Reject' }) as HTMLButtonElement).disabled).toBe(false);
    const history = screen.getByRole('region', { name: 'Decision history' });
    expect(history.textContent).toContain('ann (API key 3f9c0a7b12d4e5f6)');
  });

  it('lets another person approve', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...REASON_CODES,
        'GET /v1/alerts/al_01': () => [200, detail('pending_approval')],
      }).fetch,
    );
    render(<AlertReviewPage id="al_01" user={{ username: 'bob', role: 'analyst', person: 'bob', tenant: null }} />);
    const form = await screen.findByRole('region', { name: 'Decision' });
    expect(form.textContent).not.toContain('You proposed it');
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('records a decision and shows the new status', async () => {
    let status: AlertDetail['alert']['status'] = 'open';
    const api = fakeApi({
      ...REASON_CODES,
      'GET /v1/alerts/al_01': () => [200, detail(status)],
      'POST /v1/alerts/al_01/decisions': ({ body }) => {
        status = 'pending_approval';
        const b = body as { decision: 'false_positive'; reason: string };
        return [
          200,
          {
            alert: detail(status).alert,
            decision: { id: 'd1', decidedAt: '2026-03-02T10:00:00.000Z', actor: 'user:ann', person: 'ann', ...b },
            remembered: false,
          },
        ];
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<AlertReviewPage id="al_01" user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
    fireEvent.change(await screen.findByLabelText('Reason'), { target: { value: 'Different person.' } });
    // Without a code the decision is not sent: the page says why.
    fireEvent.click(screen.getByRole('button', { name: 'False positive' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose a reason code');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText('Reason code'), { target: { value: 'different-birth-date' } });
    fireEvent.click(screen.getByRole('button', { name: 'False positive' }));
    const done = await screen.findByText(/Recorded: False positive/);
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      decision: 'false_positive',
      reasonCode: 'different-birth-date',
      reason: 'Different person.',
    });
    expect(done.textContent).toContain('The alert is now pending approval.');
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeTruthy();
  });

  describe('on a payment', () => {
    const payment = {
      id: 'pay_1',
      messageId: '174c245f-2682-4291-ad67-2a41e530cd27',
      format: 'MT103',
      decision: 'block',
      field: '56A',
      role: 'intermediaryAgent1',
    };
    const onPayment = (entityId: string, match: Record<string, unknown>, entity: AlertDetail['entity']): AlertDetail => ({
      alert: {
        ...detail('open').alert,
        screeningId: 'pay_1',
        customerKey: null,
        entityId,
        source: entity ? 'ofac-sdn' : 'embargoed-jurisdiction',
        party: { name: 'FTBDKPPYXXX', payment },
        match: { id: entityId, score: 1, alert: true, explanation: null, ...match },
      },
      entity,
      recordChanged: false,
      decisions: [],
    });

    it('names the payment and the field, with a link to the message view, and the rule', async () => {
      const bank = {
        id: 'ofac:15603',
        source: 'ofac-sdn',
        schema: 'Organization',
        caption: 'FOREIGN TRADE BANK OF THE DPRK',
        properties: {},
      };
      const alert = onPayment(
        'ofac:15603',
        { caption: bank.caption, rule: 'bic', action: 'block', reason: 'BIC FTBDKPPYXXX is listed for FOREIGN TRADE BANK OF THE DPRK' },
        bank,
      );
      vi.stubGlobal(
        'fetch',
        fakeApi({
          ...REASON_CODES,
          'GET /v1/alerts/al_01': () => [200, alert],
        }).fetch,
      );
      render(<AlertReviewPage id="al_01" user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
      const link = await screen.findByRole('link', { name: payment.messageId });
      expect(link.getAttribute('href')).toBe('/payments/pay_1');
      expect(link.closest('p')!.textContent).toBe('Payment 174c245f-2682-4291-ad67-2a41e530cd27, field 56A');
      expect(screen.getByRole('region', { name: 'Screened party' }).textContent).toContain('Intermediary agent 1');
      const listed = screen.getByRole('region', { name: 'Listed record' });
      expect(within(listed).getByRole('link', { name: bank.caption }).getAttribute('href')).toBe('/entities/ofac%3A15603');
      expect(listed.textContent).toContain('BIC of a listed institution');
      expect(screen.getByRole('region', { name: 'Why it matched' }).textContent).toContain('BIC FTBDKPPYXXX is listed for');
    });

    it("shows a jurisdiction hit's rule and reason in place of a listed record, without the left-the-lists warning", async () => {
      const alert = onPayment(
        'jurisdiction:KP',
        { caption: 'KP', rule: 'bic-country', action: 'hold', reason: 'BIC FTBDKPPYXXX is a bank in North Korea' },
        null,
      );
      vi.stubGlobal(
        'fetch',
        fakeApi({
          ...REASON_CODES,
          'GET /v1/alerts/al_01': () => [200, alert],
        }).fetch,
      );
      render(<AlertReviewPage id="al_01" user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
      const side = await screen.findByRole('region', { name: 'Embargoed jurisdiction' });
      expect(side.textContent).toContain('North Korea (KP)');
      expect(side.textContent).toContain('BIC of a bank in an embargoed jurisdiction');
      expect(side.textContent).toContain('BIC FTBDKPPYXXX is a bank in North Korea');
      expect(screen.queryByRole('region', { name: 'Listed record' })).toBeNull();
      // The rule's reason is the whole of why: no name was compared.
      expect(screen.queryByRole('region', { name: 'Why it matched' })).toBeNull();
      expect(document.body.textContent).not.toContain('left the lists in force');
      expect(screen.getByRole('link', { name: payment.messageId }).getAttribute('href')).toBe('/payments/pay_1');
    });
  });
  it('on a shipment: names the shipment, the party’s role and the shipment’s decision, and the list the record is on', async () => {
    const tanker = { id: 'ofac:23729', source: 'ofac-sdn', schema: 'Vessel', caption: 'CHON MA SAN', properties: {} };
    const shipment = {
      id: 'BL-NAM-DDG-0917',
      screeningId: 'scr_9',
      role: 'vessel',
      decision: 'prohibited',
      effect: 'prohibited',
      rulesVersion: '2026-12-07.2',
    };
    const alert: AlertDetail = {
      alert: {
        ...detail('open').alert,
        screeningId: 'scr_9',
        customerKey: null,
        entityId: tanker.id,
        party: { name: 'IMO 8660313', shipment },
        match: {
          id: tanker.id,
          caption: tanker.caption,
          score: 1,
          alert: true,
          rule: 'OFAC SDN list (DPRK4)',
          reason: 'vessel IMO 8660313 ("CHON MA SAN") is listed as CHON MA SAN (ofac:23729)',
          explanation: null,
        },
      },
      entity: tanker,
      recordChanged: false,
      decisions: [],
    };
    vi.stubGlobal('fetch', fakeApi({ ...REASON_CODES, 'GET /v1/alerts/al_01': () => [200, alert] }).fetch);
    render(<AlertReviewPage id="al_01" user={{ username: 'ann', role: 'analyst', person: 'ann', tenant: null }} />);
    const party = await screen.findByRole('region', { name: 'Screened party' });
    expect(party.textContent).toContain('Shipment BL-NAM-DDG-0917, screened against the DPRK goods measures 2026-12-07.2');
    expect(party.textContent).toContain('Prohibited');
    // The stored screening is named once, in the alert's facts, not again beside the shipment.
    expect(document.body.textContent!.split('scr_9')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Listed record' }).textContent).toContain('OFAC SDN list (DPRK4)');
    expect(screen.getByRole('region', { name: 'Why it matched' }).textContent).toContain('vessel IMO 8660313');
  });
});
