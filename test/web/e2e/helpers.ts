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

/** Waits until the camera animation after a selection has ended, then gives the node's screen position. */
export async function settledScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  // The camera starts moving shortly after the selection and animates for 400 ms.
  await page.waitForTimeout(800);
  let last = await page.evaluate((n) => window.__methodgraph!.nodeOnScreen(n), id);
  let stable = 0;
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate((n) => window.__methodgraph!.nodeOnScreen(n), id);
    stable = now && last && Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5 ? stable + 1 : 0;
    if (stable >= 3 && now) return now;
    last = now;
  }
  if (!last) throw new Error(`test/web/e2e: node ${id} is not drawn`);
  return last;
}

/** expect.poll with a timeout that suits a browser: what the user sees may take a few seconds. */
export function poll<T>(fn: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}
