// The HTTP client every fetch source uses: answers from the on-disk response cache first, spaces
// requests to the API's rate limit, waits out 429s (Retry-After) and retries 5xx and network
// failures with exponential backoff, then fails with a message naming the URL and the status.
import { ResponseCache } from './response-cache.js';
import { FetchAbortedError, FetchError } from './types.js';

export interface HttpOptions {
  /** Directory of the raw response cache. */
  cacheDir: string;
  /** Least time between two requests to the API, in milliseconds. */
  minIntervalMs: number;
  /** Tries for one URL on 429, 5xx or a network failure (default 5). */
  maxTries?: number;
  /** First backoff wait; doubles on each retry (default 1000 ms). */
  retryBaseMs?: number;
  /** Longest Retry-After the client agrees to wait (default 5 minutes). */
  maxRetryAfterMs?: number;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Query parameters left out of the cache key (a contact address does not change the answer). */
  uncachedParams?: string[];
  /** Ignore cached responses (they are still refreshed on disk). */
  refresh?: boolean;
  signal?: AbortSignal;
  /** Called before every network request (not for cache hits). */
  onRequest?: (url: string) => void;
  /** Called before every wait for a retry: how long and why. */
  onRetry?: (waitMs: number, reason: string) => void;
}

export interface HttpResult<T> {
  value: T;
  fromCache: boolean;
}

/** Parses a response body; throws (any Error) when the body is not what the API promises. */
export type BodyParser<T> = (body: string) => T;

/** Reads an API's error body into a sentence, for statuses other than 2xx, 429 and 5xx. */
export type ErrorDescriber = (status: number, body: string) => string | undefined;

const RETRY_AFTER_DEFAULT_MS = 5_000;

function abortable(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FetchAbortedError('interrupted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FetchAbortedError('interrupted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class HttpClient {
  readonly cache: ResponseCache;
  private lastRequestAt = 0;
  requests = 0;

  constructor(private readonly options: HttpOptions) {
    this.cache = new ResponseCache(options.cacheDir);
  }

  /** The cache key of a URL: the URL without the parameters that do not change the answer. */
  cacheKey(url: string): string {
    const u = new URL(url);
    for (const p of this.options.uncachedParams ?? []) u.searchParams.delete(p);
    return u.toString();
  }

  /**
   * GETs a URL and parses its body. A 2xx body that parses is cached; one that does not parse is
   * an error and is not cached, so the next run asks again.
   */
  async get<T>(
    url: string,
    parse: BodyParser<T>,
    describe?: ErrorDescriber,
    cacheable: (value: T) => boolean = () => true,
  ): Promise<HttpResult<T>> {
    const key = this.cacheKey(url);
    if (!this.options.refresh) {
      const cached = await this.cache.get(key);
      if (cached) {
        try {
          return { value: parse(cached.body), fromCache: true };
        } catch {
          // A cached body that no longer parses is fetched again.
        }
      }
    }
    const { status, body } = await this.fetchWithRetries(url, describe);
    let value: T;
    try {
      value = parse(body);
    } catch (err) {
      throw new FetchError(
        `${url} answered ${status} with a response that could not be read (${(err as Error).message}); nothing was cached, run the same command again`,
        url,
        status,
      );
    }
    if (cacheable(value)) await this.cache.put(key, { status, fetchedAt: new Date().toISOString(), body });
    return { value, fromCache: false };
  }

  private async waitTurn(): Promise<void> {
    const wait = this.lastRequestAt + this.options.minIntervalMs - Date.now();
    if (wait > 0) await abortable(wait, this.options.signal);
  }

  private async fetchWithRetries(url: string, describe?: ErrorDescriber): Promise<{ status: number; body: string }> {
    const maxTries = this.options.maxTries ?? 5;
    const base = this.options.retryBaseMs ?? 1_000;
    const maxRetryAfter = this.options.maxRetryAfterMs ?? 300_000;
    let lastProblem = '';
    let lastStatus: number | undefined;
    for (let attempt = 1; attempt <= maxTries; attempt += 1) {
      await this.waitTurn();
      if (this.options.signal?.aborted) throw new FetchAbortedError('interrupted');
      this.lastRequestAt = Date.now();
      this.requests += 1;
      this.options.onRequest?.(url);
      let response: Response;
      let body: string;
      try {
        const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
        const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
        response = await fetch(url, { headers: { accept: '*/*', ...this.options.headers }, signal });
        body = await response.text();
      } catch (err) {
        if (this.options.signal?.aborted) throw new FetchAbortedError('interrupted');
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        lastProblem = `could not be reached (${cause?.code ?? cause?.message ?? (err as Error).message})`;
        if (attempt < maxTries) await this.backoff(base * 2 ** (attempt - 1), lastProblem);
        continue;
      }
      if (response.ok) return { status: response.status, body };
      lastStatus = response.status;
      if (response.status === 429) {
        const asked = retryAfterMs(response.headers.get('retry-after'));
        if (asked !== undefined && asked > maxRetryAfter) {
          throw new FetchError(
            `${url} answered 429 Too Many Requests and asked to wait ${Math.ceil(asked / 1000)} s (Retry-After); try again later`,
            url,
            429,
          );
        }
        lastProblem = `answered 429 Too Many Requests`;
        if (attempt < maxTries)
          await this.backoff(
            asked ?? Math.max(RETRY_AFTER_DEFAULT_MS, base * 2 ** (attempt - 1)),
            `${lastProblem}${asked !== undefined ? ' (Retry-After)' : ''}`,
          );
        continue;
      }
      if (response.status >= 500) {
        lastProblem = `answered ${response.status} ${response.statusText}`.trim();
        if (attempt < maxTries) await this.backoff(base * 2 ** (attempt - 1), lastProblem);
        continue;
      }
      const detail = describe?.(response.status, body) ?? `${response.status} ${response.statusText}`.trim();
      throw new FetchError(`${url} answered ${detail}`, url, response.status);
    }
    throw new FetchError(
      `${url} ${lastProblem} on all ${maxTries} tries; giving up (pages fetched so far are cached, run the same command again later)`,
      url,
      lastStatus,
    );
  }

  private async backoff(ms: number, reason: string): Promise<void> {
    this.options.onRetry?.(ms, reason);
    await abortable(ms, this.options.signal);
  }
}
