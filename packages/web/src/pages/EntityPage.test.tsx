// @vitest-environment jsdom
/**
 * The profile of a listed record from a fake `GET /v1/entities/:id`: names with "weak" and script marks,
 * programmes with their legal authority, identifiers with their qualifiers, fields the profile has no
 * place for, cross-list links, publications, relationships and the raw record; its ownership and control
 * (status per regime, the chain drawn in layers) and its exposure to designated persons.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityResponse } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { ACME_NODE } from '../testing/ownership-fixtures';
import { EntityPage } from './EntityPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const record: EntityResponse = {
  entity: {
    id: 'uk:15890',
    source: 'uk-hmt',
    schema: 'Person',
    caption: 'ZADACHIN, Andrei Andreevich',
    properties: {
      name: [{ value: 'ZADACHIN, Andrei Andreevich', parts: { family: 'ZADACHIN', given: 'Andrei Andreevich' } }],
      alias: [{ value: 'ЗАДАЧИН Андрей Андреевич', script: 'Cyrl', note: 'Russian' }],
      weakAlias: [{ value: 'Andrey Z.' }],
      birthDate: [{ value: '1962-03', original: 'circa Mar 1962', approximate: true }],
      nationality: [{ value: 'RU', original: 'Russia' }],
      passportNumber: [{ value: '563120368', kind: 'Passport', country: 'RU', note: 'issued 2013-03-22' }],
      program: [{ value: 'Russia' }],
      authority: [{ value: 'The Russia (Sanctions) (EU Exit) Regulations 2019' }],
      listingDate: [{ value: '2022-03-15' }],
      notes: [{ value: 'Member of the State Duma.' }],
      vesselType: undefined,
      email: [{ value: 'office@example.ru' }],
      innCode: [{ value: '7701234567' }],
      imoNumber: [],
    },
  },
  relationships: [
    {
      from: { id: 'uk:15890', caption: 'ZADACHIN, Andrei Andreevich', schema: 'Person' },
      to: { id: 'uk:99', caption: 'DUMA HOLDING', schema: 'Company' },
      kind: 'owns',
      sourceText: 'Owns DUMA HOLDING',
    },
  ],
  links: [
    {
      other: { id: 'ofac:50101', caption: 'ZADACHIN, Andrey Andreyevich', schema: 'Person' },
      reason: 'passportNumber',
      value: '563120368',
    },
  ],
  publications: [
    { id: 4, source: 'uk-hmt', published: '2025-04-14', current: true },
    { id: 2, source: 'uk-hmt', published: '2025-01-10', current: false },
  ],
  listedSince: { id: 2, source: 'uk-hmt', published: '2025-01-10' },
};

describe('EntityPage', () => {
  it('shows every field of the record, marked and qualified', async () => {
    const api = fakeApi({ 'GET /v1/entities/uk%3A15890': () => [200, record] });
    vi.stubGlobal('fetch', api.fetch);
    render(<EntityPage id="uk:15890" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'ZADACHIN, Andrei Andreevich' })).toBeTruthy();
    expect(api.requests[0].path).toBe('/v1/entities/uk%3A15890');

    const names = screen.getByRole('region', { name: 'Names' });
    const rows = within(names)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'ZADACHIN, Andrei AndreevichPrimary namefamily: ZADACHIN, given: Andrei Andreevich',
      'ЗАДАЧИН Андрей АндреевичAlias CyrillicRussian',
      'Andrey Z.Alias weak',
    ]);

    const sanctions = screen.getByRole('region', { name: 'Sanctions' });
    expect(sanctions.textContent).toContain('ProgrammesRussia');
    expect(sanctions.textContent).toContain('Legal authorityThe Russia (Sanctions) (EU Exit) Regulations 2019');
    expect(sanctions.textContent).toContain('Listed on2022-03-15');
    // The first stored publication that lists it, history included.
    expect(sanctions.textContent).toContain('Listed since2025-01-10 (the first stored uk-hmt publication listing it, #2)');

    const identity = screen.getByRole('region', { name: 'Identity' });
    expect(identity.textContent).toContain('circa 1962-03 (list: “circa Mar 1962”)');
    expect(identity.textContent).toMatch(/Nationality(Russia \(RU\)|RU)/);
    expect(screen.getByRole('region', { name: 'Identifiers' }).textContent).toMatch(
      /563120368 \(Passport; (Russia \(RU\)|RU); issued 2013-03-22\)/,
    );
    expect(screen.getByRole('region', { name: 'Contact' }).textContent).toContain('office@example.ru');
    // A field the profile has no section for still shows; an empty one does not.
    expect(screen.getByRole('region', { name: 'Other details' }).textContent).toBe('Other detailsinn code7701234567');
    expect(screen.queryByRole('region', { name: 'Vessel and aircraft' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Remarks' }).textContent).toContain('Member of the State Duma.');

    const links = screen.getByRole('region', { name: 'Same party on other lists' });
    expect(within(links).getByRole('link', { name: 'ZADACHIN, Andrey Andreyevich' }).getAttribute('href')).toBe('/entities/ofac%3A50101');
    expect(links.textContent).toContain('same passport 563120368');

    const publications = screen.getByRole('region', { name: 'Publications' });
    expect(within(publications).getAllByRole('row')).toHaveLength(3);
    expect(publications.textContent).toContain('current');

    const relationships = screen.getByRole('region', { name: 'Relationships' });
    expect(within(relationships).getByRole('link', { name: 'DUMA HOLDING (uk:99)' }).getAttribute('href')).toBe('/entities/uk%3A99');

    const raw = screen.getByText('Show the record as the server holds it (JSON)').closest('details')!;
    expect(raw.open).toBe(false);
    expect(JSON.parse(raw.querySelector('pre')!.textContent!)).toEqual(record.entity);
  });

  it("shows the server's words when the record is not on the lists", async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /v1/entities/ofac%3A1': () => [404, { error: 'NOT_FOUND', message: 'No record ofac:1 is on the lists in force.' }] })
        .fetch,
    );
    render(<EntityPage id="ofac:1" />);
    expect((await screen.findByRole('alert')).textContent).toContain('No record ofac:1 is on the lists in force.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Record ofac:1');
  });

  it('shows the record’s status per regime, its ownership chain and its exposure', async () => {
    const kim: EntityResponse = {
      ...record,
      entity: { ...record.entity, id: 'ofac:111', source: 'ofac-sdn', caption: 'KIM' },
      relationships: [],
    };
    const api = fakeApi({
      'GET /v1/entities/ofac%3A111': () => [200, kim],
      'GET /v1/ownership/nodes/ofac%3A111': () => [
        200,
        {
          ...ACME_NODE,
          node: {
            id: 'ofac:111',
            name: 'KIM',
            schema: 'Person',
            designated: true,
            source: { kind: 'list', list: 'ofac-sdn', recordId: 'ofac:111' },
          },
          statuses: [
            { regime: 'ofac', status: 'designated', proof: ['KIM is designated'] },
            { regime: 'eu', status: 'none', proof: [] },
            { regime: 'uk', status: 'none', proof: [] },
          ],
        },
      ],
      'GET /v1/entities/ofac%3A111/exposure': () => [200, { targets: [] }],
    });
    vi.stubGlobal('fetch', api.fetch);
    render(<EntityPage id="ofac:111" />);
    const section = await screen.findByRole('region', { name: 'Ownership and control' });
    await within(section).findByRole('list', { name: 'Status per regime' });
    expect([...section.querySelectorAll('.regime-statuses .ownership-badge')].map((b) => b.textContent)).toEqual([
      'OFAC designated',
      'EU none',
      'UK none',
    ]);
    expect(within(section).getByRole('list', { name: 'Proof under OFAC' }).textContent).toBe('KIM is designated');
    // The record is drawn in the chain, not linked (its page is this one); the companies it holds are.
    const chain = within(section).getByRole('group', { name: /^Ownership and control of KIM/ });
    expect(within(chain).getByRole('link', { name: 'ACME TRADING LTD (csv:acme) — blocked: OFAC' }).getAttribute('href')).toBe(
      '/ownership/nodes/csv%3Aacme',
    );
    expect(chain.querySelector('[aria-current="page"] title')!.textContent).toBe('KIM (ofac:111) — designated: OFAC');
    const exposure = screen.getByRole('region', { name: 'Exposure to designated persons' });
    await within(exposure).findByText(/No designated person within 3 steps/);
  });

  it('says so when neither the lists nor the files state an owner or a holding of the record', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/entities/uk%3A15890': () => [200, record] }).fetch);
    render(<EntityPage id="uk:15890" />);
    const section = await screen.findByRole('region', { name: 'Ownership and control' });
    expect((await within(section).findByText(/Neither the lists in force nor the loaded ownership files/)).className).toBe('muted');
    expect(within(section).queryByRole('alert')).toBeNull();
  });

  it('shows the remark once: the treatment and what no field shows, the raw text on demand; one line per linked record', async () => {
    const jang: EntityResponse = {
      ...record,
      entity: {
        id: 'ofac:21736',
        source: 'ofac-sdn',
        schema: 'Person',
        caption: 'JANG, Sung Nam',
        properties: {
          name: [{ value: 'JANG, Sung Nam' }],
          birthDate: [{ value: '1970-07-14', original: '14 Jul 1970' }],
          passportNumber: [{ value: '563120368', original: '563120368 (Korea, North)' }],
          sanctionsNote: [{ value: 'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210' }],
          notes: [
            {
              value:
                'DOB 14 Jul 1970; Passport 563120368 (Korea, North); Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Linked To: TANCHON COMMERCIAL BANK.',
            },
          ],
        },
      },
      relationships: [],
      links: [
        {
          other: { id: 'un:KPi.057', caption: 'JANG SUNG NAM', schema: 'Person' },
          reason: 'nameAndBirthDate',
          value: 'JANG, Sung Nam (1970-07-14)',
        },
        { other: { id: 'un:KPi.057', caption: 'JANG SUNG NAM', schema: 'Person' }, reason: 'passportNumber', value: '563120368' },
      ],
    };
    vi.stubGlobal('fetch', fakeApi({ 'GET /v1/entities/ofac%3A21736': () => [200, jang] }).fetch);
    render(<EntityPage id="ofac:21736" />);
    const remarks = await screen.findByRole('region', { name: 'Remarks' });
    const shown = [...remarks.querySelectorAll('.notes')].map((n) => n.textContent).join(' | ');
    expect(shown).toBe(
      'Sanctions noteSecondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210 | Also in the remarkLinked To: TANCHON COMMERCIAL BANK.',
    );
    // Said once on the page: the treatment is not repeated as the remark's text, the date not as "DOB …".
    expect(shown).not.toContain('DOB 14 Jul 1970');
    const raw = within(remarks).getByText('The remark as the list writes it').closest('details')!;
    expect(raw.open).toBe(false);
    expect(raw.textContent).toContain('DOB 14 Jul 1970; Passport 563120368 (Korea, North);');

    const links = screen.getByRole('region', { name: 'Same party on other lists' });
    expect(within(links).getAllByRole('listitem')).toHaveLength(1);
    expect(within(links).getByRole('listitem').textContent).toBe(
      'JANG SUNG NAM un:KPi.057same passport 563120368; same name and birth date (1970-07-14)',
    );
  });
});
