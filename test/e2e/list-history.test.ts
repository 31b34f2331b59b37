/**
 * List history an analyst can use (issue 16, point 5), in Debian's Chromium against the real `embargo serve`
 * on a fresh install: nothing loaded by hand, the server loads the bundled data/ on first start, so the
 * earlier SDN (2015-01-17, 2018-01-26) and UN (2017-07-03, 2018-10-29) publications are there as history.
 * The analyst opens Lists, sees which publications lack their alias/address files, compares SDN
 * 2015-01-17 → 2018-01-26 (the "To" list never offers "From" itself), filters DPRK3 and finds OFAC's
 * designations of 22 August 2017 (PROVENANCE.md: 10 entities, 6 individuals; twelve are DPRK3, four were
 * listed under NPWMD), each first seen in 2018-01-26; downloads the CSV; compares 2018-01-26 → 2023-12-28
 * and is told aliases and addresses are not comparable; opens a record and reads "listed since".
 * Screenshots at 1440×900 and 390×844 of every page; none scrolls sideways at 390 px.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav, screenshot, SCREENSHOTS, signedInAnalyst, widthOnPhone, type SignedInSession } from './harness.js';

/** PROVENANCE.md: OFAC's designations of 22 August 2017, absent in 2015-01-17, present in 2018-01-26. */
const UNDER_DPRK3 = {
  entities: [
    'DANDONG TIANFU TRADE CO., LTD.',
    'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.',
    'JINHOU INTERNATIONAL HOLDINGS CO., LTD.',
    'MANSUDAE OVERSEAS PROJECTS ARCHITECTURAL AND TECHNICAL SERVICES (PTY) LIMITED',
    'QINGDAO CONSTRUCTION (NAMIBIA) CC',
    'TRANSATLANTIC PARTNERS PTE. LTD.',
    'VELMUR MANAGEMENT PTE LTD',
  ],
  individuals: ['CHI, Yupeng', 'HUISH, Irina Igorevna', 'KIM, Tong-chol', "PISKLIN, Mikhail Yur'evich", 'SERBIN, Andrey'],
};
/** The four OFAC designated that day under the non-proliferation programme (EO 13382), not DPRK3. */
const UNDER_NPWMD = {
  entities: ['DANDONG RICH EARTH TRADING CO., LTD.', 'GEFEST-M LLC', 'MINGZHENG INTERNATIONAL TRADING LIMITED'],
  individuals: ['KIRAKOSYAN, Ruben Ruslanovich'],
};

/** Chooses the option whose text matches, as a person reading the list would. */
async function choose(select: Locator, text: RegExp): Promise<void> {
  const options = await select.locator('option').allInnerTexts();
  const label = options.find((o) => text.test(o));
  if (!label) throw new Error(`no option matches ${text}: ${options.join(' | ')}`);
  await select.selectOption({ label });
}

/** The records table as [name, change, kind, programmes, first seen] per row (the name without the id). */
async function recordRows(page: Page): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Changed records' });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')];
      return [cells[0].querySelector('a')?.textContent ?? '', ...cells.slice(1).map((c) => c.textContent ?? '')];
    }),
  );
}

/** Every row: past the first hundred, the analyst asks for all of them. */
async function allRecordRows(page: Page): Promise<string[][]> {
  const showAll = page.getByRole('button', { name: /^Show all [\d,]+ records$/ });
  if (await showAll.isVisible()) await showAll.click();
  return recordRows(page);
}

describe('list history, in Chromium, on a fresh install of the bundled data', () => {
  let session: SignedInSession;
  let page: Page;

  beforeAll(async () => {
    session = await signedInAnalyst([], { freshInstall: true });
    ({ page } = session);
  }, 600_000);
  afterAll(async () => session?.close());

  /** Photographs the page at both sizes and checks it does not scroll sideways on a phone. */
  async function photograph(name: string, fullPage = true): Promise<void> {
    await screenshot(page, name, fullPage);
    const { scrollWidth, innerWidth, widest } = await widthOnPhone(page);
    expect(scrollWidth, `${name} at 390 px: ${widest ?? ''}`).toBeLessThanOrEqual(innerWidth);
  }

  it('lists the publications in force and the history, and names those without alias/address files', async () => {
    await openFromNav(page, 'Lists');
    const table = page.getByRole('region', { name: 'Publications' }).getByRole('table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    // Four lists in force (OFAC SDN and consolidated, UN, UK) and Australia's, and four earlier publications.
    expect(rows).toHaveLength(9);
    const published = (date: string) => rows.find((r) => r.includes(date)) ?? '';
    for (const date of ['2015-01-17', '2018-01-26']) expect(published(date)).toMatch(/history\s+no alias\/address files/);
    for (const date of ['2017-07-03', '2018-10-29']) expect(published(date)).toMatch(/history/);
    for (const date of ['2023-12-28', '2026-02-27', '2025-12-19', '2025-04-14', '2024-11-11']) expect(published(date)).toMatch(/current/);
    const notice = page.getByRole('note', { name: 'Publications without companion files' });
    expect(await notice.innerText()).toMatch(
      /ofac-sdn 2015-01-17 \(#\d+\) has no alias\/address files \(add\.csv, alt\.csv\): changes in aliases and addresses are not comparable\./,
    );
    expect(await notice.innerText()).toMatch(/ofac-sdn 2018-01-26 \(#\d+\) has no alias\/address files/);
    await photograph('lists-history');
  });

  it('compares SDN 2015-01-17 → 2018-01-26, never a publication with itself, and finds the 22 August 2017 designations one filter away', async () => {
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    await choose(from, /^ofac-sdn · 2015-01-17/);
    const offered = await to.locator('option').allInnerTexts();
    expect(offered.some((o) => o.includes('2015-01-17'))).toBe(false);
    expect(offered.map((o) => o.split(' · ')[1])).toEqual(['2023-12-28', '2018-01-26']);
    await choose(to, /^ofac-sdn · 2018-01-26/);
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: /^Changes from ofac-sdn 2015-01-17 \(#\d+\) to ofac-sdn 2018-01-26/ }).waitFor();
    // Both sides lack alt.csv and add.csv: the comparison says so.
    expect(await page.getByRole('note', { name: 'Not comparable' }).innerText()).toMatch(
      /changes in aliases and addresses are not comparable/,
    );

    await page.getByLabel('Programme', { exact: true }).selectOption('DPRK3');
    await expect.poll(async () => (await recordRows(page)).every((r) => r[3].split(', ').includes('DPRK3'))).toBe(true);
    const dprk3 = await allRecordRows(page);
    console.log(`SDN 2015-01-17 → 2018-01-26 filtered to DPRK3: ${dprk3.length} records`);
    const byName = new Map(dprk3.map((r) => [r[0], r]));
    for (const name of [...UNDER_DPRK3.entities, ...UNDER_DPRK3.individuals]) {
      expect(byName.get(name), name).toBeDefined();
      const [, change, kind, , firstSeen] = byName.get(name)!;
      expect([change, firstSeen], name).toEqual(['Added', '2018-01-26']);
      expect(kind, name).toBe(UNDER_DPRK3.individuals.includes(name) ? 'Person' : 'Organization');
    }
    // Sorted by name, as the collator of the server sorts it.
    const names = dprk3.map((r) => r[0]);
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csvHref).toMatch(/^\/v1\/lists\/diff\.csv\?from=\d+&to=\d+&programme=DPRK3$/);
    await photograph('lists-diff-dprk3');
    // The view the README shows: the records filtered to DPRK3, as the analyst sees them on a monitor.
    await page.getByRole('heading', { name: 'Records', exact: true }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'lists-diff-dprk3-view', false);

    // The CSV of the same rows, with the analyst's session, as the download link fetches it.
    const csv = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, csvHref!);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('change,id,name,schema,programmes,countries,changed_fields,first_seen_publication,first_seen_published');
    expect(lines).toHaveLength(dprk3.length + 1);
    expect(lines.some((l) => l.startsWith('added,ofac:22603,"DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.",Organization,DPRK3,'))).toBe(
      true,
    );

    // The other four of that day are under NPWMD; with them, all 16 (10 entities, 6 individuals) are found.
    await page.getByLabel('Programme', { exact: true }).selectOption('NPWMD');
    await expect.poll(async () => (await recordRows(page)).every((r) => r[3].split(', ').includes('NPWMD'))).toBe(true);
    const npwmd = new Map((await allRecordRows(page)).map((r) => [r[0], r]));
    for (const name of [...UNDER_NPWMD.entities, ...UNDER_NPWMD.individuals]) {
      expect(npwmd.get(name)?.[1], name).toBe('Added');
      expect(npwmd.get(name)?.[4], name).toBe('2018-01-26');
    }
    const found =
      [...UNDER_DPRK3.entities, ...UNDER_NPWMD.entities].length + [...UNDER_DPRK3.individuals, ...UNDER_NPWMD.individuals].length;
    expect(found).toBe(16);

    // Text and kind narrow further; clearing brings the whole comparison back.
    await page.getByLabel('Kind', { exact: true }).selectOption('Person');
    await page.getByLabel('Name or id', { exact: true }).fill('kirakosyan');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(async () => (await recordRows(page)).map((r) => r[0])).toEqual(['KIRAKOSYAN, Ruben Ruslanovich']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await recordRows(page)).length).toBe(100);
  });

  it('says on SDN 2018-01-26 → 2023-12-28 that aliases and addresses are not comparable, and does not count them as changed', async () => {
    await choose(page.getByLabel('From', { exact: true }), /^ofac-sdn · 2018-01-26/);
    await choose(page.getByLabel('To', { exact: true }), /^ofac-sdn · 2023-12-28/);
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: /^Changes from ofac-sdn 2018-01-26 .* to ofac-sdn 2023-12-28/ }).waitFor();
    const notice = await page.getByRole('note', { name: 'Not comparable' }).innerText();
    expect(notice).toMatch(
      /ofac-sdn 2018-01-26 \(#\d+\) has no alias\/address files \(add\.csv, alt\.csv\): changes in aliases and addresses are not comparable\./,
    );
    const setAside = Number(/([\d,]+) records that differ only in/.exec(notice)![1].replace(/,/g, ''));
    const changed = Number((await page.locator('.stat--changed dd').innerText()).replace(/,/g, ''));
    // What a plain comparison would show as "changed" is split between the two, and most is set aside.
    expect(setAside).toBeGreaterThan(changed);
    console.log(`SDN 2018-01-26 → 2023-12-28: ${changed} changed, ${setAside} differing only in aliases/addresses (set aside)`);
    await page.getByRole('heading', { name: /^Changes from/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await photograph('lists-diff-not-comparable', false);
  });

  it('shows on a record the publication it was first seen in, and its legal authority and listing date where the list gives them', async () => {
    await page.goto('/entities/ofac%3A22603');
    await page.getByRole('heading', { level: 1, name: 'DANDONG ZHICHENG METALLIC MATERIAL CO., LTD.' }).waitFor();
    const sanctions = page.getByRole('region', { name: 'Sanctions' });
    expect(await sanctions.innerText()).toMatch(/Listed since\s+2018-01-26 \(the first stored ofac-sdn publication listing it, #\d+\)/);
    // The SDN CSV states no legal authority; the page says so rather than leaving it out.
    expect(await sanctions.innerText()).toMatch(/Legal authority\s+not stated by the list/);
    await photograph('entity-listed-since');
    // A UN record: the list gives its listing date.
    await page.goto('/entities/un%3AKPi.057');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const un = await page.getByRole('region', { name: 'Sanctions' }).innerText();
    expect(un).toMatch(/Listed on\s+2017-08-05/);
    expect(un).toMatch(/Listed since\s+2018-10-29/);
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the DPRK3 view small enough for the README (docs/images/lists-diff-dprk3.png is a copy of it)', () => {
    expect(statSync(join(SCREENSHOTS, 'lists-diff-dprk3-view-1440.png')).size).toBeLessThan(300_000);
  });
});
