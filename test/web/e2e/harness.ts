// End-to-end harness: builds dist/ when the explorer's sources are newer, loads the default corpus
// into the test Neo4j (or reuses it: test/helpers/corpus.ts), serves API + explorer with buildApp on
// a free port, and opens pages in Chromium (one browser per test worker, a fresh context per page).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../../../src/server/app.js';
import type { WriteAccess } from '../../../src/server/curation/token.js';
import type { Database } from '../../../src/neo4j/driver.js';
import { distDir, projectRoot } from '../../../src/neo4j/paths.js';
import { launchBrowser } from '../../helpers/browser.js';
import { sharedDefaultCorpus } from '../../helpers/corpus.js';
import { freshTestDatabase, openTestDatabase } from '../../helpers/db.js';
import { freePort } from '../../helpers/ports.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Runs `vite build` unless dist/index.html is newer than every file under src/web and src/shared.
 * The build is the production one, as `npm run build` makes it: Vitest sets NODE_ENV to `test`, and
 * Vite builds with whatever NODE_ENV it finds, which gave the tests React's development build (its
 * checks cost the browser about a sixth of its CPU per page) instead of the explorer users get.
 */
export async function ensureDist(): Promise<void> {
  const index = join(distDir, 'index.html');
  const sources = Math.max(
    newestMtime(join(projectRoot, 'src', 'web')),
    newestMtime(join(projectRoot, 'src', 'shared')),
    statSync(join(projectRoot, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export interface Explorer {
  url: string;
  /** Browser contexts opened by openExplorer and not yet closed. */
  contexts: Set<BrowserContext>;
  /** Contexts of pages the tests of a block share (`sharedPage`): closed with the explorer, not after each test. */
  shared: Set<BrowserContext>;
  db: Database;
  app: FastifyInstance;
  browser: Browser;
  close(): Promise<void>;
}

// One Chromium for every file a test worker runs (workers keep imported modules from file to
// file): each file used to launch its own, seconds of CPU for the browser and its GPU process.
// Each test still opens a fresh context; Playwright kills the browser when the worker exits.
let browserLaunch: Promise<Browser> | null = null;

async function sharedBrowser(): Promise<Browser> {
  const running = browserLaunch && (await browserLaunch.catch(() => null));
  if (running?.isConnected()) return running;
  browserLaunch = launchBrowser();
  return browserLaunch;
}

export async function startExplorer(
  options: { load?: boolean; writeAccess?: WriteAccess; queryTimeoutMs?: number } = {},
): Promise<Explorer> {
  await ensureDist();
  let db: Database;
  if (options.load === false) {
    db = await freshTestDatabase();
  } else {
    db = await openTestDatabase();
    await sharedDefaultCorpus(db);
  }
  const app = await buildApp({ db, staticDir: distDir, writeAccess: options.writeAccess, queryTimeoutMs: options.queryTimeoutMs });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  const browser = await sharedBrowser();
  let closed = false;
  const explorer: Explorer = {
    url: `http://127.0.0.1:${port}/`,
    db,
    app,
    browser,
    contexts: new Set(),
    shared: new Set(),
    async close() {
      if (closed) return;
      closed = true;
      // The browser stays for the next file; the pages of this one go.
      await closeOpenPages(explorer);
      await Promise.all([...explorer.shared].map((c) => c.close()));
      await app.close();
      await db.close();
    },
  };
  return explorer;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * How long the explorer's own layouts run in a page a test opens (`?layout=MS`), unless the test
 * asks for the product's durations: software WebGL draws every frame of a layout, and most tests
 * need the nodes apart (the separation after every layout does that), not a good map.
 */
export const TEST_LAYOUT_MS = 300;

/**
 * The page size of a test: smaller than a desktop screen, since software WebGL's cost per frame
 * grows with the pixels drawn; tests that judge the layout or the labels ask for `DESKTOP_VIEWPORT`.
 */
export const TEST_VIEWPORT = { width: 1100, height: 720 };
export const DESKTOP_VIEWPORT = { width: 1400, height: 900 };

export interface OpenOptions {
  /** Wait until the first graph is drawn (default true). */
  waitReady?: boolean;
  /** 'product': the explorer's own layout durations, for tests that judge the layout (default: TEST_LAYOUT_MS). */
  layout?: 'product';
  /** The page size (default TEST_VIEWPORT). */
  viewport?: { width: number; height: number };
  /** Kept open after the test, for the next tests of its block (see `sharedPage`); closed with the explorer. */
  shared?: boolean;
}

/** Opens the explorer at `path` in a fresh context and waits until the first graph is drawn. */
export async function openExplorer(explorer: Explorer, path = '', options: OpenOptions = {}): Promise<OpenPage> {
  const context = await explorer.browser.newContext({ viewport: options.viewport ?? TEST_VIEWPORT, acceptDownloads: true });
  const owner = options.shared ? explorer.shared : explorer.contexts;
  owner.add(context);
  context.on('close', () => owner.delete(context));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const url = new URL(path, explorer.url);
  if (options.layout !== 'product') url.searchParams.set('layout', String(TEST_LAYOUT_MS));
  await page.goto(url.toString());
  if (options.waitReady !== false) await waitReady(page);
  return { context, page, errors };
}

/**
 * One page for the tests of a block that only read what it shows or put back what they change
 * (the legend toggled back, the pointer moved away): opening a page costs Chromium seconds of CPU,
 * most of what the e2e tests cost. Opened at the first call, at `path`; closed with the explorer.
 * A test that fails halfway may leave the page changed for the next ones of the block.
 */
export function sharedPage(explorer: () => Explorer, path = '', options: Omit<OpenOptions, 'shared'> = {}): () => Promise<OpenPage> {
  let opened: Promise<OpenPage> | null = null;
  return () => (opened ??= openExplorer(explorer(), path, { ...options, shared: true }));
}

/** Closes every context a test opened, whether it passed or failed (run in afterEach). */
export async function closeOpenPages(explorer: Explorer | undefined): Promise<void> {
  if (!explorer) return;
  await Promise.all([...explorer.contexts].map((c) => c.close()));
  explorer.contexts.clear();
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__methodgraph?.ready === true, undefined, { timeout: 20_000 });
}

/** Waits until the layout that starts after loading has stopped. */
/**
 * Waits until no layout runs and the camera has settled. In the graph view the first layout starts
 * just after the first paint, so "idle" only counts once a run has finished (or there is nothing to lay out).
 */
export async function waitLayoutIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = window.__methodgraph;
      if (!h || h.layout() !== 'idle' || h.cameraMoving()) return false;
      return h.lastLayoutRun() !== null || h.mode() === 'lineage' || h.visibleOrder() === 0;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Where a node is drawn on the page (for clicks), after the camera has settled. */
export async function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((nodeId) => window.__methodgraph!.nodeOnScreen(nodeId), id);
  if (!p) throw new Error(`test/web/e2e: node ${id} is not drawn`);
  return p;
}
