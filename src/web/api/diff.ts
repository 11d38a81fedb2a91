// The explorer's call of GET /api/diff: the answer is parsed with the shared contract, so a shape the
// contract does not allow is a clear error naming the endpoint rather than a half-drawn comparison.
import { DiffResponse } from '../../shared/api/diff.js';
import { request } from './client.js';

export async function fetchDiff(a: string, b: string, depth?: number): Promise<DiffResponse> {
  const p = new URLSearchParams({ a, b });
  if (depth !== undefined) p.set('depth', String(depth));
  return request(DiffResponse, 'GET', `/api/diff?${p.toString()}`);
}
