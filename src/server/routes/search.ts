// GET /api/search?q=&labels=&limit=: ranked full-text search over names, aliases, titles and
// abstracts that also matches prefixes, for autocomplete.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { search } from '../db/reads/index.js';
import { normalizedText, toLuceneQuery } from '../lucene.js';
import { intIn, labelList, parseInput } from '../validation.js';
import type { RouteContext } from './context.js';

const SearchQuery = z.strictObject({
  q: z
    .string({ error: 'is required: the text to search for, e.g. q=mamba' })
    .trim()
    .min(1, { error: 'must not be empty: the text to search for, e.g. q=mamba' })
    .max(200, { error: 'must be at most 200 characters' }),
  labels: labelList,
  limit: intIn(1, 100, 20),
});

export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/search', async (request) => {
    const where = 'GET /api/search';
    const { q, labels, limit } = parseInput(SearchQuery, request.query, where, 'query parameter');
    const lucene = toLuceneQuery(q);
    const results = lucene ? await search(ctx.db, lucene, normalizedText(q), labels, limit, ctx.limits.timeoutMs) : [];
    return { query: q, labels, limit, results };
  });
}
