// Papers-with-Code methods.json rows as graph nodes: each method (as the taxonomy entry it became)
// with its full name, description, introduced year, collections and areas, and the paper that
// introduced it as a pending reference (linked when that paper is in the graph or arrives later).
import type { WireNode } from '../../src/shared/graph.js';
import { node } from '../extract/graph.js';
import { titleKey } from '../extract/paper-identity.js';
import type { MethodEntry } from '../sources/types.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { IntroducedBy } from './references.js';

export interface MethodNodes {
  nodes: WireNode[];
  introduced: IntroducedBy[];
}

/** Call after the entries extended the taxonomy: each node takes the id and kind of its taxonomy entry. */
export function methodNodes(entries: MethodEntry[], taxonomy: Taxonomy): MethodNodes {
  const nodes: WireNode[] = [];
  const introduced: IntroducedBy[] = [];
  for (const m of entries) {
    const entry = taxonomy.resolve(m.name);
    if (!entry) continue;
    const aliases = [...entry.aliases];
    if (m.fullName && m.fullName !== entry.name && !aliases.includes(m.fullName)) aliases.push(m.fullName);
    const unique = <T>(list: (T | undefined)[]) => [...new Set(list.filter((x): x is T => x !== undefined && x !== ''))];
    nodes.push(
      node(entry.id, entry.kind, entry.name, {
        name: entry.name,
        aliases,
        description: entry.description ?? m.description,
        introducedYear: m.year,
        collections: unique(m.collections.map((c) => c.collection)),
        areas: unique(m.collections.map((c) => c.area)),
        source: 'taxonomy',
      }),
    );
    // The dump names the paper by title or, failing that, by URL; only a title can be matched.
    if (m.paper && !/^https?:\/\//i.test(m.paper))
      introduced.push({ methodId: entry.id, methodName: entry.name, title: m.paper, titleKey: titleKey(m.paper) });
  }
  return { nodes, introduced };
}
