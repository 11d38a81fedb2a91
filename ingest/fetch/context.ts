// What a fetch source gets to work with: the HTTP client, the API's base URL, the record cap and a
// page counter that turns every handled response into a progress report.
import type { HttpClient, HttpResult } from './http.js';
import type { FetchProgress } from './types.js';

export class PageCounter {
  private state: FetchProgress = { pages: 0, cachedPages: 0, records: 0 };

  constructor(private readonly report?: (progress: FetchProgress) => void) {}

  /** Counts one handled response and reports. */
  page<T>(result: HttpResult<T>): T {
    this.state.pages += 1;
    if (result.fromCache) this.state.cachedPages += 1;
    this.report?.({ ...this.state });
    return result.value;
  }

  /** Raises the expected page count (never below the pages already handled). */
  expect(totalPages: number): void {
    this.state.totalPages = Math.max(totalPages, this.state.pages);
    this.report?.({ ...this.state });
  }

  records(count: number): void {
    this.state.records = count;
    this.report?.({ ...this.state });
  }

  get current(): FetchProgress {
    return { ...this.state };
  }
}

export interface SourceContext {
  http: HttpClient;
  /** The API root without a trailing slash, e.g. https://export.arxiv.org/api. */
  baseUrl: string;
  /** Most papers to collect. */
  max: number;
  counter: PageCounter;
  /** Results per request, when not the source's default. */
  pageSize?: number;
  /** Where a source reports something the user should know that is not an error. */
  warn: (message: string) => void;
}

/** base + path + query, with the query parameters encoded. */
export function apiUrl(base: string, path: string, params: Record<string, string | number | undefined>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/** JSON.parse that says what it could not read. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new Error(`truncated or broken JSON: ${(err as Error).message}`, { cause: err });
  }
}
