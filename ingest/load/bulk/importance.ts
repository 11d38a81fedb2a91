// Lineage importance, communities and the overview's ranking of a bulk run, computed in memory from
// the collected graph (the whole graph of an empty database) with the functions updateImportance
// uses, so the import carries the properties and the (:GraphSummary) node it would write after it.
import neo4j from 'neo4j-driver';
import {
  COMMUNITIES_KEPT,
  overviewClusterLinks,
  overviewRanking,
  scoreIdeas,
  TOP_CONCEPTS_TAKEN,
  type IdeaNode,
} from '../../../src/neo4j/importance/index.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../../src/shared/graph.js';
import type { Neo4jValue } from '../param-rows.js';
import type { IdeaLinks } from './idea-links.js';

export interface ImportanceGraph {
  readonly links: IdeaLinks;
  nodesOf(label: NodeLabel): ReadonlyMap<string, { props: Record<string, Neo4jValue> }>;
  degree(label: NodeLabel, id: string): number;
  edgeCount(type: RelationshipType): number;
}

export interface ImportanceResult {
  /** Properties to add to nodes, by id: importance, descendants, community, overviewRank. */
  props: Map<string, Record<string, Neo4jValue>>;
  /** The (:GraphSummary {id: 'overview'}) node's other properties. */
  summary: Record<string, Neo4jValue>;
}

const IDEA_LABELS = ['Method', 'Architecture', 'Dataset'] as const;

/** Cypher's ascending order of years: numbers first, missing ones last. */
function yearOf(value: Neo4jValue | undefined): number {
  if (value === undefined) return Infinity;
  if (neo4j.isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : Infinity;
}

/** GRAPH_SIGNATURE as the count store would answer it once the import holds this graph. */
export function signatureOf(graph: ImportanceGraph): string {
  return [...NODE_LABELS.map((l) => graph.nodesOf(l).size), ...RELATIONSHIP_TYPES.map((t) => graph.edgeCount(t))].join(',');
}

export function importanceInMemory(graph: ImportanceGraph, computedAt = new Date()): ImportanceResult {
  const { links } = graph;
  const ideas: IdeaNode[] = [];
  for (const label of IDEA_LABELS) {
    for (const [id, node] of graph.nodesOf(label)) {
      const name = node.props.name;
      ideas.push({ id, label, name: typeof name === 'string' ? name : id, papers: links.papers.get(id) ?? 0 });
    }
  }
  const seen = new Set<string>();
  const builds: [string, string][] = [];
  for (const [child, parent] of links.builds) {
    const key = `${child}\u0000${parent}`;
    if (seen.has(key)) continue;
    seen.add(key);
    builds.push([child, parent]);
  }
  seen.clear();
  const weights = new Map<string, { a: string; b: string; weight: number }>();
  for (const [paper, proposed] of links.proposed) {
    const used = links.used.get(paper);
    if (!used) continue;
    for (const a of proposed) {
      for (const b of used) {
        if (a === b) continue;
        const key = `${a}\u0000${b}`;
        const pair = weights.get(key);
        if (pair) pair.weight += 1;
        else weights.set(key, { a, b, weight: 1 });
      }
    }
  }
  const { scores, communities } = scoreIdeas(ideas, builds, [...weights.values()]);
  weights.clear();

  const papers = graph.nodesOf('Paper');
  const proposer = new Map<string, string>();
  for (const [idea, proposers] of links.proposers) {
    let best: string | undefined;
    let bestYear = Infinity;
    for (const p of proposers) {
      const year = yearOf(papers.get(p)?.props.year);
      if (best === undefined || year < bestYear || (year === bestYear && p < best)) {
        best = p;
        bestYear = year;
      }
    }
    if (best !== undefined) proposer.set(idea, best);
  }
  const concepts = [...graph.nodesOf('Concept').keys()]
    .map((id) => ({ id, degree: graph.degree('Concept', id) }))
    .sort((x, y) => y.degree - x.degree || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, TOP_CONCEPTS_TAKEN)
    .map((c) => c.id);
  const ranked = overviewRanking(scores, proposer, concepts);

  const props = new Map<string, Record<string, Neo4jValue>>();
  for (const [id, s] of scores) {
    props.set(id, { importance: s.importance, descendants: neo4j.int(s.descendants), community: neo4j.int(s.community) });
  }
  ranked.forEach((id, rank) => {
    const p = props.get(id);
    if (p) p.overviewRank = neo4j.int(rank);
    else props.set(id, { overviewRank: neo4j.int(rank) });
  });
  const summary: Record<string, Neo4jValue> = {
    signature: signatureOf(graph),
    computedAt: computedAt.toISOString(),
    communities: JSON.stringify(communities.slice(0, COMMUNITIES_KEPT)),
    clusterLinks: JSON.stringify(overviewClusterLinks(builds, scores, ranked)),
    ranked: neo4j.int(ranked.length),
    ideas: neo4j.int(ideas.length),
  };
  return { props, summary };
}
