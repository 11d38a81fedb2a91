// Builders for wire-format nodes and edges produced by extraction, and the merge rule for combined
// output (same node id -> union of aliases/sources, first non-empty value wins; first edge per id wins).
import type { NodeLabel, Properties, PropertyValue, RelationshipType, WireEdge, WireGraph, WireNode } from '../../src/shared/graph.js';

export function node(id: string, label: NodeLabel, name: string, properties: Record<string, PropertyValue | undefined>): WireNode {
  const props: Properties = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined) props[k] = v;
  return { id, label, name, properties: props };
}

export interface EvidenceProps {
  evidence: string;
  paperId?: string;
  confidence: number;
  extractor: string;
  [key: string]: PropertyValue | undefined;
}

/** An edge's id: `TYPE:source->target`, with `@paperId` for links that each paper states on its own (BUILDS_ON). */
export function edgeId(type: string, source: string, target: string, paperId?: string): string {
  return `${type}:${source}->${target}${paperId ? `@${paperId}` : ''}`;
}

/** An extracted edge; `perPaper` gives it an id of its own per stating paper (`props.paperId`). */
export function edge(type: RelationshipType, source: string, target: string, props: EvidenceProps, perPaper = false): WireEdge {
  const properties: Properties = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) properties[k] = v;
  properties.confidence = Math.round(props.confidence * 100) / 100;
  return { id: edgeId(type, source, target, perPaper ? props.paperId : undefined), type, source, target, properties };
}

/** List properties unioned when two records of the same node meet (here and when the loader merges), not first-value-wins. */
export const UNION_KEYS: readonly string[] = ['aliases', 'sources'];

function isEmpty(value: PropertyValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Merges graphs: nodes by id (aliases and sources unioned, first non-empty value wins), edges by id. */
export function mergeGraphs(graphs: Iterable<WireGraph>): WireGraph {
  const nodes = new Map<string, WireNode>();
  const edges = new Map<string, WireEdge>();
  for (const g of graphs) {
    for (const n of g.nodes) {
      const prev = nodes.get(n.id);
      if (!prev) {
        nodes.set(n.id, { ...n, properties: { ...n.properties } });
        continue;
      }
      if (!prev.name && n.name) prev.name = n.name;
      for (const [k, v] of Object.entries(n.properties)) {
        const old = prev.properties[k];
        if (UNION_KEYS.includes(k) && Array.isArray(v)) {
          const list = Array.isArray(old) ? [...old] : [];
          for (const item of v) if (!list.includes(item)) list.push(item);
          prev.properties[k] = list;
        } else if (isEmpty(old) && !isEmpty(v)) prev.properties[k] = v;
      }
    }
    for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
