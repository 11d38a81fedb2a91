// Node CSV files for Neo4j's importer: one file per label, split further only where a property has
// values of different types (the importer types a column once, in its header).
import { join } from 'node:path';
import type { Neo4jValue } from '../param-rows.js';
import { ARRAY_DELIMITER, CsvFile, csvField, csvType, hasLineBreak, quote, type CsvType } from './csv.js';

/** One group of CSV files for the importer: the header file first when there is one, then the body. */
export interface CsvGroup {
  kind: 'nodes' | 'relationships';
  files: string[];
  rows: number;
}

/** A node to write: its id and every other property it ends up with. */
export interface NodeEntry {
  id: string;
  props: Record<string, Neo4jValue>;
}

function field(value: Neo4jValue | undefined, where: string): string {
  try {
    return csvField(value);
  } catch (err) {
    throw new Error(`ingest/load/bulk: ${where}: ${(err as Error).message}; load without --bulk`, { cause: err });
  }
}

/** Groups entries by the types of the properties whose type varies, so each group has one typed header. */
function partition(entries: NodeEntry[]): NodeEntry[][] {
  const seen = new Map<string, Set<CsvType>>();
  for (const { props } of entries) {
    for (const [k, v] of Object.entries(props)) {
      let set = seen.get(k);
      if (!set) seen.set(k, (set = new Set()));
      set.add(csvType(v));
    }
  }
  const mixed = [...seen].filter(([, types]) => types.size > 1).map(([k]) => k);
  if (mixed.length === 0) return [entries];
  const parts = new Map<string, NodeEntry[]>();
  for (const entry of entries) {
    const signature = mixed.map((k) => (k in entry.props ? csvType(entry.props[k]!) : '')).join(',');
    let part = parts.get(signature);
    if (!part) parts.set(signature, (part = []));
    part.push(entry);
  }
  return [...parts.values()];
}

/**
 * Writes the nodes of one id space (`name`, also the ID group the relationship files refer to)
 * with `labels`; returns the file groups and whether some value holds a line break.
 */
export async function writeNodeFiles(
  dir: string,
  name: string,
  labels: string[],
  entries: NodeEntry[],
): Promise<{ groups: CsvGroup[]; multiline: boolean }> {
  const groups: CsvGroup[] = [];
  let multiline = false;
  // The importer splits :LABEL on the array delimiter, as it splits lists.
  const labelField = labels.join(ARRAY_DELIMITER);
  for (const [n, part] of partition(entries).entries()) {
    const columns = new Map<string, CsvType>();
    for (const { props } of part) for (const [k, v] of Object.entries(props)) if (!columns.has(k)) columns.set(k, csvType(v));
    const keys = [...columns.keys()].sort();
    const file = new CsvFile(join(dir, `nodes-${name}-${n}.csv`));
    await file.line([`id:ID(${name})`, ':LABEL', ...keys.map((k) => `${k}:${columns.get(k)}`)].join(','));
    for (const { id, props } of part) {
      const fields = [quote(id), labelField];
      if (!multiline && hasLineBreak(id)) multiline = true;
      for (const k of keys) {
        const value = props[k];
        if (value !== undefined && !multiline && hasLineBreak(value)) multiline = true;
        fields.push(field(value, `${name} node ${id}, property ${k}`));
      }
      if (file.push(fields.join(','))) await file.flush();
    }
    await file.close();
    groups.push({ kind: 'nodes', files: [file.path], rows: part.length });
  }
  return { groups, multiline };
}
