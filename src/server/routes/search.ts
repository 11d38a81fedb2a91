// GET /api/search?q=&labels=&limit=: names and aliases (exact, then prefix; ideas first), then
// full-text and fuzzy matches over names, titles and abstracts, for autocomplete.
import type { FastifyInstance } from 'fastify';
import { search } from '../db/reads/index.js';
import { searchTerms, toLuceneQuery } from '../lucene.js';
import { parseInput } from '../validation.js';
import { SearchQuery, type SearchResponse } from '../../shared/api/search.js';
import type { RouteContext } from './context.js';

export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/search', async (request): Promise<SearchResponse> => {
    const where = 'GET /api/search';
    const { q, labels, limit } = parseInput(SearchQuery, request.query, where, 'query parameter');
    const lucene = toLuceneQuery(q);
    const results = lucene ? await search(ctx.db, lucene, searchTerms(q), labels, limit, ctx.limits.timeoutMs) : [];
    return { query: q, labels, limit, results };
  });
}
