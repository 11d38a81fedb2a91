// Turns wire-format nodes and edges into Neo4j parameter rows: property values Neo4j can store
// (no nulls, maps or mixed lists; years as integers), endpoint labels, title keys.
import neo4j from 'neo4j-driver';
import { UNION_KEYS } from '../extract/graph.js';
import { titleKey } from '../extract/paper-identity.js';
import { type PropertyValue, type WireEdge, type WireNode } from '../../src/shared/graph.js';

export { titleKey };

export type Neo4jValue = string | number | boolean | ReturnType<typeof neo4j.int> | string[] | number[] | boolean[];

/** Properties stored as integers (JS numbers would be sent as floats). */
const INTEGER_KEYS = new Set(['year', 'introducedYear']);

export { labelOfId } from '../../src/shared/graph.js';

function scalar(value: PropertyValue): string | number | boolean | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (value === null) return undefined;
  return JSON.stringify(value);
}

/** A value Neo4j can store, or undefined to leave the property out. */
export function toNeo4j(key: string, value: PropertyValue | undefined): Neo4jValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(scalar).filter((v): v is string | number | boolean => v !== undefined);
    if (items.length === 0) return undefined;
    const kind = typeof items[0];
    return items.every((v) => typeof v === kind) ? (items as string[] | number[] | boolean[]) : items.map(String);
  }
  const v = scalar(value);
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'number' && INTEGER_KEYS.has(key) && Number.isSafeInteger(v)) return neo4j.int(v);
  return v;
}

export interface NodeRow {
  id: string;
  props: Record<string, Neo4jValue>;
  aliases: string[];
  sources: string[];
  /** Paper identity keys, for resolution against existing papers. */
  arxivId?: string;
  doi?: string;
  titleKey?: string;
}

function strings(value: PropertyValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function nodeRow(node: WireNode): NodeRow {
  const props: Record<string, Neo4jValue> = {};
  for (const [key, value] of Object.entries(node.properties)) {
    if (key === 'id' || UNION_KEYS.includes(key)) continue;
    const v = toNeo4j(key, value);
    if (v !== undefined) props[key] = v;
  }
  if (node.name) props.name = node.name;
  const row: NodeRow = { id: node.id, props, aliases: strings(node.properties.aliases), sources: strings(node.properties.sources) };
  if (node.label === 'Paper') {
    const title = typeof props.title === 'string' ? props.title : node.name;
    if (!props.title && title) props.title = title;
    const key = typeof props.titleKey === 'string' && props.titleKey ? props.titleKey : titleKey(title ?? '');
    if (key) props.titleKey = row.titleKey = key;
    if (typeof props.arxivId === 'string') row.arxivId = props.arxivId;
    if (typeof props.doi === 'string') row.doi = props.doi.toLowerCase();
  }
  return row;
}

/** Merges a later row for the same node into an earlier one: lists unioned, first value wins. */
export function mergeRows(into: NodeRow, from: NodeRow): void {
  for (const [key, value] of Object.entries(from.props)) if (!(key in into.props)) into.props[key] = value;
  for (const a of from.aliases) if (!into.aliases.includes(a)) into.aliases.push(a);
  for (const s of from.sources) if (!into.sources.includes(s)) into.sources.push(s);
  into.arxivId ??= from.arxivId;
  into.doi ??= from.doi;
  into.titleKey ??= from.titleKey;
}

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  props: Record<string, Neo4jValue>;
}

export function edgeRow(edge: WireEdge): EdgeRow {
  const props: Record<string, Neo4jValue> = {};
  for (const [key, value] of Object.entries(edge.properties)) {
    if (key === 'id') continue;
    const v = toNeo4j(key, value);
    if (v !== undefined) props[key] = v;
  }
  return { id: edge.id, source: edge.source, target: edge.target, props };
}
