// The explorer's client for the curation endpoints: writes carry the token, and every answer is parsed
// with the shared schemas of src/shared/api/curation.ts.
import { CurateResponse, CurationListResponse, RejectedLinksResponse, TOKEN_HEADER, type CurateBody } from '../../shared/api/curation.js';
import { ApiError, REQUEST_TIMEOUT_MS } from './client.js';
import { writeToken } from './token.js';

async function call(method: 'GET' | 'POST', path: string, body?: unknown, withToken = false): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = withToken ? writeToken() : null;
  if (token) headers[TOKEN_HEADER] = token;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    throw new ApiError(
      `web/api/curation: cannot reach the methodgraph API (${method} ${path}): ${(err as Error).message}`,
      0,
      'UNREACHABLE',
    );
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      error?.message ?? `${method} ${path} failed with HTTP ${res.status}`,
      res.status,
      error?.code ?? `HTTP_${res.status}`,
    );
  }
  return json;
}

export const curationApi = {
  /** Whether this tab holds a write token (the explorer was opened from the URL npm start printed). */
  canWrite: () => writeToken() !== null,
  async curate(body: CurateBody): Promise<CurateResponse> {
    return CurateResponse.parse(await call('POST', '/api/curation', body, true));
  },
  async history(link: { from: string; to: string; type: string }): Promise<CurationListResponse> {
    const q = new URLSearchParams(link).toString();
    return CurationListResponse.parse(await call('GET', `/api/curation?${q}`));
  },
  async rejectedLinks(ids: string[]): Promise<RejectedLinksResponse> {
    return RejectedLinksResponse.parse(await call('POST', '/api/curation/rejected-links', { ids }));
  },
};
