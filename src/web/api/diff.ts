// The explorer's call of GET /api/diff: the answer is parsed with the shared contract, so a shape the
// contract does not allow is a clear error naming the endpoint rather than a half-drawn comparison.
import { DiffResponse } from '../../shared/api/diff.js';
import { ApiError, request } from './client.js';

export async function fetchDiff(a: string, b: string, depth?: number): Promise<DiffResponse> {
  const p = new URLSearchParams({ a, b });
  if (depth !== undefined) p.set('depth', String(depth));
  const json = await request<unknown>('GET', `/api/diff?${p.toString()}`);
  const parsed = DiffResponse.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ApiError(`web/api: GET /api/diff answered outside the API contract at ${issue.path.join('.') || 'the answer'}: ${issue.message}`, 200, 'BAD_RESPONSE');
}
