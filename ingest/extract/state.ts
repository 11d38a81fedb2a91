// What the extractor keeps across papers: the taxonomy and its matchers, the contributions found so far
// (who proposed them, under which names), compact per-paper state for finish(), and the lookups of
// papers by arXiv id, DOI and title key.
import type { BuildsOnKind, WireNode } from '../../src/shared/graph.js';
import type { Taxonomy, TaxonomyEntry } from '../taxonomy/taxonomy.js';
import { isGenericEntity } from './generic.js';
import { node } from './graph.js';
import { compactForm, matchKey } from './keys.js';
import { AliasMatcher } from './mentions.js';
import type { Contribution } from './types.js';
import type { UnresolvedReference } from './unresolved.js';

export interface PaperReference {
  arxivId?: string;
  doi?: string;
  titleKey?: string;
}

export interface PaperState {
  id: string;
  primary?: string;
  /** Name-like tokens not matched when the paper was read, to link contributions found later. */
  deferred?: Deferred[];
  references?: PaperReference[];
}

/** A name-like token kept for later; the sentence is kept only when it could carry lineage. */
export interface Deferred {
  key: string;
  name: string;
  sentence?: string;
  cue: boolean;
  kind?: BuildsOnKind;
  /** The rule and confidence of the lineage the sentence gives, found as if the name were known. */
  lineage?: { extractor: string; confidence: number };
}

/** A mention of another paper's contribution, resolved into edges in finish(). */
export interface CrossRef {
  paper: number;
  target: string;
  evidence: string;
  /** BUILDS_ON source (a contribution of `paper`) when the mention supports lineage. */
  source?: string;
  kind?: BuildsOnKind;
  confidence: number;
  extractor: string;
}

export interface OwnedContribution {
  owner: number;
  names: string[];
  kind: string;
}

export class CorpusState {
  private taxonomyVersion = -1;
  taxonomyMatcher!: AliasMatcher;
  matcher!: AliasMatcher;
  readonly contributions = new Map<string, OwnedContribution>();
  readonly contributionByKey = new Map<string, string>();
  readonly papers: PaperState[] = [];
  readonly paperIndex = new Map<string, number>();
  readonly byArxiv = new Map<string, number>();
  readonly byDoi = new Map<string, number>();
  readonly byTitleKey = new Map<string, number>();
  readonly crossRefs: CrossRef[] = [];
  /**
   * Taxonomy facts (`source->target`) whose two ends one paper of the run names together: a fact is
   * drawn only where a text brings both ends up, never from background knowledge alone.
   */
  readonly coMentionedFacts = new Set<string>();
  /** Filled by finish(): what the run could not resolve, for the loader. */
  unresolved: UnresolvedReference[] = [];

  constructor(readonly taxonomy: Taxonomy) {
    this.compile();
  }

  /** (Re)builds the matchers when the taxonomy changed since the last paper. */
  compile(): void {
    if (this.taxonomyVersion === this.taxonomy.version) return;
    this.taxonomyMatcher = new AliasMatcher(this.taxonomy.entries());
    this.matcher = new AliasMatcher(this.taxonomy.entries());
    for (const [id, c] of this.contributions) this.registerNames(id, c.names);
    this.taxonomyVersion = this.taxonomy.version;
  }

  registerContribution(c: Contribution, owner: number): void {
    if (c.taxonomyId || this.contributions.has(c.id)) return;
    this.contributions.set(c.id, { owner, names: [c.name, ...c.aliases], kind: c.kind });
    this.registerNames(c.id, [c.name, ...c.aliases]);
  }

  private registerNames(id: string, names: string[]): void {
    for (const n of names) {
      if (!this.contributionByKey.has(matchKey(n))) this.contributionByKey.set(matchKey(n), id);
      // Single-token names must match as written ("SortedNet"), so common words never link papers.
      this.matcher.add(id, [n], /\s/.test(n.trim()) ? {} : { exact: true });
    }
  }

  isDataset = (id: string): boolean => id.startsWith('dataset:');

  isContribution = (id: string): boolean => this.contributions.has(id);

  /** Datasets and generic nouns are never BUILDS_ON targets. */
  isNotLineageTarget = (id: string): boolean => this.isDataset(id) || isGenericEntity(this.taxonomy.get(id));

  /** A known entity or contribution by its exact letters and digits ("LoRA" in "QLoRA", never "lora" in "Flora"). */
  resolveName = (name: string): string | undefined => {
    const compact = compactForm(name);
    const entry = this.taxonomy.resolve(name);
    if (entry && [entry.name, ...entry.aliases].some((n) => compactForm(n) === compact)) return entry.id;
    const own = this.contributionByKey.get(matchKey(name));
    const c = own ? this.contributions.get(own) : undefined;
    return c && c.names.some((n) => compactForm(n) === compact) ? own : undefined;
  };

  entityNode(entry: TaxonomyEntry): WireNode {
    // introducedYear: the year of the paper that introduced the entry, for the lineage's year axis.
    return node(entry.id, entry.kind, entry.name, {
      name: entry.name,
      aliases: entry.aliases,
      description: entry.description,
      introducedYear: entry.year,
      source: 'taxonomy',
    });
  }

  contributionNode(c: Contribution): WireNode {
    if (c.taxonomyId) return this.entityNode(this.taxonomy.get(c.taxonomyId)!);
    return node(c.id, c.kind, c.name, { name: c.name, aliases: c.aliases, source: 'extraction' });
  }

  /** The taxonomy node of an id, pushed to `nodes` when there is one. */
  pushEntity(nodes: WireNode[], id: string): void {
    const entry = this.taxonomy.get(id);
    if (entry) nodes.push(this.entityNode(entry));
  }
}
