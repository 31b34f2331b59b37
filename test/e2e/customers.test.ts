/**
 * The Customers page end to end, in Debian's Chromium against the real `embargo serve` on a fresh database
 * with the bundled UN list (2026-02-27) loaded by the CLI. An analyst registers a listed person with the
 * form (a malformed birth date is refused beside its field first), uploads a CSV of UN persons and
 * invented names, and sees each with its last screening and open alerts; a malformed CSV is refused with
 * every bad line named; the search finds customers by name; the open alerts link leads to the queue.
 * Every step is photographed at 1440×900 and 390×844 and must not scroll sideways at 390 px.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav, photographFitting, signedInAnalyst, type SignedInSession } from './harness.js';
import { CLEAN_NAMES, csvField, listedPersons, UN_LIST, type ListedPerson } from './listed-parties.js';

describe('the Customers page in Chromium', () => {
  let session: SignedInSession;
  let persons: ListedPerson[];

  beforeAll(async () => {
    persons = await listedPersons(6);
    session = await signedInAnalyst([UN_LIST]);
  }, 180_000);
  afterAll(async () => session?.close());

  const rows = () => session.page.locator('table.customer-table tbody tr');
  const rowOf = (key: string) => rows().filter({ has: session.page.getByRole('cell', { name: key, exact: true }) });

  it('adds a listed person with the form: a bad birth date is refused beside its field, then it is registered and alerts', async () => {
    const { page } = session;
    await openFromNav(page, 'Customers');
    await page.getByText('No monitored customers yet.').waitFor();
    const form = page.getByRole('form', { name: 'Add a customer' });
    const [first] = persons;
    await form.getByLabel('Customer key').fill('K-1');
    await form.getByLabel('Name').fill(first.name);
    await form.getByLabel('Type').selectOption('Person');
    await form.getByLabel('Birth date').fill(first.birthDate.split('-').reverse().join('.'));
    await form.getByRole('button', { name: 'Register and screen' }).click();
    await form.getByText('Write it YYYY, YYYY-MM or YYYY-MM-DD (1970-07-14).').waitFor();
    expect(await form.getByLabel('Birth date').getAttribute('aria-invalid')).toBe('true');
    await photographFitting(page, 'customers-01-form-error');

    await form.getByLabel('Birth date').fill(first.birthDate);
    await form.getByRole('button', { name: 'Register and screen' }).click();
    const done = form.getByRole('status');
    await done.getByText(/Registered K-1 and screened it/).waitFor();
    const opened = Number(/(\d+) alerts? opened/.exec(await done.innerText())?.[1]);
    expect(opened).toBeGreaterThan(0);
    await rowOf('K-1').waitFor();
    expect(await rowOf('K-1').innerText()).toMatch(new RegExp(`Alerted[\\s\\S]*${opened} open`));
    // The alert is on the person's own record.
    const alerts = (await (await page.request.get('/v1/alerts?customerKey=K-1')).json()) as { alerts: { entityId: string }[] };
    expect(alerts.alerts.map((a) => a.entityId)).toContain(first.id);
    await photographFitting(page, 'customers-02-added');
  });

  it('uploads a CSV of customers, each screened at once; a malformed file is refused with its bad lines named', async () => {
    const { page, ws } = session;
    const upload = page.getByRole('region', { name: 'Upload a CSV of customers' });
    const bad = join(ws.dir, 'bad-customers.csv');
    writeFileSync(
      bad,
      'customer,name,type,dob,country\n' +
        `U-1,${csvField(persons[1].name)},person,${persons[1].birthDate},\n` +
        `,${csvField(CLEAN_NAMES[0])},person,,\n` +
        `U-3,${csvField(CLEAN_NAMES[1])},person,31/12/1980,\n` +
        `U-4,${csvField(CLEAN_NAMES[2])},boat,,\n`,
    );
    await upload.getByLabel('CSV file').setInputFiles(bad);
    await upload.getByRole('button', { name: 'Register the file' }).click();
    const problems = upload.getByRole('table', { name: 'Bad lines of the file' });
    await problems.waitFor();
    const lines = await problems
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(lines).toEqual([
      ['3', 'customerKey', 'no customer key (the CSV needs a "customer" column, filled on every line)'],
      ['4', 'birthDate', expect.stringContaining('"31/12/1980" is not a date')],
      ['5', 'schema', 'unknown type "boat"'],
    ]);
    expect(await upload.getByRole('alert').innerText()).toContain('nothing was registered');
    await photographFitting(page, 'customers-03-refused-file');
    expect(await rows().count()).toBe(1);

    const good = join(ws.dir, 'customers.csv');
    const listed = persons.slice(1);
    writeFileSync(
      good,
      'Customer,Full Name,Type,Date of Birth\r\n' +
        listed.map((p, i) => `U-${i + 1},${csvField(p.name)},individual,${p.birthDate}\r\n`).join('') +
        CLEAN_NAMES.map((n, i) => `C-${i + 1},${csvField(n)},individual,\r\n`).join(''),
    );
    await upload.getByLabel('CSV file').setInputFiles(good);
    await upload.getByRole('button', { name: 'Register the file' }).click();
    await upload.getByText(`Registered ${listed.length + CLEAN_NAMES.length} customers from customers.csv`).waitFor();
    expect(await upload.getByRole('status').innerText()).toMatch(new RegExp(`: ${listed.length} alerted`));
    await page
      .getByText(`${1 + listed.length + CLEAN_NAMES.length} shown of ${1 + listed.length + CLEAN_NAMES.length} customers`)
      .waitFor();
    for (const [i] of listed.entries()) expect(await rowOf(`U-${i + 1}`).innerText()).toMatch(/Alerted[\s\S]*\d+ open/);
    for (const [i] of CLEAN_NAMES.entries()) expect(await rowOf(`C-${i + 1}`).innerText()).toMatch(/No alert[\s\S]*none/);
    await photographFitting(page, 'customers-04-uploaded');
  });

  it('finds customers by a part of the name, and opens a customer’s alerts in the queue', async () => {
    const { page } = session;
    const surname = persons[2].name.split(/\s+/)[0];
    await page.getByLabel('Customer key or name').fill(surname.toLowerCase());
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/\/customers\?q=/);
    await page.getByText(/shown of \d+ customers? matching/).waitFor();
    const names = await rows().locator('td[data-label="Name"]').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.toLowerCase()).toContain(surname.toLowerCase());
    expect(await rowOf('U-2').count()).toBe(1);
    await photographFitting(page, 'customers-05-search');

    await rowOf('U-2').getByRole('link', { name: /open/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    // The analyst works across tenants: the link names the customer's tenant, as a key is unique within one only.
    expect(page.url()).toMatch(/\/alerts\?customerKey=U-2&tenant=default$/);
    await page.locator('tbody tr').first().waitFor();
    expect(new Set(await page.locator('td[data-label="Customer"]').allInnerTexts())).toEqual(new Set(['U-2']));
    expect(session.pageErrors).toEqual([]);
  });
});
