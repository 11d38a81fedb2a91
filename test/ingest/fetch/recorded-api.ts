// A local node:http server on 127.0.0.1 that answers with recorded API responses (fixture files
// under test/fixtures/fetch), one route per path and query, and logs every request it receives.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const FETCH_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'fetch');

export function fixture(path: string): string {
  return readFileSync(join(FETCH_FIXTURES, path), 'utf8');
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string;
  /** Runs when the request arrives, before the reply is sent. */
  before?: () => void;
}

interface Route {
  path: string;
  /** Query parameters that must match (others are ignored). */
  query: Record<string, string>;
  replies: Reply[];
  served: number;
}

export class RecordedApi {
  readonly requests: URL[] = [];
  /** The headers of each request, in the order of `requests`. */
  readonly headers: IncomingHttpHeaders[] = [];
  private routes: Route[] = [];
  private server: Server | undefined;
  url = '';

  /** Answers GET `path` whose query has these values with the replies in turn; the last repeats. */
  on(path: string, query: Record<string, string | number>, ...replies: Reply[]): this {
    this.routes.push({ path, query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), replies, served: 0 });
    return this;
  }

  /** Like `on`, but consulted before the routes added so far. */
  routesFirst(path: string, query: Record<string, string | number>, ...replies: Reply[]): this {
    this.on(path, query, ...replies);
    this.routes.unshift(this.routes.pop()!);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.requests.push(url);
      this.headers.push(req.headers);
      const route = this.routes.find(
        (r) => r.path === url.pathname && Object.entries(r.query).every(([k, v]) => url.searchParams.get(k) === v),
      );
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `no recorded response for ${url.pathname}${url.search}` }));
        return;
      }
      const reply = route.replies[Math.min(route.served, route.replies.length - 1)]!;
      route.served += 1;
      reply.before?.();
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Requests whose path is `path` (and whose query has these values). */
  count(path?: string, query: Record<string, string | number> = {}): number {
    return this.requests.filter(
      (u) => (path === undefined || u.pathname === path) && Object.entries(query).every(([k, v]) => u.searchParams.get(k) === String(v)),
    ).length;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const xml = (body: string, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  body,
});
export const json = (body: string, status = 200, headers: Record<string, string> = {}): Reply => ({ status, headers, body });
