// AUTHORED_BY: the authors the source record lists.
import { edge, node } from '../graph.js';
import { slug } from '../keys.js';
import type { PaperContext } from './context.js';

export function authorsStep(p: PaperContext): void {
  for (const author of p.record.authors ?? []) {
    const name = author.replace(/\s+/g, ' ').trim();
    const aslug = slug(name);
    if (!aslug) continue;
    p.nodes.push(node(`author:${aslug}`, 'Author', name, { name }));
    p.edges.push(
      edge('AUTHORED_BY', p.pid, `author:${aslug}`, {
        evidence: `author list of ${p.record.source}`,
        paperId: p.pid,
        confidence: 1,
        extractor: 'source-metadata',
      }),
    );
  }
}
