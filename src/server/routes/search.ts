// GET /api/search?q=&labels=&limit=: names and aliases (exact, then prefix; ideas first), then
// full-text and fuzzy matches over names, titles and abstracts, for autocomplete.
import type { FastifyInstance } from 'fastify';
import { NameIndexReader, Searcher } from '../db/reads/index.js';
import { searchTerms, toLuceneQuery } from '../lucene.js';
import { parseInput } from '../validation.js';
import { SearchQuery, type SearchResponse } from '../../shared/api/search.js';
import type { RouteContext } from './context.js';

export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const names = new NameIndexReader(ctx.db, ctx.graphState, (error) =>
    app.log.warn({ err: error }, 'methodgraph: building the search name index failed; search reads Neo4j until the next try'),
  );
  const searcher = new Searcher(ctx.db, names);
  // Built once the server is ready, so the first searches need not wait for it (they read Neo4j until then).
  app.addHook('onReady', async () => {
    names
      .index(ctx.limits.timeoutMs)
      .catch((error: unknown) => app.log.warn({ err: error }, 'methodgraph: reading the graph state for the search index failed'));
  });
  app.get('/api/search', async (request): Promise<SearchResponse> => {
    const where = 'GET /api/search';
    const { q, labels, limit } = parseInput(SearchQuery, request.query, where, 'query parameter');
    const lucene = toLuceneQuery(q);
    const results = lucene ? await searcher.search(lucene, searchTerms(q), labels, limit, ctx.limits.timeoutMs) : [];
    return { query: q, labels, limit, results };
  });
}
