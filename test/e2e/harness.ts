/**
 * What the browser tests stand on: the built `embargo` CLI run as child processes against a fresh SQLite
 * file (lists loaded and users made the way an operator would), `embargo serve` on a free port, and
 * Debian's Chromium driven by playwright-core. Screenshots go to `artifacts/screenshots/` for CI to keep.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../shared-data.js';

const BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'embargo.js');
const BUILT_CLI = join(REPO_ROOT, 'packages', 'cli', 'dist', 'main.js');
const BUILT_WEB_APP = join(REPO_ROOT, 'packages', 'web', 'dist', 'index.html');
export const CHROMIUM = process.env.EMBARGO_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO_ROOT, 'artifacts', 'screenshots');

/** Flags for a headless Chromium on a machine with a closed network, as root, in CI. */
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function checkPrerequisites(): void {
  if (!existsSync(BUILT_CLI) || !existsSync(BUILT_WEB_APP))
    throw new Error('the CLI and the web app are not built: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set EMBARGO_CHROMIUM)`);
}

export interface Workspace {
  dir: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** A temporary folder with its own SQLite database; the data folder is empty unless lists are loaded. */
export function newWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-e2e-'));
  mkdirSync(join(dir, 'data'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    EMBARGO_SQLITE_PATH: join(dir, 'embargo.db'),
    EMBARGO_DATA_DIR: join(dir, 'data'),
    EMBARGO_HOST: '127.0.0.1',
  };
  return { dir, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs one `embargo` command to completion; throws with its stderr when it fails. */
export function embargo(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += String(c)));
  child.stderr.on('data', (c: Buffer) => (err += String(c)));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`embargo ${args.join(' ')} exited ${code}:\n${err}`)),
    ),
  );
}

export interface RunningServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

/** `embargo serve --port 0`, resolved once it prints its "listening <url>" line. */
export function serve(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], { env });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += String(c);
      const ready = /^listening (http:\/\/\S+)$/m.exec(stdout);
      if (ready)
        resolve({
          url: ready[1],
          child,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
    void exited.then(() => reject(new Error(`embargo serve exited before listening:\n${stderr}`)));
  });
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** The sizes every step is photographed at: a desktop monitor and a phone. */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * Screenshots named for the step, at a desktop's and a phone's width (the whole page unless `fullPage` is
 * false), kept as CI artefacts; the page is given back at the size it had.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${viewport.width}.png`), fullPage });
  }
  if (size) await page.setViewportSize(size);
}

/** The phone every page must fit (issue 16 point 8): an iPhone 12–15's viewport in CSS pixels. */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * How wide the page lays out at the phone's size, from the layout itself: the document's scroll width
 * against the window's inner width (more means the page scrolls sideways). The page is given back at
 * the size it had.
 */
export async function widthOnPhone(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest?: string }> {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  const measured = await page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    // Name the element that sticks out, so a failure says where to look.
    let widest: string | undefined;
    if (scrollWidth > innerWidth)
      for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
        if (el.getBoundingClientRect().right > innerWidth + 0.5) {
          widest = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
          break;
        }
      }
    return { scrollWidth, innerWidth, widest };
  });
  if (size) await page.setViewportSize(size);
  return measured;
}

/** A fresh workspace with lists loaded, a server, and an analyst signed in to the web app in Chromium. */
export interface SignedInSession {
  ws: Workspace;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Script errors the pages raised (React's "maximum update depth" among them): a test fails on any. */
  pageErrors: string[];
  close(): Promise<void>;
}

const ANALYST_PASSWORD = 'ann password 12';

/**
 * Loads the bundled list folders named (relative to `data/`, e.g. `ofac-sdn/2023-12-28`) with the CLI (or,
 * with `freshInstall`, lets `embargo serve` load the whole bundled data/ on first start), creates the analyst `ann`, starts `embargo serve`, and signs her in at 1440×900; she lands on the
 * dashboard and is taken on to the Search page.
 */
export async function signedInAnalyst(lists: readonly string[], options: { freshInstall?: boolean } = {}): Promise<SignedInSession> {
  checkPrerequisites();
  const ws = newWorkspace();
  // A fresh install: nothing loaded by hand; `embargo serve` loads the bundled data/ (history included) on first start.
  if (options.freshInstall) ws.env.EMBARGO_DATA_DIR = join(REPO_ROOT, 'data');
  for (const list of lists) await embargo(['lists', 'load', join(REPO_ROOT, 'data', list)], ws.env);
  await embargo(['users', 'create', '--username', 'ann', '--role', 'analyst', '--password-stdin'], ws.env, `${ANALYST_PASSWORD}\n`);
  const server = await serve(ws.env);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: server.url });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');
  await page.getByLabel('Username').fill('ann');
  await page.getByLabel('Password').fill(ANALYST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in lands on the dashboard (issue 16, point 1); the tests built on this one start from Search.
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await openFromNav(page, 'Search');
  return {
    ws,
    server,
    browser,
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
      ws.remove();
    },
  };
}

/** Follows a link of the main navigation and waits for the page's heading (the link's words). */
export async function openFromNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/**
 * A screenshot of the step at both sizes (see `screenshot`), after checking from the layout that the page
 * does not scroll sideways on the phone; the element that sticks out is named when it does.
 */
export async function photographFitting(page: Page, name: string, fullPage = true): Promise<void> {
  await screenshot(page, name, fullPage);
  const { scrollWidth, innerWidth, widest } = await widthOnPhone(page);
  if (scrollWidth > innerWidth) throw new Error(`${name} at ${PHONE.width} px is ${scrollWidth} px wide: ${widest ?? '?'} sticks out`);
}

/** Signs `username` in on a page of its own browser context and waits for the dashboard. */
export async function signIn(context: BrowserContext, username: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}
