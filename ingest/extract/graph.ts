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

export function edge(type: RelationshipType, source: string, target: string, props: EvidenceProps, suffix?: string): WireEdge {
  const properties: Properties = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) properties[k] = v;
  properties.confidence = Math.round(props.confidence * 100) / 100;
  return { id: `${type}:${source}->${target}${suffix ? `@${suffix}` : ''}`, type, source, target, properties };
}

const UNION_KEYS = new Set(['aliases', 'sources']);

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
        if (UNION_KEYS.has(k) && Array.isArray(v)) {
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
