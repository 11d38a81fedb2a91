// EXPLAINs every statement the API ran and lists the operators that read a whole label or the
// whole store (NodeByLabelScan, AllNodesScan and their relatives): the bench fails on any of them.
import type { Database } from '../../src/neo4j/driver.js';
import type { Statement } from './record.js';

export const SCAN_OPERATORS =
  /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan)(@.*)?$/;

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

function operators(plan: PlanNode, out: string[] = []): string[] {
  out.push(plan.operatorType);
  for (const child of plan.children ?? []) operators(child, out);
  return out;
}

export interface ScanFinding {
  endpoint: string;
  operator: string;
  query: string;
}

/** EXPLAIN (plans only, nothing runs) each distinct statement once. */
export async function findScans(
  db: Database,
  statements: { endpoint: string; statement: Statement }[],
): Promise<{ checked: number; findings: ScanFinding[] }> {
  const seen = new Set<string>();
  const findings: ScanFinding[] = [];
  const session = db.session('READ');
  try {
    for (const { endpoint, statement } of statements) {
      if (seen.has(statement.query)) continue;
      seen.add(statement.query);
      const result = await session.run(`EXPLAIN ${statement.query}`, statement.params);
      const plan = result.summary.plan as unknown as PlanNode | false;
      if (!plan) continue;
      for (const op of operators(plan)) {
        if (SCAN_OPERATORS.test(op)) findings.push({ endpoint, operator: op.replace(/@.*$/, ''), query: statement.query });
      }
    }
  } finally {
    await session.close();
  }
  return { checked: seen.size, findings };
}
