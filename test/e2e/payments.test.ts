/**
 * The Payments pages end to end, in Debian's Chromium against the real `embargo serve` on a fresh
 * database with the bundled OFAC SDN list (2023-12-28) loaded by the CLI. A client's API key screens three
 * real sample messages through `POST /v1/payments/screen`: the MT103 of CBPR+ scenario p.2.1.2 with the
 * Foreign Trade Bank of the DPRK as intermediary (`:56A:FTBDKPPYXXX`: blocked), the FedNow pacs.008 with an
 * ultimate debtor (held), and an MT103 STP that passes. An analyst opens `/payments`, the blocked payment's
 * message view (56A marked with its two hits), the held pacs.008's, and the alert of the North Korea hit.
 * Every page is saved as a screenshot in artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, SHARED_PAYMENTS, hasSharedPayments } from '../shared-data.js';
import {
  checkPrerequisites,
  embargo,
  launchChromium,
  newWorkspace,
  screenshot,
  serve,
  type RunningServer,
  type Workspace,
} from './harness.js';

const PAYMENTS = SHARED_PAYMENTS;
const HAS_SAMPLES = hasSharedPayments();

const PASSWORD = 'ann password 12';
const UETR = '174c245f-2682-4291-ad67-2a41e530cd27';

interface Outcome {
  paymentId: string;
  messageId: string;
  decision: string;
  hits: { field: string; rule: string }[];
}

describe.skipIf(!HAS_SAMPLES)('the Payments pages in Chromium', () => {
  let ws: Workspace;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let clientKey: string;
  const screened: Record<'blocked' | 'held' | 'passed', Outcome | undefined> = { blocked: undefined, held: undefined, passed: undefined };

  beforeAll(async () => {
    checkPrerequisites();
    ws = newWorkspace();
    await embargo(['lists', 'load', join(BUNDLED_DATA, 'ofac-sdn', '2023-12-28')], ws.env);
    await embargo(['users', 'create', '--username', 'ann', '--role', 'analyst', '--password-stdin'], ws.env, `${PASSWORD}\n`);
    clientKey = await embargo(['keys', 'create', '--role', 'client', '--name', 'payments'], ws.env);
    server = await serve(ws.env);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    ws?.remove();
  });

  async function screen(message: string, contentType: string): Promise<Outcome> {
    const response = await fetch(`${server.url}/v1/payments/screen`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clientKey}`, 'Content-Type': contentType },
      body: message,
    });
    expect(response.status).toBe(200);
    const { outcomes } = (await response.json()) as { outcomes: Outcome[] };
    expect(outcomes).toHaveLength(1);
    return outcomes[0];
  }

  it('screens three sample messages with a client key: one blocked, one held, one passed', async () => {
    const mt103 = readFileSync(join(PAYMENTS, 'mt', 'wso2_cbpr_p212_MT103_AtoB.fin'), 'utf8').replace(
      ':56A:ANBTUS44XXX',
      ':56A:FTBDKPPYXXX',
    );
    screened.passed = await screen(readFileSync(join(PAYMENTS, 'mt', 'prowide_MT103_STP_with_block5.fin'), 'utf8'), 'text/plain');
    screened.held = await screen(readFileSync(join(PAYMENTS, 'mx', 'moov_fednow_pacs008_UltimateDebtor.xml'), 'utf8'), 'application/xml');
    screened.blocked = await screen(mt103, 'text/plain');
    expect(screened.blocked).toMatchObject({ messageId: UETR, decision: 'block' });
    expect(screened.blocked.hits.map((h) => [h.field, h.rule])).toEqual([
      ['56A', 'bic'],
      ['56A', 'bic-country'],
    ]);
    expect(screened.held.decision).toBe('hold');
    expect(screened.passed.decision).toBe('pass');
  });

  it('lists the payments newest first with their decisions, and filters the blocked ones', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 820 }, baseURL: server.url });
    page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill('ann');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await page.getByText('Payments 1–3 of 3, newest first.').waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/Blocked[\s\S]*MT103[\s\S]*FOREIGN TRADE BANK/);
    expect(await rows.nth(1).innerText()).toMatch(/Held[\s\S]*pacs\.008/);
    expect(await rows.nth(2).innerText()).toMatch(/Passed/);
    await screenshot(page, 'payments-01-list');

    await page
      .getByRole('navigation', { name: 'Filter by decision' })
      .getByRole('link', { name: /Blocked/ })
      .click();
    await page.getByText('Payments 1–1 of 1, newest first.').waitFor();
    expect(page.url()).toMatch(/\/payments\?decision=block$/);
  });

  it('shows the blocked MT103 with field 56A marked beside its two hits and the parties', async () => {
    await page.getByRole('link', { name: UETR }).click();
    await page.getByRole('heading', { level: 1, name: 'Payment' }).waitFor();
    const message = page.getByRole('region', { name: 'Message as received' });
    await message.locator('mark').first().waitFor();
    // One mark, labelled with both hits ("hit" is there for screen readers, visually hidden).
    expect(await message.locator('mark').evaluateAll((marks) => marks.map((m) => m.textContent))).toEqual(['hit 1hit 2:56A:FTBDKPPYXXX']);
    const hits = page.getByRole('region', { name: 'Hits' });
    expect(await hits.getByRole('listitem').count()).toBe(2);
    expect(await hits.innerText()).toContain('North Korea (KP)');
    const parties = await page.getByRole('region', { name: 'Parties in the message' }).innerText();
    expect(parties).toContain('GB Engineering');
    expect(parties).toContain('FTBDKPPYXXX');
    await screenshot(page, 'payments-02-blocked-mt103');
  });

  it('shows the held pacs.008 with the ultimate debtor element marked', async () => {
    await page.goto(`/payments/${encodeURIComponent(screened.held!.paymentId)}`);
    const message = page.getByRole('region', { name: 'Message as received' });
    await message.locator('mark').first().waitFor();
    const marked = await message.locator('mark').allInnerTexts();
    expect(marked.some((m) => m.includes('<UltmtDbtr>') && m.includes('</UltmtDbtr>'))).toBe(true);
    await screenshot(page, 'payments-03-held-pacs008');
  });

  it("opens the blocked payment's North Korea alert: the payment and field, the rule and reason", async () => {
    const response = await page.request.get('/v1/alerts');
    const { alerts } = (await response.json()) as { alerts: { id: string; screeningId: string; entityId: string }[] };
    const alert = alerts.find((a) => a.screeningId === screened.blocked!.paymentId && a.entityId === 'jurisdiction:KP');
    expect(alert).toBeDefined();
    await page.goto(`/alerts/${encodeURIComponent(alert!.id)}`);
    await page.getByRole('heading', { level: 1, name: 'Alert review' }).waitFor();
    const side = page.getByRole('region', { name: 'Embargoed jurisdiction' });
    await side.waitFor();
    expect(await side.innerText()).toContain('BIC of a bank in an embargoed jurisdiction');
    expect(await page.locator('main').innerText()).not.toContain('left the lists in force');
    await screenshot(page, 'payments-04-alert-jurisdiction');

    await page.getByRole('link', { name: UETR }).click();
    await page.getByRole('region', { name: 'Message as received' }).waitFor();
    expect(page.url()).toContain(`/payments/${screened.blocked!.paymentId}`);
  });
});
