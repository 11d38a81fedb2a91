// The bulk load's in-memory reference resolution follows the RESOLVE_* statements (ingest/load/cypher.ts)
// rule by rule: name keys before alias keys, then entity and owner ids; never the citing paper's own
// contribution; arXiv id before DOI before title; batches of statements in order, so a PROPOSES made
// in one batch gives an owner to the names of the next; MERGE on the relationship id.
import { describe, expect, it } from 'vitest';
import type { NodeLabel, RelationshipType } from '../../../../src/shared/graph.js';
import { emptyCounts } from '../../../../ingest/load/counts.js';
import type { EdgeRow, Neo4jValue } from '../../../../ingest/load/param-rows.js';
import type { PendingRow } from '../../../../ingest/load/references.js';
import { IdeaLinks } from '../../../../ingest/load/bulk/idea-links.js';
import { resolveInMemory, type ResolveGraph } from '../../../../ingest/load/bulk/resolve-references.js';

interface TestNode {
  props: Record<string, Neo4jValue>;
  nameKey: string;
  aliasKeys: string[];
}

/** A collected graph in memory: nodes by label, relationships by type and id. */
class Graph implements ResolveGraph {
  readonly links = new IdeaLinks();
  readonly nodes = new Map<NodeLabel, Map<string, TestNode>>();
  readonly edges = new Map<string, { type: RelationshipType; row: EdgeRow }>();

  node(label: NodeLabel, id: string, nameKey = id, aliasKeys: string[] = [], props: Record<string, Neo4jValue> = {}): this {
    if (!this.nodes.has(label)) this.nodes.set(label, new Map());
    this.nodes.get(label)!.set(id, { props, nameKey, aliasKeys });
    return this;
  }

  edge(type: RelationshipType, source: NodeLabel, target: NodeLabel, from: string, to: string): this {
    const id = `${type}:${from}->${to}`;
    this.edges.set(id, { type, row: { id, source: from, target: to, props: {} } });
    this.links.track(type, source, target, from, to);
    return this;
  }

  nodesOf(label: NodeLabel): ReadonlyMap<string, TestNode> {
    return this.nodes.get(label) ?? new Map();
  }

  labelOf(id: string): NodeLabel | undefined {
    for (const [label, nodes] of this.nodes) if (nodes.has(id)) return label;
    return undefined;
  }

  hasEdge(_type: RelationshipType, id: string): boolean {
    return this.edges.has(id);
  }

  async addEdge(type: RelationshipType, source: NodeLabel, target: NodeLabel, row: EdgeRow): Promise<void> {
    this.edges.set(row.id, { type, row });
    this.links.track(type, source, target, row.source, row.target);
  }
}

const nameRef = (id: string, from: string, targetKey: string, source?: string): PendingRow => ({
  id,
  props: {
    from,
    kind: 'name',
    targetKey,
    evidence: `${from} builds on ${targetKey}`,
    confidence: 0.7,
    extractor: 'test',
    ...(source ? { source } : {}),
  },
});

describe('ingest/load/bulk/resolve-references', () => {
  describe('#resolveInMemory', () => {
    it('should prefer a name key to an alias key, then the smallest entity and owner ids, and skip the citing paper', async () => {
      const g = new Graph()
        .node('Paper', 'paper:citing')
        .node('Paper', 'paper:b')
        .node('Paper', 'paper:a')
        .node('Method', 'method:z-named', 'gate')
        .node('Method', 'method:a-aliased', 'other', ['gate'])
        .node('Method', 'method:own', 'own')
        .node('Method', 'method:mine')
        .edge('PROPOSES', 'Paper', 'Method', 'paper:b', 'method:z-named')
        .edge('PROPOSES', 'Paper', 'Method', 'paper:a', 'method:z-named')
        .edge('PROPOSES', 'Paper', 'Method', 'paper:a', 'method:a-aliased')
        .edge('PROPOSES', 'Paper', 'Method', 'paper:citing', 'method:own')
        .edge('PROPOSES', 'Paper', 'Method', 'paper:citing', 'method:mine');
      const counts = emptyCounts();
      const result = await resolveInMemory(
        g,
        [nameRef('r1', 'paper:citing', 'gate', 'method:mine'), nameRef('r2', 'paper:citing', 'own')],
        500,
        counts,
      );
      expect(g.edges.get('BUILDS_ON:method:mine->method:z-named@paper:citing')?.row.props).toEqual({
        evidence: 'paper:citing builds on gate',
        paperId: 'paper:citing',
        confidence: 0.7,
        extractor: 'test',
        source: 'extraction',
      });
      expect(g.edges.has('USES:paper:citing->method:z-named')).toBe(true);
      expect(g.edges.get('CITES:paper:citing->paper:a')?.row.props).toMatchObject({ extractor: 'cross-paper', inferred: true });
      // The citing paper's own contribution is never a target.
      expect([...g.edges.values()].some(({ type, row }) => type !== 'PROPOSES' && row.target === 'method:own')).toBe(false);
      expect(result).toEqual({ stored: 2, links: 3 });
      expect(counts.relationships.BUILDS_ON.created).toBe(1);
      expect(counts.batches).toBe(1);
    });

    it('should give the names of a later batch the owner a PROPOSES of an earlier batch made, not those of its own batch', async () => {
      const build = () =>
        new Graph()
          .node('Paper', 'paper:intro', 'intro', [], { titleKey: 'bandedgates' })
          .node('Paper', 'paper:citing')
          .node('Method', 'method:bandgate', 'bandgate');
      const introduced: PendingRow = {
        id: 'i1',
        props: {
          from: 'method:bandgate',
          kind: 'introduced',
          titleKey: 'bandedgates',
          evidence: 'named',
          confidence: 0.9,
          extractor: 'pwc-methods',
        },
      };
      const pending = [introduced, nameRef('r1', 'paper:citing', 'bandgate')];

      const together = build();
      await resolveInMemory(together, pending, 2, emptyCounts());
      expect(together.edges.has('PROPOSES:paper:intro->method:bandgate')).toBe(true);
      expect(together.edges.has('USES:paper:citing->method:bandgate')).toBe(false);

      const apart = build();
      const counts = emptyCounts();
      await resolveInMemory(apart, pending, 1, counts);
      expect(apart.edges.has('USES:paper:citing->method:bandgate')).toBe(true);
      expect(apart.edges.has('CITES:paper:citing->paper:intro')).toBe(true);
      expect(counts.batches).toBe(2);
    });

    it('should match papers by arXiv id before DOI, drop a match on the citing paper itself, and merge on the id', async () => {
      const g = new Graph()
        .node('Paper', 'paper:citing', 'citing', [], { arxivId: '1' })
        .node('Paper', 'paper:by-doi', 'd', [], { doi: '10/x', arxivId: '2' })
        .node('Paper', 'paper:by-arxiv', 'a', [], { arxivId: '3' })
        .edge('CITES', 'Paper', 'Paper', 'paper:citing', 'paper:by-arxiv');
      const paperRef = (id: string, props: Record<string, string>): PendingRow => ({
        id,
        props: { from: 'paper:citing', kind: 'paper', evidence: 'cited', confidence: 0.8, extractor: 's2', ...props },
      });
      const counts = emptyCounts();
      const result = await resolveInMemory(
        g,
        [paperRef('p1', { arxivId: '1', doi: '10/x' }), paperRef('p2', { arxivId: '9', doi: '10/x' }), paperRef('p3', { arxivId: '3' })],
        500,
        counts,
      );
      expect(g.edges.get('CITES:paper:citing->paper:by-doi')?.row.props).toMatchObject({ evidence: 'cited (matched by DOI 10/x)' });
      expect(counts.relationships.CITES).toMatchObject({ created: 1, present: 1 });
      expect(result.links).toBe(2);
    });
  });
});
