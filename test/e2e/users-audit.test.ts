/**
 * The Users and Audit pages end to end, in Debian's Chromium against the real `embargo serve` on a fresh
 * database with the bundled UN list loaded, an admin and two analysts made with `embargo users create`
 * and an API key made for one of them with `embargo keys create --person ann`. The admin disables bob
 * while bob is signed in elsewhere: bob's open page loses its session at the next request and bob cannot
 * sign in; the admin resets ann's password to a generated one, with which ann signs in (and not with the
 * old one). Then the admin filters the audit trail by the plain name "ann": her signed-in actions and her
 * key's screening, nothing of anyone else. Every step is photographed at 1440×900 and 390×844 and must
 * not scroll sideways at 390 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA } from '../shared-data.js';
import {
  checkPrerequisites,
  embargo,
  launchChromium,
  newWorkspace,
  openFromNav,
  photographFitting,
  serve,
  signIn,
  type RunningServer,
  type Workspace,
} from './harness.js';
import { UN_LIST } from './listed-parties.js';

const PASSWORDS = { root: 'root password 1', ann: 'ann password 12', bob: 'bob password 12' };

describe('the Users and Audit pages in Chromium', () => {
  let ws: Workspace;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let annKey: { id: string; key: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    ws = newWorkspace();
    await embargo(['lists', 'load', join(BUNDLED_DATA, UN_LIST)], ws.env);
    await embargo(['users', 'create', '--username', 'root', '--role', 'admin', '--password-stdin'], ws.env, `${PASSWORDS.root}\n`);
    for (const name of ['ann', 'bob'] as const)
      await embargo(['users', 'create', '--username', name, '--role', 'analyst', '--password-stdin'], ws.env, `${PASSWORDS[name]}\n`);
    annKey = JSON.parse(
      await embargo(['keys', 'create', '--role', 'analyst', '--name', 'Ann script', '--person', 'ann', '--json'], ws.env),
    );
    server = await serve(ws.env);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    ws?.remove();
  });

  /** A browser of its own (own cookies) at desktop size, signed in as `username`. */
  async function browserOf(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.url });
    contexts.push(context);
    const page = await signIn(context, username, password);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  const rowOf = (page: Page, username: string) =>
    page.locator('table.user-table tbody tr').filter({ has: page.getByRole('cell', { name: username, exact: true }) });

  async function signInRefused(username: string, password: string): Promise<string> {
    const context = await browser.newContext({ baseURL: server.url });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    return refusal.innerText();
  }

  it('disables a signed-in user: their open page loses its session at once, and they cannot sign in', async () => {
    const bob = await browserOf('bob', PASSWORDS.bob);
    await openFromNav(bob, 'Alerts');
    admin = await browserOf('root', PASSWORDS.root);
    await openFromNav(admin, 'Users');
    await rowOf(admin, 'bob').waitFor();
    await photographFitting(admin, 'users-01-list');

    await rowOf(admin, 'bob').getByRole('button', { name: 'Disable bob' }).click();
    await rowOf(admin, 'bob').getByText('disabled', { exact: true }).waitFor();
    expect(await rowOf(admin, 'bob').getByRole('button', { name: 'Enable bob' }).count()).toBe(1);
    // Nobody disables their own account.
    expect(
      await rowOf(admin, 'root')
        .getByRole('button', { name: /Disable/ })
        .count(),
    ).toBe(0);
    await photographFitting(admin, 'users-02-bob-disabled');

    // Bob's page asks the server again (a navigation): his session is gone, and he is sent to sign in.
    await bob.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
    await bob.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(bob.url()).toContain('/signin');
    expect(await signInRefused('bob', PASSWORDS.bob)).toContain('Wrong username or password.');
  });

  it("resets ann's password to a generated one shown once: she signs in with it, not with the old one", async () => {
    await rowOf(admin, 'ann').getByRole('button', { name: 'Reset the password of ann' }).click();
    const panel = admin.getByRole('region', { name: 'Reset the password of ann' });
    await panel.getByRole('button', { name: 'Generate a password' }).click();
    const shown = panel.locator('.one-time-password');
    await shown.waitFor();
    const password = await shown.innerText();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await photographFitting(admin, 'users-03-password-reset');
    await panel.getByRole('button', { name: 'Done' }).click();
    expect(await admin.locator('.one-time-password').count()).toBe(0);

    expect(await signInRefused('ann', PASSWORDS.ann)).toContain('Wrong username or password.');
    const ann = await browserOf('ann', password);
    await ann.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });

  it("filters the audit trail by ann's plain name: her sessions' rows and her API key's, no one else's", async () => {
    // Ann's key screens a party, as a script of hers would.
    const screened = await fetch(`${server.url}/v1/screen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${annKey.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'JANG SUNG NAM' }),
    });
    expect(screened.status).toBe(200);

    await openFromNav(admin, 'Audit');
    await admin.getByLabel('User').fill('ann');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL(/\/audit\?user=ann$/);
    await admin.getByRole('cell', { name: 'screening', exact: true }).waitFor();
    const rows = await admin
      .locator('table.audit-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(new Set(rows.map((cells) => cells[2]))).toEqual(new Set(['user:ann', annKey.id]));
    expect(rows.filter((cells) => cells[2] === annKey.id).map((cells) => cells[3])).toEqual(['screening']);
    expect(rows.filter((cells) => cells[2] === 'user:ann').map((cells) => cells[3])).toContain('user.signin');
    await photographFitting(admin, 'audit-01-by-user');

    // The admin's own changes are under root: the disabling and the reset, each once.
    await admin.getByLabel('User').fill('root');
    await admin.getByLabel('Kind').fill('');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL(/\/audit\?user=root$/);
    await admin.getByRole('cell', { name: 'user.disable', exact: true }).waitFor();
    const kinds = await admin.locator('table.audit-table tbody tr td:nth-child(4)').allInnerTexts();
    expect(kinds.filter((k) => k === 'user.disable')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'user.password')).toHaveLength(1);
    await admin.getByText(/Chain intact/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
