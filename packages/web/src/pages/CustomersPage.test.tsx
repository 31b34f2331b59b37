// @vitest-environment jsdom
/**
 * The Customers page against a fake API: each customer with its newest screening and a link to its open
 * alerts; the search and the next page in the address and the request; registering one customer, with
 * the form's own checks and the server's refusal shown beside the field it names; a CSV upload sent as
 * the file itself, and a refused file's bad lines listed one by one.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer, SessionUser } from '../api/types';
import { fakeApi, type FakeHandler } from '../testing/fake-api';
import { checkCustomerForm, CUSTOMERS_PAGE_SIZE, CustomersPage, formFieldOf } from './CustomersPage';

beforeEach(() => window.history.replaceState(null, '', '/customers'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ANN: SessionUser = { username: 'ann', role: 'analyst', person: 'ann', tenant: 'bank-a' };

const customer = (key: string, name: string, over: Partial<Customer> = {}): Customer => ({
  tenant: 'bank-a',
  customerKey: key,
  party: { name },
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  lastScreening: { id: `s-${key}`, at: '2026-12-01T09:00:00.000Z', alerted: false },
  openAlerts: 0,
  ...over,
});

const CUSTOMERS = [
  customer('K-100', 'JANG, Sung Nam', {
    party: { name: 'JANG, Sung Nam', schema: 'Person', birthDate: '1970-07-14', country: 'KP' },
    lastScreening: { id: 's-1', at: '2026-12-02T10:30:00.000Z', alerted: true },
    openAlerts: 2,
  }),
  customer('K-101', 'Maria Schmidt', { lastScreening: null }),
];

function renderPage(routes: Record<string, FakeHandler> = {}, user = ANN) {
  const api = fakeApi({ 'GET /v1/customers': () => [200, { customers: CUSTOMERS, total: 2 }], ...routes });
  vi.stubGlobal('fetch', api.fetch);
  render(<CustomersPage user={user} />);
  return api;
}

const rowOf = (key: string) => screen.getByText(key, { selector: 'td' }).closest('tr')!;

describe('CustomersPage', () => {
  it('lists each customer with its newest screening and a link to its open alerts', async () => {
    renderPage();
    await screen.findByText('K-100', { selector: 'td' });
    expect(screen.getByText('2 shown of 2 customers, by customer key.')).toBeTruthy();
    const jang = within(rowOf('K-100'));
    expect(jang.getByText('Alerted')).toBeTruthy();
    expect(jang.getByText(/Person · born 1970-07-14 · North Korea \(KP\)/)).toBeTruthy();
    expect(jang.getByRole('link', { name: '2 open' }).getAttribute('href')).toBe('/alerts?customerKey=K-100');
    const maria = within(rowOf('K-101'));
    expect(maria.getByText('not screened yet')).toBeTruthy();
    expect(maria.getByText('none')).toBeTruthy();
    // A user of one tenant sees no tenant column.
    expect([...document.querySelectorAll('th')].map((th) => th.textContent)).not.toContain('Tenant');
  });

  it('keeps the search and the next page in the address and asks the server for them', async () => {
    const full = Array.from({ length: CUSTOMERS_PAGE_SIZE }, (_, i) => customer(`K-${100 + i}`, `Name ${i}`));
    const api = renderPage({ 'GET /v1/customers': () => [200, { customers: full, total: 60 }] });
    await screen.findByText('K-100', { selector: 'td' });
    fireEvent.change(screen.getByLabelText('Customer key or name'), { target: { value: ' jang ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(window.location.search).toBe('?q=jang'));
    await waitFor(() => expect(api.requests.at(-1)?.search).toBe(`?q=jang&limit=${CUSTOMERS_PAGE_SIZE}`));
    fireEvent.click(await screen.findByRole('link', { name: 'Next page' }));
    await waitFor(() => expect(window.location.search).toBe(`?q=jang&after=K-${100 + CUSTOMERS_PAGE_SIZE - 1}&afterTenant=bank-a`));
    await waitFor(() =>
      expect(api.requests.at(-1)?.search).toBe(
        `?q=jang&after=K-${100 + CUSTOMERS_PAGE_SIZE - 1}&afterTenant=bank-a&limit=${CUSTOMERS_PAGE_SIZE}`,
      ),
    );
    expect(screen.getByRole('link', { name: 'First page' }).getAttribute('href')).toBe('/customers?q=jang');
  });

  it('says when a search finds nothing, and shows the tenant of each customer to a user across tenants', async () => {
    window.history.replaceState(null, '', '/customers?q=zzz');
    renderPage({ 'GET /v1/customers': () => [200, { customers: [], total: 0 }] });
    await screen.findByText('No customer matches “zzz”.');
    cleanup();
    window.history.replaceState(null, '', '/customers');
    renderPage({}, { ...ANN, tenant: null });
    await screen.findByText('K-100', { selector: 'td' });
    expect(within(rowOf('K-100')).getByRole('link', { name: '2 open' }).getAttribute('href')).toBe(
      '/alerts?customerKey=K-100&tenant=bank-a',
    );
  });

  it('checks the form before sending, and sends the customer with only the fields filled', async () => {
    const api = renderPage({
      'POST /v1/customers': () => [200, { registered: 1, alerted: 1, alertsOpened: 2, suppressed: 0 }],
    });
    await screen.findByText('K-100', { selector: 'td' });
    const form = within(screen.getByRole('form', { name: 'Add a customer' }));
    fireEvent.change(form.getByLabelText('Birth date'), { target: { value: '14.07.1970' } });
    fireEvent.click(form.getByRole('button', { name: 'Register and screen' }));
    expect(await form.findByText('Give the customer’s key: your own id for them.')).toBeTruthy();
    expect(form.getByText('Give the name to screen.')).toBeTruthy();
    expect(form.getByText('Write it YYYY, YYYY-MM or YYYY-MM-DD (1970-07-14).')).toBeTruthy();
    expect(form.getByLabelText('Birth date').getAttribute('aria-invalid')).toBe('true');
    expect(form.getByLabelText('Birth date').getAttribute('aria-describedby')).toContain('customer-birthDate-error');
    expect(api.requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(form.getByLabelText('Customer key'), { target: { value: 'K-7' } });
    fireEvent.change(form.getByLabelText('Name'), { target: { value: 'JANG, Sung Nam' } });
    fireEvent.change(form.getByLabelText('Birth date'), { target: { value: '1970-07-14' } });
    fireEvent.change(form.getByLabelText('Type'), { target: { value: 'Person' } });
    fireEvent.change(form.getByLabelText('Passport number'), { target: { value: '563120368' } });
    fireEvent.click(form.getByRole('button', { name: 'Register and screen' }));
    const done = await form.findByText(/Registered/);
    expect(done.textContent).toBe('Registered K-7 and screened it: 2 alerts opened.');
    expect(within(done).getByRole('link', { name: '2 alerts opened' }).getAttribute('href')).toBe('/alerts?customerKey=K-7');
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      customerKey: 'K-7',
      name: 'JANG, Sung Nam',
      schema: 'Person',
      birthDate: '1970-07-14',
      identifiers: [{ type: 'passportNumber', value: '563120368' }],
    });
    // The list is read again with the new customer.
    await waitFor(() => expect(api.requests.filter((r) => r.path === '/v1/customers' && r.method === 'GET')).toHaveLength(2));
  });

  it("shows the server's refusal beside the field it names", async () => {
    renderPage({
      'POST /v1/customers': () => [
        400,
        { error: 'INVALID_INPUT', field: 'body/birthDate', message: 'body/birthDate day 30 does not exist in 2023-02' },
      ],
    });
    await screen.findByText('K-100', { selector: 'td' });
    const form = within(screen.getByRole('form', { name: 'Add a customer' }));
    fireEvent.change(form.getByLabelText('Customer key'), { target: { value: 'K-8' } });
    fireEvent.change(form.getByLabelText('Name'), { target: { value: 'Maria Schmidt' } });
    fireEvent.change(form.getByLabelText('Birth date'), { target: { value: '2023-02-30' } });
    fireEvent.click(form.getByRole('button', { name: 'Register and screen' }));
    const error = await form.findByText('body/birthDate day 30 does not exist in 2023-02');
    expect(error.id).toBe('customer-birthDate-error');
    expect(form.queryByRole('alert')).toBeNull();
  });

  it('uploads a CSV as the file itself, and lists the bad lines of a refused file', async () => {
    let refuse = true;
    const api = renderPage({
      'POST /v1/customers': () =>
        refuse
          ? [
              400,
              {
                error: 'INVALID_INPUT',
                field: 'csv/line 3/customerKey',
                line: 3,
                message: 'CSV line 3, customerKey: no customer key (and 1 more bad line); nothing was registered.',
                problems: [
                  { line: 3, field: 'customerKey', message: 'no customer key' },
                  { line: 5, field: 'schema', message: 'unknown type "boat"' },
                ],
              },
            ]
          : [200, { registered: 2, alerted: 1, alertsOpened: 1, suppressed: 0 }],
    });
    await screen.findByText('K-100', { selector: 'td' });
    const csv = 'customer,name\nK-7,JANG Sung Nam\n';
    const file = new File([csv], 'customers.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Register the file' }));
    const table = await screen.findByRole('table', { name: 'Bad lines of the file' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['3', 'customerKey', 'no customer key'],
      ['5', 'schema', 'unknown type "boat"'],
    ]);
    expect(screen.getByRole('alert').textContent).toContain('nothing was registered');
    const sent = api.requests.find((r) => r.method === 'POST')!;
    expect(sent).toMatchObject({ path: '/v1/customers', contentType: 'text/csv', body: csv });

    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Register the file' }));
    expect((await screen.findByText(/from/, { selector: 'p' })).textContent).toBe(
      'Registered 2 customers from customers.csv: 1 alerted, 1 alert opened.',
    );
    expect(screen.queryByRole('table', { name: 'Bad lines of the file' })).toBeNull();
  });
});

describe('the customer form’s rules', () => {
  it.each([
    { why: 'a name without a letter or digit', form: { customerKey: 'k', name: '—' }, field: 'name' },
    { why: 'an unpadded month', form: { customerKey: 'k', name: 'Ann', birthDate: '1970-7' }, field: 'birthDate' },
    { why: 'a one-letter country', form: { customerKey: 'k', name: 'Ann', country: 'K' }, field: 'country' },
    { why: 'a key over 200 characters', form: { customerKey: 'k'.repeat(201), name: 'Ann' }, field: 'customerKey' },
  ])('refuses $why', ({ form, field }) => {
    const empty = { customerKey: '', name: '', schema: '' as const, birthDate: '', country: '', passportNumber: '', idNumber: '' };
    expect(Object.keys(checkCustomerForm({ ...empty, ...form }))).toEqual([field]);
  });

  it('maps the server’s field names onto the form', () => {
    const party = {
      name: 'x',
      identifiers: [
        { type: 'passportNumber', value: '1' },
        { type: 'idNumber', value: '2' },
      ],
    };
    expect(formFieldOf('body/identifiers/1/value', party)).toBe('idNumber');
    expect(formFieldOf('body/identifiers/0/value', party)).toBe('passportNumber');
    expect(formFieldOf('body/country', party)).toBe('country');
    expect(formFieldOf('body/customers/0/name', party)).toBeUndefined();
    expect(formFieldOf(undefined, party)).toBeUndefined();
  });
});
