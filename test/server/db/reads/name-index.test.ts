// The search's name index on its own (no Neo4j): which ideas a typed prefix finds, through names and
// aliases, each once, within the asked labels, and how far one search scans.
import { describe, expect, it } from 'vitest';
import { indexedIdea, MAX_SCANNED, NameIndex } from '../../../../src/server/db/reads/name-index.js';
import type { NodeLabel } from '../../../../src/shared/graph.js';
import { nameKey } from '../../../../src/shared/name-key.js';

const idea = (id: string, label: NodeLabel, name: string, aliases: string[] = [], importance = 0) =>
  indexedIdea({ id, label, name, properties: { nameKey: nameKey(name), aliases, importance, degree: 0 } });

const index = new NameIndex([
  idea('method:knowledge-distillation', 'Method', 'Knowledge Distillation', ['KD', 'knowledge-distillation']),
  idea('method:m2mkd', 'Method', 'm2mKD'),
  idea('architecture:mamba', 'Architecture', 'Mamba', [], 3),
  idea('architecture:mambamixer', 'Architecture', 'MambaMixer'),
  idea('dataset:kdd-cup', 'Dataset', 'KDD Cup'),
  idea('method:mixture-of-experts', 'Method', 'Mixture-of-Experts', ['MoE', 'mixture of experts']),
]);
const ids = (key: string, labels: readonly NodeLabel[] = ['Method', 'Architecture', 'Dataset']) =>
  index.prefixed(key, labels).map((i) => i.node.id);

describe('server/db/reads/name-index', () => {
  it('should find every idea whose name key starts with the typed key, the exact match first', () => {
    expect(ids('mamba')).toEqual(['architecture:mamba', 'architecture:mambamixer']);
    expect(ids('mamb')).toEqual(['architecture:mamba', 'architecture:mambamixer']);
  });

  it('should find an idea through an alias key and list it once when name and alias both match', () => {
    expect(ids('kd')).toEqual(['method:knowledge-distillation', 'dataset:kdd-cup']);
    // "mixtureofexperts" is the name's key and an alias's key: one entry.
    expect(ids('mixtureof')).toEqual(['method:mixture-of-experts']);
    expect(ids('moe')).toEqual(['method:mixture-of-experts']);
  });

  it('should keep only the asked labels', () => {
    expect(ids('kd', ['Dataset'])).toEqual(['dataset:kdd-cup']);
    expect(ids('mamb', ['Method'])).toEqual([]);
  });

  it('should find nothing for a key no name or alias starts with, and nothing past the last key', () => {
    expect(ids('zzz')).toEqual([]);
    expect(ids('knowledgedistillations')).toEqual([]);
  });

  it('should keep each idea as given, with the name keys of its aliases', () => {
    const [mamba] = index.prefixed('mamba', ['Architecture']);
    expect(mamba!.node).toEqual({
      id: 'architecture:mamba',
      label: 'Architecture',
      name: 'Mamba',
      properties: { nameKey: 'mamba', aliases: [], importance: 3, degree: 0 },
    });
    const [kd] = index.prefixed('kd', ['Method']);
    expect(kd!.aliasKeys).toEqual(['kd', 'knowledgedistillation']);
  });

  it('should stop scanning after MAX_SCANNED keys, keeping the shortest completions', () => {
    const many = Array.from({ length: MAX_SCANNED + 50 }, (_, i) => idea(`method:a${i}`, 'Method', `a${String(i).padStart(5, '0')}`));
    const big = new NameIndex([idea('method:a', 'Method', 'A'), ...many]);
    const found = big.prefixed('a', ['Method']);
    expect(found).toHaveLength(MAX_SCANNED);
    expect(found[0]!.node.id).toBe('method:a');
  });
});
