// The links of the collected graph that the in-memory reference and importance steps read back:
// who proposes, uses or evaluates on which method, architecture or dataset, and BUILDS_ON between
// ideas. Kept as the relationships are written, in the order they were written.
import type { NodeLabel, RelationshipType } from '../../../src/shared/graph.js';

export const IDEA_LABELS: ReadonlySet<NodeLabel> = new Set<NodeLabel>(['Method', 'Architecture', 'Dataset']);
const LINEAGE_LABELS: ReadonlySet<NodeLabel> = new Set<NodeLabel>(['Method', 'Architecture']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class IdeaLinks {
  /** Idea id -> papers that propose it, in the order the links were written. */
  readonly proposers = new Map<string, string[]>();
  /** Paper id -> ideas it proposes. */
  readonly proposed = new Map<string, string[]>();
  /** Paper id -> ideas it uses or evaluates on. */
  readonly used = new Map<string, string[]>();
  /** Idea id -> relationships from papers (PROPOSES, USES, EVALUATED_ON). */
  readonly papers = new Map<string, number>();
  /** [child, parent] of every BUILDS_ON between methods and architectures, repeats included. */
  readonly builds: [string, string][] = [];
  private readonly proposals = new Set<string>();

  track(type: RelationshipType, source: NodeLabel, target: NodeLabel, from: string, to: string): void {
    if (type === 'BUILDS_ON') {
      if (LINEAGE_LABELS.has(source) && LINEAGE_LABELS.has(target)) this.builds.push([from, to]);
      return;
    }
    if (source !== 'Paper' || !IDEA_LABELS.has(target)) return;
    if (type === 'PROPOSES') {
      push(this.proposers, to, from);
      push(this.proposed, from, to);
      this.proposals.add(`${from}\u0000${to}`);
    } else if (type === 'USES' || type === 'EVALUATED_ON') {
      push(this.used, from, to);
    } else {
      return;
    }
    this.papers.set(to, (this.papers.get(to) ?? 0) + 1);
  }

  proposes(paper: string, idea: string): boolean {
    return this.proposals.has(`${paper}\u0000${idea}`);
  }
}
