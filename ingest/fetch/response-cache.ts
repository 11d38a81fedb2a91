// Raw HTTP responses on disk, one JSON file per cache key (a URL without its politeness
// parameters), written atomically so an interrupted run never leaves a half-written entry.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedResponse {
  url: string;
  status: number;
  fetchedAt: string;
  body: string;
}

export class ResponseCache {
  constructor(readonly dir: string) {}

  pathFor(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  /** The stored response for this key, or undefined (a missing or damaged entry is a miss). */
  async get(key: string): Promise<CachedResponse | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathFor(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as CachedResponse;
      return typeof entry.body === 'string' && entry.url === key ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  async put(key: string, entry: Omit<CachedResponse, 'url'>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = this.pathFor(key);
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify({ url: key, ...entry }));
      await rename(tmp, path);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
  }
}
