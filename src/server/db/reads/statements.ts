// GET /api/statements: the papers that name both ends of a link, oldest first, with the sentences
// (the evidence of their PROPOSES / USES / EVALUATED_ON links) in which they name each end.
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toPlain } from '../../convert.js';
import type { Statement, StatementsResponse } from '../../../shared/api/statements.js';
import { int } from './locate.js';

const ENDS = `OPTIONAL MATCH (a:Entity {id: $from}) OPTIONAL MATCH (b:Entity {id: $to})
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo`;

const STATEMENTS = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH (a)<-[ra:PROPOSES|USES|EVALUATED_ON]-(p:Paper)-[rb:PROPOSES|USES|EVALUATED_ON]->(b)
WITH p, collect(DISTINCT ra.evidence) AS aSentences, collect(DISTINCT rb.evidence) AS bSentences
ORDER BY coalesce(p.year, 10000), p.id
WITH collect({id: p.id, title: p.title, year: p.year, sentences: aSentences + bSentences}) AS papers
RETURN papers[0..$limit] AS statements, size(papers) AS total`;

interface Row {
  id: string;
  title: string;
  year: number | null;
  sentences: (string | null)[];
}

export async function linkStatements(
  db: Database,
  from: string,
  to: string,
  limit: number,
  timeoutMs?: number,
): Promise<StatementsResponse | { missing: 'from' | 'to' }> {
  return readTx(
    db,
    async (tx) => {
      const ends = (await tx.run(ENDS, { from, to })).records[0]!;
      if (!ends.get('hasFrom')) return { missing: 'from' as const };
      if (!ends.get('hasTo')) return { missing: 'to' as const };
      const record = (await tx.run(STATEMENTS, { from, to, limit: int(limit) })).records[0];
      const rows = (record ? toPlain(record.get('statements')) : []) as unknown as Row[];
      const statements: Statement[] = rows.map((r) => ({
        paper: { id: r.id, title: r.title, ...(typeof r.year === 'number' ? { year: r.year } : {}) },
        sentences: [...new Set(r.sentences.filter((s): s is string => typeof s === 'string' && s !== ''))],
      }));
      return { from, to, statements, total: record ? (toPlain(record.get('total')) as number) : 0 };
    },
    timeoutMs,
  );
}
