// A titled list of a node's neighbours along one relationship type, with the evidence of each link
// where it matters; shared by the paper and entity details.
import type { WireEdge, WireNode } from '../../shared/graph.js';
import type { NodeResponse } from '../api/client.js';
import { showEdge } from '../actions.js';
import { NodeLink } from './NodeLink.js';
import { useRuntime } from '../runtime/context.js';

export const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
export const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface Related {
  edge: WireEdge;
  node: WireNode;
}

/** The nodes at the other end of the node's edges (the node itself left out), by id. */
export function neighboursById(details: NodeResponse): Map<string, WireNode> {
  return new Map(details.graph.nodes.filter((n) => n.id !== details.node.id).map((n) => [n.id, n]));
}

export function related(details: NodeResponse, type: string, direction: 'out' | 'in'): Related[] {
  const byId = neighboursById(details);
  const out: Related[] = [];
  const seen = new Set<string>();
  for (const e of details.graph.edges) {
    if (e.type !== type) continue;
    const otherId = direction === 'out' ? (e.source === details.node.id ? e.target : null) : e.target === details.node.id ? e.source : null;
    if (!otherId) continue;
    const node = byId.get(otherId);
    if (!node || seen.has(`${otherId}|${e.properties.paperId ?? ''}`)) continue;
    seen.add(`${otherId}|${e.properties.paperId ?? ''}`);
    out.push({ edge: e, node });
  }
  return out;
}

/** A type and direction of links, as in a node's counts. */
export type LinkKind = readonly [type: string, direction: 'out' | 'in'];

/** How many links of these kinds the node has (from its counts), and how many its details carry. */
function linkTotals(details: NodeResponse, kinds: readonly LinkKind[]): { total: number; listed: number } {
  const id = details.node.id;
  const total = kinds.reduce(
    (sum, [type, direction]) => sum + (details.counts.find((c) => c.type === type && c.direction === direction)?.count ?? 0),
    0,
  );
  const listed = details.graph.edges.filter((e) =>
    kinds.some(([type, direction]) => e.type === type && (direction === 'out' ? e.source === id : e.target === id)),
  ).length;
  return { total, listed };
}

/**
 * The node's neighbours along some kinds of links. The API lists a capped number of each kind (a hub
 * has thousands); the heading then says how many there are, and a line how many are not listed.
 */
export function RelatedList({
  title,
  details,
  kinds,
  evidence = false,
}: {
  title: string;
  details: NodeResponse;
  kinds: readonly LinkKind[];
  evidence?: boolean;
}) {
  const rt = useRuntime();
  const items = kinds.flatMap(([type, direction]) => related(details, type, direction));
  if (items.length === 0) return null;
  const { total, listed } = linkTotals(details, kinds);
  const capped = listed < total;
  return (
    <section className="related">
      <h3>
        {title} <span className="count">{capped ? `${items.length} of ${total.toLocaleString('en')}` : items.length}</span>
      </h3>
      <ul>
        {items.map(({ edge, node }) => (
          <li key={edge.id}>
            <NodeLink id={node.id} name={node.name} label={node.label} />
            {node.label === 'Paper' && typeof node.properties.year === 'number' && <span className="muted"> ({node.properties.year})</span>}
            {evidence && str(edge.properties.evidence) && (
              <blockquote className="evidence">
                “{str(edge.properties.evidence)}”{' '}
                <button
                  type="button"
                  className="link small"
                  onClick={() => showEdge(rt, edge, node)}
                  aria-label={`Details of the link to ${node.name}`}
                >
                  details
                </button>
              </blockquote>
            )}
          </li>
        ))}
      </ul>
      {capped && <p className="muted small">{(total - listed).toLocaleString('en')} more not listed</p>}
    </section>
  );
}
