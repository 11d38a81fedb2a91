// Pure helpers for search-as-you-type: when to ask the API, and how to move the highlighted
// suggestion with the arrow keys.
export const MIN_QUERY_LENGTH = 2;

export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

export function shouldSearch(q: string): boolean {
  return normalizeQuery(q).length >= MIN_QUERY_LENGTH;
}

/** Next active index for ArrowDown (+1) / ArrowUp (-1), wrapping; -1 when there is nothing. */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}
