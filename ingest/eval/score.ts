// Scores an extracted wire graph against gold annotations with the reference rules of the extraction-dev
// README: per family (proposes, builds_on, mentions, datasets, code) precision, recall and F1, the
// disagreements, and the precision of each extractor (rule) whose edges were scored.
import type { WireEdge, WireGraph, WireNode } from '../../src/shared/graph.js';
import type { Gold, GoldPaper } from './gold.js';
import { normalizeName, normalizeTitle, normalizeUrl } from './normalize.js';

export const FAMILIES = ['proposes', 'builds_on', 'mentions', 'datasets', 'code'] as const;
export type Family = (typeof FAMILIES)[number];

export interface FamilyScore {
  /** Papers scored in this family (mentions skips papers whose gold has no `uses`). */
  papers: number;
  /** Predictions that match the gold, and all predictions. */
  matched: number;
  predicted: number;
  /** Gold items hit by a prediction, and all gold items. */
  hit: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
  /** "paper title: item" for predictions the gold lacks and gold items not predicted. */
  extra: string[];
  missing: string[];
}

export interface ExtractorScore {
  family: Family;
  extractor: string;
  matched: number;
  predicted: number;
  precision: number;
  /** Distinct papers with a matched prediction of this extractor: 1 means it helped one paper only. */
  papers: number;
  /** Matched predictions no other extractor made: what removing this extractor would lose. */
  sole: number;
}

export interface Evaluation {
  papers: number;
  families: Record<Family, FamilyScore>;
  extractors: ExtractorScore[];
}

const NAME_KEYS = ['name', 'aliases', 'acronym', 'fullName'] as const;
const ENTITY_LABELS = new Set(['Method', 'Architecture', 'Dataset']);

interface Tally {
  papers: number;
  matched: number;
  predicted: number;
  hit: number;
  expected: number;
  extra: string[];
  missing: string[];
}

/** One prediction: what it is called in reports, whether it matched, and the extractors that made it. */
interface Prediction {
  label: string;
  matched: boolean;
  extractors: string[];
}

class Scorer {
  private readonly nodeNames = new Map<string, Set<string>>();
  private readonly nodes = new Map<string, WireNode>();
  private readonly aliases = new Map<string, Set<string>>();
  private readonly edgesBySource = new Map<string, WireEdge[]>();
  readonly tallies = new Map<Family, Tally>(
    FAMILIES.map((f) => [f, { papers: 0, matched: 0, predicted: 0, hit: 0, expected: 0, extra: [], missing: [] }]),
  );
  readonly extractors = new Map<
    string,
    { family: Family; extractor: string; matched: number; predicted: number; titles: Set<string>; sole: number }
  >();

  constructor(
    private readonly graph: WireGraph,
    private readonly gold: Gold,
  ) {
    for (const n of graph.nodes) {
      this.nodes.set(n.id, n);
      const names = new Set<string>([normalizeName(n.name)]);
      for (const key of NAME_KEYS) {
        const v = n.properties[key];
        for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string') names.add(normalizeName(s));
      }
      this.nodeNames.set(n.id, names);
    }
    for (const [name, e] of Object.entries(gold.entities)) this.aliases.set(name, new Set(e.aliases.map(normalizeName)));
    for (const e of graph.edges) {
      const list = this.edgesBySource.get(e.source);
      if (list) list.push(e);
      else this.edgesBySource.set(e.source, [e]);
    }
  }

  matches(nodeId: string, entity: string): boolean {
    const names = this.nodeNames.get(nodeId);
    const aliases = this.aliases.get(entity);
    if (!names || !aliases) return false;
    for (const n of names) if (aliases.has(n)) return true;
    return false;
  }

  private label(id: string): string {
    return this.nodes.get(id)?.name ?? id;
  }

  /** Distinct targets of a paper's edges of some types, each with the extractors of its edges. */
  private targets(source: string, types: string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const e of this.edgesBySource.get(source) ?? []) {
      if (!types.includes(e.type)) continue;
      const list = out.get(e.target) ?? [];
      const x = String(e.properties.extractor ?? 'unknown');
      if (!list.includes(x)) list.push(x);
      out.set(e.target, list);
    }
    return out;
  }

  private record(family: Family, title: string, predictions: Prediction[], expected: string[], hit: (item: string) => boolean): void {
    const t = this.tallies.get(family)!;
    t.papers += 1;
    const short = title.length > 48 ? `${title.slice(0, 45)}...` : title;
    for (const p of predictions) {
      t.predicted += 1;
      if (p.matched) t.matched += 1;
      else t.extra.push(`${short}: ${p.label}`);
      for (const x of p.extractors) {
        const key = `${family}:${x}`;
        const s = this.extractors.get(key) ?? { family, extractor: x, matched: 0, predicted: 0, titles: new Set<string>(), sole: 0 };
        s.predicted += 1;
        if (p.matched) {
          s.matched += 1;
          s.titles.add(title);
          if (p.extractors.length === 1) s.sole += 1;
        }
        this.extractors.set(key, s);
      }
    }
    for (const item of expected) {
      t.expected += 1;
      if (hit(item)) t.hit += 1;
      else t.missing.push(`${short}: ${item}`);
    }
  }

  scorePaper(paper: GoldPaper, pid: string): void {
    const proposed = this.targets(pid, ['PROPOSES']);
    const proposedIds = [...proposed.keys()];
    this.record(
      'proposes',
      paper.title,
      proposedIds.map((id) => ({
        label: this.label(id),
        matched: paper.proposes.some((g) => this.matches(id, g)),
        extractors: proposed.get(id)!,
      })),
      paper.proposes,
      (g) => proposedIds.some((id) => this.matches(id, g)),
    );

    const pairs = new Map<string, { s: string; t: string; extractors: string[] }>();
    for (const s of proposedIds) {
      for (const [t, extractors] of this.targets(s, ['BUILDS_ON'])) pairs.set(`${s}->${t}`, { s, t, extractors });
    }
    const pairMatches = (s: string, t: string, [a, b]: [string, string]) => this.matches(s, a) && this.matches(t, b);
    this.record(
      'builds_on',
      paper.title,
      [...pairs.values()].map(({ s, t, extractors }) => ({
        label: `${this.label(s)} -> ${this.label(t)}`,
        matched: paper.builds_on.some((g) => pairMatches(s, t, g)),
        extractors,
      })),
      paper.builds_on.map(([a, b]) => `${a} -> ${b}`),
      (item) => {
        const [a, b] = item.split(' -> ') as [string, string];
        return [...pairs.values()].some(({ s, t }) => pairMatches(s, t, [a, b]));
      },
    );

    if (paper.uses) this.scoreMentions(paper, pid);

    const evaluated = this.targets(pid, ['EVALUATED_ON']);
    this.record(
      'datasets',
      paper.title,
      [...evaluated].map(([id, extractors]) => ({
        label: this.label(id),
        matched: paper.datasets.some((g) => this.matches(id, g)),
        extractors,
      })),
      paper.datasets,
      (g) => [...evaluated.keys()].some((id) => this.matches(id, g)),
    );

    const code = this.targets(pid, ['HAS_CODE']);
    const urls = new Map(
      [...code].map(([id, extractors]) => [
        normalizeUrl(String(this.nodes.get(id)?.properties.url ?? this.nodes.get(id)?.name ?? id)),
        extractors,
      ]),
    );
    const goldUrls = new Set(paper.code.map(normalizeUrl));
    this.record(
      'code',
      paper.title,
      [...urls].map(([url, extractors]) => ({ label: url, matched: goldUrls.has(url), extractors })),
      paper.code,
      (g) => urls.has(normalizeUrl(g)),
    );
  }

  /** Entity targets of PROPOSES, USES and EVALUATED_ON; several nodes matching one gold entity count once. */
  private scoreMentions(paper: GoldPaper, pid: string): void {
    const gold = [...new Set([...paper.proposes, ...(paper.uses ?? []), ...paper.datasets])];
    const mentioned = this.targets(pid, ['PROPOSES', 'USES', 'EVALUATED_ON']);
    const groups = new Map<string, Prediction>();
    const unmatched: Prediction[] = [];
    for (const [id, extractors] of mentioned) {
      const label = this.nodes.get(id)?.label;
      if (!label || !ENTITY_LABELS.has(label)) continue;
      const entity = gold.find((g) => this.matches(id, g));
      if (!entity) {
        unmatched.push({ label: this.label(id), matched: false, extractors });
        continue;
      }
      const group = groups.get(entity);
      if (group) for (const x of extractors) if (!group.extractors.includes(x)) group.extractors.push(x);
      if (!group) groups.set(entity, { label: entity, matched: true, extractors: [...extractors] });
    }
    this.record(
      'mentions',
      paper.title,
      [...groups.values(), ...unmatched],
      gold,
      (g) => groups.has(g) || [...mentioned.keys()].some((id) => this.matches(id, g)),
    );
  }
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Scores `graph` on the papers of `gold`; a gold paper missing from the graph is an error naming it. */
export function evaluate(graph: WireGraph, gold: Gold, goldPath = 'gold'): Evaluation {
  const scorer = new Scorer(graph, gold);
  const papersByTitle = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.label !== 'Paper') continue;
    const title = typeof n.properties.title === 'string' ? n.properties.title : n.name;
    papersByTitle.set(normalizeTitle(title), n.id);
  }
  for (const p of gold.papers) {
    const pid = papersByTitle.get(normalizeTitle(p.title));
    if (!pid)
      throw new Error(
        `ingest/eval/score: ${goldPath}: paper ${p.idx} "${p.title}" is not in the extracted graph; check the papers file and the gold title`,
      );
    scorer.scorePaper(p, pid);
  }
  const families = Object.fromEntries(
    FAMILIES.map((f) => {
      const t = scorer.tallies.get(f)!;
      const precision = ratio(t.matched, t.predicted);
      const recall = ratio(t.hit, t.expected);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [f, { ...t, precision, recall, f1 }];
    }),
  ) as Record<Family, FamilyScore>;
  const extractors = [...scorer.extractors.values()]
    .map(({ titles, ...x }) => ({ ...x, papers: titles.size, precision: ratio(x.matched, x.predicted) }))
    .sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || b.predicted - a.predicted);
  return { papers: gold.papers.length, families, extractors };
}
