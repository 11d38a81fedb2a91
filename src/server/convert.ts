// Converts Neo4j driver values (Integer, temporal, spatial, Node, Relationship, Path) into plain JSON
// and into the graph wire format of src/shared/graph.ts.
import neo4j, { type Node, type Relationship, type Path } from 'neo4j-driver';
import {
  isNodeLabel,
  isRelationshipType,
  NODE_LABELS,
  type NodeLabel,
  type Properties,
  type PropertyValue,
  type WireEdge,
  type WireGraph,
  type StoredNode,
  type WireNode,
} from '../shared/graph.js';

/** Any driver value as plain JSON: integers as numbers (strings beyond 2^53), temporals as ISO text. */
export function toPlain(value: unknown): PropertyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return String(value);
  }
  if (neo4j.isPoint(value)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (neo4j.isNode(value)) return nodeRef(value as Node);
  if (neo4j.isRelationship(value)) return edgeRef(value as Relationship);
  if (neo4j.isPath(value)) {
    const path = value as Path;
    // Its nodes in order, and each step's relationship type and whether it is walked along its direction.
    return {
      start: nodeId(path.start),
      end: nodeId(path.end),
      length: path.length,
      nodes: [path.start, ...path.segments.map((s) => s.end)].map(nodeRef),
      steps: path.segments.map((s) => ({ type: s.relationship.type, forward: s.relationship.startNodeElementId === s.start.elementId })),
    };
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
}

export function toProperties(props: Record<string, unknown>): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v);
  return out;
}

/** The node's wire label: the first whitelisted label it carries (Paper before Method, ...). */
export function nodeLabel(node: Node): NodeLabel {
  for (const label of NODE_LABELS) if (node.labels.includes(label)) return label;
  return (node.labels[0] ?? 'Concept') as NodeLabel;
}

/** The stable `id` property, or the element id for nodes that lack one (created by hand). */
export function nodeId(node: Node): string {
  const id = node.properties['id'];
  return typeof id === 'string' ? id : `element:${node.elementId}`;
}

export function nodeName(node: Node): string {
  const p = node.properties;
  const label = nodeLabel(node);
  const pick = label === 'Paper' ? p['title'] : label === 'Repository' ? p['url'] : p['name'];
  const name = pick ?? p['name'] ?? p['title'] ?? p['url'] ?? nodeId(node);
  return String(toPlain(name));
}

export function toWireNode(node: Node): StoredNode {
  return { id: nodeId(node), label: nodeLabel(node), name: nodeName(node), properties: toProperties(node.properties) };
}

/** How a node appears inside a table cell: enough to identify and show it. */
export function nodeRef(node: Node): { id: string; label: NodeLabel; name: string } {
  return { id: nodeId(node), label: nodeLabel(node), name: nodeName(node) };
}

function edgeRef(rel: Relationship): PropertyValue {
  const id = rel.properties['id'];
  return { id: typeof id === 'string' ? id : `element:${rel.elementId}`, type: rel.type };
}

/**
 * Maps a relationship to the wire format given the `id`s of its end nodes. A link curation rejected
 * is stored as REJECTED and travels as its own type, with `curation: "rejected"` (or "retargeted").
 */
export function toWireEdge(rel: Relationship, source: string, target: string): WireEdge {
  const id = rel.properties['id'];
  const curatedType = rel.properties['curatedType'];
  const type = rel.type === 'REJECTED' && typeof curatedType === 'string' ? curatedType : rel.type;
  return {
    id: typeof id === 'string' ? id : `${type}:${source}->${target}#${rel.elementId}`,
    type: type as WireEdge['type'],
    source,
    target,
    properties: toProperties(rel.properties),
  };
}

/**
 * Node properties only a node's own details need: the abstract and the topic step's term lists and
 * title key. A drawn graph (overview, neighbourhood, lineage, path) leaves them out, which keeps a
 * 2,000-node answer small; GET /api/nodes/:id returns them for the node asked about.
 */
export const DETAIL_ONLY_PROPERTIES: readonly string[] = ['abstract', 'terms', 'termCounts', 'titleKey'];

/**
 * Bookkeeping a drawn graph leaves out of its nodes as well: the ingest runs that wrote a node (its
 * details list them, read apart) and the search keys. With the copy of the wire `id` that every
 * stored node and link carries in its properties, they were about a quarter of an overview's bytes,
 * and the explorer reads none of them from a drawn graph.
 */
const BOOKKEEPING_PROPERTIES = ['runs', 'nameKey', 'aliasKeys'] as const;

/** What `leanNodeCypher` leaves out: everything a lean node lacks but the `id` its wire id is read from. */
const NOT_READ_FOR_LEAN: readonly string[] = [...DETAIL_ONLY_PROPERTIES, ...BOOKKEEPING_PROPERTIES];

/**
 * Cypher for node `v` as a map without the detail-only properties, for graphs that leave them out:
 * their values (a paper's abstract is most of its bytes) are then neither read from the store nor
 * sent. Null when `v` is null. Turn the map back into a node with `nodeFromLean`. `keep` names
 * bookkeeping properties the caller still reads (search ranks by the name key). The property names
 * spliced in are constants, never input.
 */
export function leanNodeCypher(v: string, keep: readonly (typeof BOOKKEEPING_PROPERTIES)[number][] = []): string {
  const notRead = NOT_READ_FOR_LEAN.filter((k) => !(keep as readonly string[]).includes(k))
    .map((k) => `'${k}'`)
    .join(', ');
  return `CASE WHEN ${v} IS NULL THEN null ELSE {eid: elementId(${v}), labels: labels(${v}), props: [k IN keys(${v}) WHERE NOT k IN [${notRead}] | [k, ${v}[k]]]} END`;
}

interface LeanNodeMap {
  eid: string;
  labels: string[];
  props: [string, unknown][];
}

/** A node built from `leanNodeCypher`'s map (a node passes through unchanged). */
export function nodeFromLean(value: unknown): Node {
  if (neo4j.isNode(value as object)) return value as Node;
  const m = value as LeanNodeMap;
  return new neo4j.types.Node(neo4j.int(-1), m.labels, Object.fromEntries(m.props), m.eid) as Node;
}

/** Drops the detail-only and bookkeeping properties and the copy of the id from a wire node (in place) and returns it. */
export function leanNode(node: WireNode): WireNode {
  for (const key of NOT_READ_FOR_LEAN) delete node.properties[key];
  delete node.properties['id'];
  return node;
}

/** Drops the ingest runs and the copy of the id from a wire link (in place) and returns it. */
export function leanEdge(edge: WireEdge): WireEdge {
  delete edge.properties['runs'];
  delete edge.properties['id'];
  return edge;
}

/** The graph with every node lean except `keep` (the node whose details were asked for), and every link lean. */
export function leanGraph(graph: WireGraph, keep?: string): WireGraph {
  for (const node of graph.nodes) if (node.id !== keep) leanNode(node);
  for (const edge of graph.edges) leanEdge(edge);
  return graph;
}

/**
 * Collects the nodes, relationships and paths found anywhere in some values into one wire graph.
 * Relationships whose end nodes were not among the values are returned in `missing` (element ids)
 * so the caller can fetch those nodes and finish the graph with `complete`.
 */
export class GraphCollector {
  private readonly nodes = new Map<string, Node>();
  private readonly rels = new Map<string, Relationship>();

  add(value: unknown): void {
    if (value === null || value === undefined || typeof value !== 'object') return;
    if (neo4j.isNode(value)) {
      const node = value as Node;
      this.nodes.set(node.elementId, node);
    } else if (neo4j.isRelationship(value)) {
      const rel = value as Relationship;
      this.rels.set(rel.elementId, rel);
    } else if (neo4j.isPath(value)) {
      const path = value as Path;
      this.add(path.start);
      for (const segment of path.segments) {
        this.add(segment.end);
        this.add(segment.relationship);
      }
    } else if (Array.isArray(value)) {
      for (const v of value) this.add(v);
    } else if (!neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) this.add(v);
    }
  }

  addNodes(nodes: Iterable<Node>): void {
    for (const node of nodes) this.nodes.set(node.elementId, node);
  }

  /** Element ids of relationship end nodes not collected yet. */
  missing(): string[] {
    const out = new Set<string>();
    for (const rel of this.rels.values()) {
      if (!this.nodes.has(rel.startNodeElementId)) out.add(rel.startNodeElementId);
      if (!this.nodes.has(rel.endNodeElementId)) out.add(rel.endNodeElementId);
    }
    return [...out];
  }

  /**
   * The wire graph of what was collected. Only nodes with a label and relationships with a type of
   * the wire format's whitelists are drawn (bookkeeping such as :IngestRun stays in a query's table).
   */
  graph(): WireGraph {
    const drawn = [...this.nodes.values()].filter((node) => node.labels.some(isNodeLabel));
    const nodes = drawn.map(toWireNode);
    const idOf = new Map<string, string>();
    for (const node of drawn) idOf.set(node.elementId, nodeId(node));
    const edges: WireEdge[] = [];
    for (const rel of this.rels.values()) {
      if (!isRelationshipType(rel.type)) continue;
      const source = idOf.get(rel.startNodeElementId);
      const target = idOf.get(rel.endNodeElementId);
      if (source && target) edges.push(toWireEdge(rel, source, target));
    }
    return { nodes, edges };
  }
}
