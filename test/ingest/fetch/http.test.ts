// The fetch HTTP client against a local server: the response cache, Retry-After on 429, backoff on
// 5xx, bounded tries, truncated bodies never cached, the request spacing and interruption.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient, retryAfterMs, type HttpOptions } from '../../../ingest/fetch/http.js';
import { FetchAbortedError, FetchError } from '../../../ingest/fetch/types.js';
import { json, RecordedApi } from './recorded-api.js';

const parse = (body: string) => JSON.parse(body) as { ok: number };

let api: RecordedApi;
let dir: string;
beforeEach(async () => {
  api = new RecordedApi();
  dir = mkdtempSync(join(tmpdir(), 'methodgraph-fetch-http-'));
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

function client(options: Partial<HttpOptions> = {}): HttpClient {
  return new HttpClient({ cacheDir: join(dir, 'http'), minIntervalMs: 0, retryBaseMs: 10, ...options });
}

describe('ingest/fetch/http', () => {
  describe('#get', () => {
    it('should answer a second identical request from the disk cache without a request', async () => {
      api.on('/x', {}, json('{"ok":1}'));
      const base = await api.start();
      const first = await client().get(`${base}/x?q=a`, parse);
      const second = await client().get(`${base}/x?q=a`, parse);
      expect(first).toEqual({ value: { ok: 1 }, fromCache: false });
      expect(second).toEqual({ value: { ok: 1 }, fromCache: true });
      expect(api.count('/x')).toBe(1);
      expect(readdirSync(join(dir, 'http')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    });

    it('should leave the contact address out of the cache key', async () => {
      api.on('/x', {}, json('{"ok":2}'));
      const base = await api.start();
      await client({ uncachedParams: ['mailto'] }).get(`${base}/x?q=a&mailto=a@example.org`, parse);
      const again = await client({ uncachedParams: ['mailto'] }).get(`${base}/x?q=a&mailto=b@example.org`, parse);
      expect(again.fromCache).toBe(true);
      expect(api.count('/x')).toBe(1);
    });

    it('should ask again with refresh and keep the newer answer', async () => {
      api.on('/x', {}, json('{"ok":1}'), json('{"ok":2}'));
      const base = await api.start();
      await client().get(`${base}/x`, parse);
      expect((await client({ refresh: true }).get(`${base}/x`, parse)).value).toEqual({ ok: 2 });
      expect((await client().get(`${base}/x`, parse)).value).toEqual({ ok: 2 });
      expect(api.count('/x')).toBe(2);
    });

    it('should wait as long as Retry-After says on 429 and then succeed', async () => {
      api.on('/x', {}, json('{"message":"Too Many Requests"}', 429, { 'retry-after': '1' }), json('{"ok":3}'));
      const base = await api.start();
      const waits: [number, string][] = [];
      const result = await client({ onRetry: (ms, why) => waits.push([ms, why]) }).get(`${base}/x`, parse);
      expect(result.value).toEqual({ ok: 3 });
      expect(waits).toEqual([[1000, 'answered 429 Too Many Requests (Retry-After)']]);
      expect(api.count('/x')).toBe(2);
    });

    it('should refuse a Retry-After longer than it agrees to wait, naming the URL', async () => {
      api.on('/x', {}, json('{}', 429, { 'retry-after': '3600' }));
      const base = await api.start();
      const err = await client({ maxRetryAfterMs: 60_000 })
        .get(`${base}/x`, parse)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchError);
      expect((err as FetchError).message).toBe(
        `${base}/x answered 429 Too Many Requests and asked to wait 3600 s (Retry-After); try again later`,
      );
      expect(api.count('/x')).toBe(1);
    });

    it('should back off exponentially on 5xx and succeed when the server recovers', async () => {
      api.on('/x', {}, json('oops', 503), json('oops', 502), json('{"ok":4}'));
      const base = await api.start();
      const waits: number[] = [];
      const result = await client({ onRetry: (ms) => waits.push(ms) }).get(`${base}/x`, parse);
      expect(result.value).toEqual({ ok: 4 });
      expect(waits).toEqual([10, 20]);
      expect(api.count('/x')).toBe(3);
    });

    it('should give up after the bounded number of tries with the URL and the status', async () => {
      api.on('/x', {}, json('down', 500));
      const base = await api.start();
      const err = (await client({ maxTries: 3 })
        .get(`${base}/x`, parse)
        .catch((e: unknown) => e)) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.status).toBe(500);
      expect(err.url).toBe(`${base}/x`);
      expect(err.message).toMatch(new RegExp(`^${base}/x answered 500 Internal Server Error on all 3 tries; giving up`));
      expect(api.count('/x')).toBe(3);
    });

    it('should not retry a 404 and describe it with the API error body', async () => {
      api.on('/x', {}, json('{"error":"Paper with id X not found"}', 404));
      const base = await api.start();
      const describeError = (status: number, body: string) => `${status}: ${(JSON.parse(body) as { error: string }).error}`;
      const err = (await client()
        .get(`${base}/x`, parse, describeError)
        .catch((e: unknown) => e)) as FetchError;
      expect(err.message).toBe(`${base}/x answered 404: Paper with id X not found`);
      expect(err.status).toBe(404);
      expect(api.count('/x')).toBe(1);
    });

    it('should report truncated JSON and not cache it, so the next run asks again', async () => {
      api.on('/x', {}, json('{"ok": 5, "more": [1, 2'), json('{"ok":5}'));
      const base = await api.start();
      const err = (await client()
        .get(`${base}/x`, (b) => JSON.parse(b) as unknown)
        .catch((e: unknown) => e)) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.message).toContain(`${base}/x answered 200 with a response that could not be read`);
      expect(err.message).toContain('nothing was cached');
      expect(existsSync(join(dir, 'http')) ? readdirSync(join(dir, 'http')) : []).toHaveLength(0);
      expect((await client().get(`${base}/x`, parse)).value).toEqual({ ok: 5 });
      expect(api.count('/x')).toBe(2);
    });

    it('should say when the server cannot be reached at all', async () => {
      const base = await api.start();
      await api.close();
      const err = (await client({ maxTries: 2 })
        .get(`${base}/x`, parse)
        .catch((e: unknown) => e)) as FetchError;
      expect(err.message).toMatch(new RegExp(`^${base}/x could not be reached \\(ECONNREFUSED\\) on all 2 tries`));
    });

    it('should space requests by the configured interval', async () => {
      api.on('/x', {}, json('{"ok":6}'));
      const base = await api.start();
      const arrivals: number[] = [];
      const c = client({ minIntervalMs: 300, onRequest: () => arrivals.push(performance.now()) });
      for (const q of ['a', 'b', 'c']) await c.get(`${base}/x?q=${q}`, parse);
      // Only a lower bound: a slow machine makes the gaps longer, never shorter.
      expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(295);
      expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(295);
    });

    it('should stop waiting when interrupted', async () => {
      api.on('/x', {}, json('down', 503));
      const base = await api.start();
      const controller = new AbortController();
      const c = client({ retryBaseMs: 60_000, signal: controller.signal, onRetry: () => controller.abort() });
      await expect(c.get(`${base}/x`, parse)).rejects.toBeInstanceOf(FetchAbortedError);
      expect(api.count('/x')).toBe(1);
    });
  });

  describe('#retryAfterMs', () => {
    it('should read delta-seconds and HTTP dates', () => {
      expect(retryAfterMs('2')).toBe(2000);
      expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
      expect(retryAfterMs(null)).toBeUndefined();
      expect(retryAfterMs('soon')).toBeUndefined();
    });
  });
});
