// GET /api/statements against the real Neo4j loaded with the default corpus: for every link the
// curated taxonomy adds, the papers that name both its ends, and their sentences naming each.
import { describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../../src/shared/api/common.js';
import { StatementsResponse } from '../../../src/shared/api/statements.js';
import { getFrom, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = ctx.db.session('READ');
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

describe('server/routes/statements', () => {
  describe('GET /api/statements', () => {
    it('should give every taxonomy fact the papers that name both its ends, with their sentences', async () => {
      const facts = await rows<{ from: string; to: string }>(
        "MATCH (a:Entity)-[r:BUILDS_ON {source: 'taxonomy'}]->(b:Entity) RETURN a.id AS from, b.id AS to ORDER BY from, to",
      );
      expect(facts.length).toBeGreaterThan(5);
      for (const { from, to } of facts) {
        const { status, body } = await get(`/api/statements?from=${from}&to=${to}`);
        expect(status).toBe(200);
        const answer = StatementsResponse.parse(body);
        expect(answer.total, `${from} -> ${to}`).toBeGreaterThan(0);
        expect(answer.statements.length).toBe(Math.min(answer.total, 5));
        for (const s of answer.statements) {
          const [paper] = await rows<{ text: string; ends: number }>(
            `MATCH (p:Paper {id: $id})
             RETURN p.title + ' ' + p.abstract AS text,
               COUNT { (p)-[:PROPOSES|USES|EVALUATED_ON]->(e:Entity) WHERE e.id IN [$from, $to] } AS ends`,
            { id: s.paper.id, from, to },
          );
          expect(Number(paper!.ends)).toBe(2);
          expect(s.sentences.length).toBeGreaterThan(0);
          for (const sentence of s.sentences) expect(paper!.text).toContain(sentence.replace(/\.\.\.$/, ''));
        }
      }
    }, 120_000);

    it('should list papers oldest first and cap them at the limit', async () => {
      const [hub] = await rows<{ from: string; to: string; papers: number }>(
        `MATCH (a:Entity)<-[:PROPOSES|USES]-(p:Paper)-[:PROPOSES|USES]->(b:Entity)
         WHERE a.id < b.id WITH a, b, count(DISTINCT p) AS papers WHERE papers >= 3
         RETURN a.id AS from, b.id AS to, papers ORDER BY papers DESC, from, to LIMIT 1`,
      );
      const answer = StatementsResponse.parse((await get(`/api/statements?from=${hub!.from}&to=${hub!.to}&limit=2`)).body);
      expect(answer.total).toBe(Number(hub!.papers));
      expect(answer.statements).toHaveLength(2);
      const years = answer.statements.map((s) => s.paper.year ?? 10_000);
      expect(years).toEqual([...years].sort((x, y) => x - y));
    });

    it('should answer 404 naming the parameter of an unknown node, and 400 for a malformed id', async () => {
      const missing = await get('/api/statements?from=method:knowledge-distillation&to=method:no-such-thing');
      expect(missing.status).toBe(404);
      expect(ErrorResponse.parse(missing.body).error.message).toMatch(/"method:no-such-thing" \(query parameter "to"\)/);
      const malformed = await get('/api/statements?from=knowledge&to=method:knowledge-distillation');
      expect(malformed.status).toBe(400);
      expect(ErrorResponse.parse(malformed.body).error.message).toMatch(/from/);
    });
  });
});
