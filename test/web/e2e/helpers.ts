// Shared steps of the end-to-end tests: find node ids through the real API, read the test handle,
// and wait for what the user would see.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Explorer } from './harness.js';

interface Hit {
  node: { id: string; name: string; label: string };
}

/** The id of the best search hit whose name matches `name` (case-insensitive), optionally of a label. */
export async function findId(explorer: Explorer, name: string, label?: string): Promise<string> {
  const url = `/api/search?q=${encodeURIComponent(name)}&limit=20${label ? `&labels=${label}` : ''}`;
  let res = await explorer.app.inject({ method: 'GET', url });
  // A loaded machine can make Neo4j miss the API's query timeout once: ask again before failing.
  for (let attempt = 0; attempt < 2 && res.statusCode >= 500; attempt++) res = await explorer.app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`test/web/e2e: GET ${url} answered ${res.statusCode}: ${res.body}`);
  const hits = (res.json() as { results: Hit[] }).results;
  const exact = hits.find((h) => h.node.name.toLowerCase() === name.toLowerCase()) ?? hits[0];
  if (!exact) throw new Error(`test/web/e2e: no node named ${name}`);
  return exact.node.id;
}

export async function api<T>(explorer: Explorer, url: string): Promise<T> {
  const res = await explorer.app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`test/web/e2e: GET ${url} answered ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

export const handle = {
  order: (page: Page) => page.evaluate(() => window.__methodgraph!.order()),
  size: (page: Page) => page.evaluate(() => window.__methodgraph!.size()),
  visibleOrder: (page: Page) => page.evaluate(() => window.__methodgraph!.visibleOrder()),
  selected: (page: Page) => page.evaluate(() => window.__methodgraph!.selected()),
  hasNode: (page: Page, id: string) => page.evaluate((n) => window.__methodgraph!.hasNode(n), id),
  isVisible: (page: Page, id: string) => page.evaluate((n) => window.__methodgraph!.isVisible(n), id),
  position: (page: Page, id: string) => page.evaluate((n) => window.__methodgraph!.nodePosition(n), id),
  color: (page: Page, id: string) => page.evaluate((n) => window.__methodgraph!.nodeColor(n), id),
  layout: (page: Page) => page.evaluate(() => window.__methodgraph!.layout()),
  mode: (page: Page) => page.evaluate(() => window.__methodgraph!.mode()),
  pathNodes: (page: Page) => page.evaluate(() => window.__methodgraph!.pathNodes()),
};

/** Selects a node the way a user does: search, then choose the suggestion. */
export async function searchAndChoose(page: Page, text: string, name: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(text);
  const option = page.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') }).first();
  await option.waitFor();
  await option.click();
}

/** Waits until the camera has stopped and the node has stayed put for ten frames, then gives its screen position. */
export async function settledScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction(
    (nodeId) => {
      const h = window.__methodgraph!;
      const w = window as unknown as { __settle?: { x: number; y: number; frames: number } | null };
      const now = h.nodeOnScreen(nodeId);
      const last = w.__settle;
      if (!now || h.cameraMoving()) {
        w.__settle = null;
        return false;
      }
      const same = last && Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5;
      w.__settle = { ...now, frames: same ? last.frames + 1 : 0 };
      return w.__settle.frames >= 10;
    },
    id,
    { polling: 'raf', timeout: 20_000 },
  );
  const p = await page.evaluate((n) => window.__methodgraph!.nodeOnScreen(n), id);
  if (!p) throw new Error(`test/web/e2e: node ${id} is not drawn`);
  return p;
}

/** Resolves after the page has drawn `frames` more animation frames. */
export async function nextFrames(page: Page, frames = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/** expect.poll with a timeout that suits a browser: what the user sees may take a few seconds. */
export function poll<T>(fn: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}
