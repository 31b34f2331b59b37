/**
 * A failed scheduled list update as an admin sees it (issue 18, point 6), in Debian's Chromium against the
 * real `embargo serve`: the bundled UN list loaded by the CLI, the server checking the publishers every
 * 2 seconds (EMBARGO_UPDATE_EVERY) at a mirror on 127.0.0.1 (EMBARGO_LISTS_BASE_URL) that serves the UN
 * file cut in half and nothing for the other publishers. The admin signs in and the dashboard shows a red
 * notice naming each list update that failed with its reason (the UN file refused, the others
 * unreachable), the UN row red with "refused" and the time of the check, and the UN publication still in
 * force. Screenshots `dashboard-list-update-failed-1440.png` and `-390.png`; at 390 px the page does not
 * scroll sideways.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../shared-data.js';
import {
  checkPrerequisites,
  embargo,
  launchChromium,
  newWorkspace,
  serve,
  screenshot,
  widthOnPhone,
  type RunningServer,
  type Workspace,
} from './harness.js';

const UN_FILE = join(REPO_ROOT, 'data', 'un-sc', '2026-02-27');
const ADMIN_PASSWORD = 'root password 12';

describe('a failed list update on the dashboard, in Chromium', () => {
  let ws: Workspace;
  let mirror: Server;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    const xml = readFileSync(join(UN_FILE, 'consolidated.xml'));
    const cut = xml.subarray(0, Math.floor(xml.length / 2));
    // The UN publisher sends half its file (with a Content-Length that says so); the others are not there.
    mirror = createServer((req, res) => {
      if (req.url === '/un-sc/consolidated.xml') res.writeHead(200, { 'Content-Length': String(cut.length) }).end(cut);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    ws = newWorkspace();
    await embargo(['lists', 'load', UN_FILE], ws.env);
    await embargo(['users', 'create', '--username', 'root', '--role', 'admin', '--password-stdin'], ws.env, `${ADMIN_PASSWORD}\n`);
    const env = {
      ...ws.env,
      EMBARGO_UPDATE_EVERY: '2s',
      EMBARGO_LISTS_BASE_URL: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`,
    };
    server = await serve(env);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.url });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    mirror?.closeAllConnections();
    await new Promise((resolve) => mirror?.close(resolve));
    ws?.remove();
  });

  it('shows the admin a red notice with each failed update and why, and the UN list still in force', async () => {
    // Wait for the server's first round of checks (two seconds after start) to have reached the UN publisher.
    await expect
      .poll(
        async () => {
          const health = (await (await fetch(`${server.url}/healthz`)).json()) as { lists: { source: string; outcome: string | null }[] };
          return health.lists.find((l) => l.source === 'un-sc')?.outcome;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe('refused');

    await page.goto('/');
    await page.getByLabel('Username').fill('root');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    const notice = page.getByTestId('list-update-notice');
    await notice.waitFor();
    expect(await notice.getByRole('heading', { level: 2 }).innerText()).toMatch(/list updates? needs? attention/);
    const un = await page.getByTestId('list-update-un-sc').innerText();
    expect(un).toContain('UN Security Council list');
    expect(un).toMatch(/refused/);
    expect(un).toMatch(/un-sc\/consolidated\.xml: the downloaded file does not verify/);
    expect(await page.getByTestId('list-update-ofac-sdn').innerText()).toMatch(/unreachable.*answered 404/s);
    expect(await notice.innerText()).toContain('The publications in force stay in force');

    // The UN list in force is the one loaded by the CLI: red for the failed check, with the time of the check.
    const row = page.getByTestId('list-un-sc');
    expect(await row.getAttribute('class')).toBe('stale');
    expect(await row.innerText()).toContain('2026-02-27');
    expect(await row.innerText()).toMatch(/refused/);
    expect(await row.innerText()).not.toMatch(/\(loaded\)/);

    const phone = await widthOnPhone(page);
    expect(phone.scrollWidth, `sticks out: ${phone.widest}`).toBeLessThanOrEqual(phone.innerWidth);
    await screenshot(page, 'dashboard-list-update-failed');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
