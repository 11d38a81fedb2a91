// Attribute types of the explorer's graphology graph and sigma renderer, and the colours
// used for node labels and relationship types.
import type { MultiDirectedGraph } from 'graphology';
import type { BuildsOnKind, Properties, RelationshipType, WireLabel } from '../shared/graph.js';

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** A longer label shown while the node is hovered or selected (a cluster's leading names). */
  focusLabel?: string;
  kind: WireLabel;
  year: number | null;
  community?: number;
  fixed?: boolean;
  properties: Properties;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  type?: string;
  label?: string;
  relType: RelationshipType;
  properties: Properties;
}

/** The graph a mounted explorer draws: one per mount, changed in place, never recreated. */
export type ExplorerGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export const LABEL_COLORS: Record<WireLabel, string> = {
  Paper: '#5b8def',
  Method: '#e8833a',
  Architecture: '#c0392b',
  Dataset: '#2e9e6a',
  Concept: '#9b7fd1',
  Repository: '#6c7a89',
  Author: '#c9a227',
  /** A group of ideas drawn as one node: a pale disc with a ring, so it never reads as one idea. */
  Cluster: '#cbd5e1',
};

export const TYPE_COLORS: Record<RelationshipType, string> = {
  PROPOSES: '#efb98a',
  USES: '#f3dcc6',
  BUILDS_ON: '#c0392b',
  EVALUATED_ON: '#b5e0c9',
  HAS_CODE: '#c9d0d8',
  MENTIONS: '#e6def5',
  SIMILAR_TO: '#c8d7f8',
  CITES: '#9fb6e8',
  AUTHORED_BY: '#eee2b5',
};

export const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#8cd17d',
  '#86bcb6',
  '#d4a6c8',
];

/** Lineage links coloured by what they say about their ends (BUILDS_ON kinds). */
export const KIND_COLORS: Record<BuildsOnKind, string> = {
  extends: '#c0392b',
  variant: '#8e44ad',
  component: '#2874a6',
  combines: '#d68910',
  adapts: '#17a589',
  distilled: '#566573',
};

/** Colour of lineage links whose kind is not recorded. */
export const UNKNOWN_KIND_COLOR = '#9ca3af';
