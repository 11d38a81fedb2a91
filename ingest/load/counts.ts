// Load counts (nodes by label, relationships by type, new vs already present) and the summary
// table the CLI prints at the end of an ingest.
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../src/shared/graph.js';

export interface Tally {
  /** Rows that created a node or relationship. */
  created: number;
  /** Rows that matched one already stored (or already written earlier in this run). */
  present: number;
  /** Relationship rows whose endpoints were not in the graph (not written). */
  skipped: number;
}

export interface LoadCounts {
  nodes: Record<NodeLabel, Tally>;
  relationships: Record<RelationshipType, Tally>;
  /** Write transactions committed. */
  batches: number;
}

const tally = (): Tally => ({ created: 0, present: 0, skipped: 0 });

export function emptyCounts(): LoadCounts {
  return {
    nodes: Object.fromEntries(NODE_LABELS.map((l) => [l, tally()])) as Record<NodeLabel, Tally>,
    relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, tally()])) as Record<RelationshipType, Tally>,
    batches: 0,
  };
}

export function addCounts(into: LoadCounts, from: LoadCounts): void {
  for (const l of NODE_LABELS) addTally(into.nodes[l], from.nodes[l]);
  for (const t of RELATIONSHIP_TYPES) addTally(into.relationships[t], from.relationships[t]);
  into.batches += from.batches;
}

function addTally(into: Tally, from: Tally): void {
  into.created += from.created;
  into.present += from.present;
  into.skipped += from.skipped;
}

export function totals(counts: LoadCounts): { nodes: Tally; relationships: Tally } {
  const nodes = tally();
  const relationships = tally();
  for (const l of NODE_LABELS) addTally(nodes, counts.nodes[l]);
  for (const t of RELATIONSHIP_TYPES) addTally(relationships, counts.relationships[t]);
  return { nodes, relationships };
}

/** A plain-text table: one row per label and type that occurred, then totals. */
export function formatCounts(counts: LoadCounts, dryRun = false): string {
  const header = ['', 'new', dryRun ? 'merged' : 'already present', 'skipped'];
  const rows: string[][] = [];
  const add = (name: string, t: Tally) => rows.push([name, String(t.created), String(t.present), t.skipped ? String(t.skipped) : '']);
  const sum = totals(counts);
  rows.push(['Nodes', '', '', '']);
  for (const l of NODE_LABELS) {
    const t = counts.nodes[l];
    if (t.created || t.present || t.skipped) add(`  ${l}`, t);
  }
  add('  total', sum.nodes);
  rows.push(['Relationships', '', '', '']);
  for (const r of RELATIONSHIP_TYPES) {
    const t = counts.relationships[r];
    if (t.created || t.present || t.skipped) add(`  ${r}`, t);
  }
  add('  total', sum.relationships);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
