// The graph wire format (DESIGN.md) shared by ingest's --json export, the API and the explorer,
// with the whitelists of node labels and relationship types.

export const NODE_LABELS = ['Paper', 'Method', 'Architecture', 'Dataset', 'Concept', 'Repository', 'Author'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/**
 * Labels a wire node can carry: the database's, and `Cluster`, a community of ideas the large
 * overview draws as one node (no such node is stored; GET /api/communities/:community opens it).
 */
export const WIRE_LABELS = [...NODE_LABELS, 'Cluster'] as const;
export type WireLabel = (typeof WIRE_LABELS)[number];

const CLUSTER_ID = /^cluster:(\d+)$/;

/** The id of the cluster node standing for community `community`. */
export function clusterNodeId(community: number): string {
  return `cluster:${community}`;
}

/** The community a cluster node's id stands for, or null for any other id. */
export function communityOfClusterId(id: string): number | null {
  const m = CLUSTER_ID.exec(id);
  return m ? Number(m[1]) : null;
}

export const RELATIONSHIP_TYPES = [
  'PROPOSES',
  'USES',
  'BUILDS_ON',
  'EVALUATED_ON',
  'HAS_CODE',
  'MENTIONS',
  'SIMILAR_TO',
  'CITES',
  'AUTHORED_BY',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * What a BUILDS_ON link says about its two ends (definitions in the annotation guideline):
 * extends (improves, modifies, generalises), variant (a kind, instance or version of a family),
 * component (built from its own or a prior named part), combines (joins two or more prior methods),
 * adapts (brings a method to a new domain or modality), distilled (derived by distillation or fine-tuning).
 */
export const BUILDS_ON_KINDS = ['extends', 'variant', 'component', 'combines', 'adapts', 'distilled'] as const;
export type BuildsOnKind = (typeof BUILDS_ON_KINDS)[number];

export type PropertyValue = string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };
export type Properties = Record<string, PropertyValue>;

export interface WireNode {
  id: string;
  label: WireLabel;
  /** Title for papers, URL for repositories, name otherwise. */
  name: string;
  properties: Properties;
}

/** A wire node read from the database: never a cluster. */
export type StoredNode = WireNode & { label: NodeLabel };

export interface WireEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Properties;
}

export interface WireGraph {
  nodes: WireNode[];
  edges: WireEdge[];
}

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isWireLabel(value: string): value is WireLabel {
  return (WIRE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** The label each id prefix stands for (`paper:`, `method:`, `repo:` ...): the shared id contract. */
const ID_PREFIX_LABEL: Record<string, NodeLabel> = {
  paper: 'Paper',
  method: 'Method',
  architecture: 'Architecture',
  dataset: 'Dataset',
  concept: 'Concept',
  repo: 'Repository',
  author: 'Author',
};

/** The label a node id implies by its prefix, or undefined for an id outside the contract. */
export function labelOfId(id: string): NodeLabel | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? ID_PREFIX_LABEL[id.slice(0, colon)] : undefined;
}
