// Loads the curated vocabulary (methods, architectures, datasets and BUILDS_ON facts) from every JSON
// file next to this module, validates it with zod, and lets ingest extend it at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BUILDS_ON_KINDS, type BuildsOnKind } from '../../src/shared/graph.js';
import { matchKey, slug } from '../extract/keys.js';

export const ENTITY_KINDS = ['Method', 'Architecture', 'Dataset'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface TaxonomyEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
  /** Year of the paper that introduced the entry. */
  year?: number;
  /** Title of the paper that introduced the entry. */
  paper?: string;
  /** Research area the entry belongs to (vision, language, generative, ...). */
  area?: string;
}

/**
 * A curated BUILDS_ON fact between two entries, with a short justification. Taxonomy facts are
 * background knowledge, not read from a paper: the extractor marks their edges `extractor: "taxonomy"`.
 */
export interface TaxonomyFact {
  source: string;
  target: string;
  evidence: string;
  /** What the fact says about its two ends (extends, variant, component, ...). */
  kind?: BuildsOnKind;
}

/** A BUILDS_ON fact as written in the JSON: a bare justification (old form) or its kind and justification. */
export type TaxonomyFactInput = string | { kind: BuildsOnKind; why: string };

/** What callers (and the JSON files) give to add entries; buildsOn maps target name -> fact. */
export interface TaxonomyInput {
  kind: EntityKind;
  name: string;
  aliases?: string[];
  description?: string;
  year?: number;
  paper?: string;
  area?: string;
  buildsOn?: Record<string, TaxonomyFactInput>;
}

const factSchema = z.union([
  z.string().trim().min(1),
  z.object({ kind: z.enum(BUILDS_ON_KINDS), why: z.string().trim().min(1).max(500) }).strict(),
]);

const entrySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    aliases: z.array(z.string().trim().min(1).max(200)).default([]),
    description: z.string().max(2000).optional(),
    year: z.number().int().min(1800).max(2100).optional(),
    paper: z.string().trim().min(1).max(400).optional(),
    area: z.string().trim().min(1).max(40).optional(),
    buildsOn: z.record(z.string().min(1), factSchema).optional(),
  })
  .strict();

const fileSchema = z.object({
  kind: z.enum(ENTITY_KINDS),
  entries: z.array(entrySchema),
});

/** The taxonomy's data files in a folder: every `*.json`, in a fixed (sorted) order. */
export function taxonomyFiles(dir: URL): string[] {
  return readdirSync(fileURLToPath(dir))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Kind and justification of a fact; the old bare-string form reads its kind from the wording. */
export function readFact(fact: TaxonomyFactInput): { kind: BuildsOnKind; why: string } {
  if (typeof fact !== 'string') return fact;
  if (/\bdistill|fine-?tun/i.test(fact)) return { kind: 'distilled', why: fact };
  if (/^(an?|the) (kind|variant|version|instance|type) of\b/i.test(fact)) return { kind: 'variant', why: fact };
  return { kind: 'extends', why: fact };
}

/** matchKey with a cache, for one load: every alias is keyed by the clash check, the entry map and fact lookups. */
function cachedMatchKey(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let key = cache.get(text);
    if (key === undefined) {
      key = matchKey(text);
      cache.set(text, key);
    }
    return key;
  };
}

export function entityId(kind: EntityKind, name: string): string {
  return `${kind.toLowerCase()}:${slug(name)}`;
}

export class Taxonomy {
  private readonly byId = new Map<string, TaxonomyEntry>();
  private readonly byKey = new Map<string, TaxonomyEntry>();
  private readonly factList: TaxonomyFact[] = [];
  private readonly factIds = new Set<string>();
  private readonly factsBySource = new Map<string, TaxonomyFact[]>();
  /** The key function; load() swaps in a cached one while it reads the bundled files. */
  private keyOf: (text: string) => string = matchKey;
  /** Increases on every change, so matchers compiled from the taxonomy know to recompile. */
  version = 0;
  /** Entries by the match key of the paper that introduced them, built on first use for `version`. */
  private byPaper: { version: number; entries: Map<string, TaxonomyEntry[]> } | undefined;

  /** Reads and validates the bundled JSON files; a problem names the file and the entry. */
  static load(dir: URL = new URL('./', import.meta.url)): Taxonomy {
    const taxonomy = new Taxonomy();
    const pending: { file: string; input: TaxonomyInput }[] = [];
    const files = taxonomyFiles(dir);
    if (files.length === 0) throw new Error(`ingest/taxonomy: no *.json files in ${fileURLToPath(dir)}; restore the taxonomy data`);
    for (const file of files) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      } catch (err) {
        throw new Error(`ingest/taxonomy: ${file}: cannot read or parse (${(err as Error).message}); fix the JSON`, { cause: err });
      }
      const parsed = fileSchema.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(
          `ingest/taxonomy: ${file}: ${first?.path.join('.') ?? ''}${entryLabel(raw, first?.path)}: ${first?.message ?? 'invalid'}; fix the entry`,
        );
      }
      for (const entry of parsed.data.entries) pending.push({ file, input: { ...entry, kind: parsed.data.kind } });
    }
    taxonomy.keyOf = cachedMatchKey();
    refuseSharedKeys(pending, taxonomy.keyOf);
    for (const { input } of pending) taxonomy.addEntry(input);
    for (const { file, input } of pending) {
      for (const [target, fact] of Object.entries(input.buildsOn ?? {})) {
        if (!taxonomy.resolve(target)) {
          throw new Error(
            `ingest/taxonomy: ${file}: entry "${input.name}" builds on "${target}", which is not in the taxonomy; add it or fix the name`,
          );
        }
        taxonomy.addFact(input.name, target, fact);
      }
    }
    taxonomy.keyOf = matchKey;
    taxonomy.version = 1;
    return taxonomy;
  }

  /** Entries in insertion order. */
  entries(): TaxonomyEntry[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): TaxonomyEntry | undefined {
    return this.byId.get(id);
  }

  /** Finds an entry by name or alias, ignoring case, spaces and hyphens. */
  resolve(nameOrAlias: string): TaxonomyEntry | undefined {
    return this.byKey.get(this.keyOf(nameOrAlias));
  }

  /** The entries whose recorded introducing paper has this title (compared by match key). */
  introducedIn(title: string): readonly TaxonomyEntry[] {
    if (this.byPaper?.version !== this.version) {
      const entries = new Map<string, TaxonomyEntry[]>();
      for (const entry of this.byId.values()) {
        if (!entry.paper) continue;
        const key = matchKey(entry.paper);
        const list = entries.get(key);
        if (list) list.push(entry);
        else entries.set(key, [entry]);
      }
      this.byPaper = { version: this.version, entries };
    }
    return this.byPaper.entries.get(matchKey(title)) ?? [];
  }

  facts(): TaxonomyFact[] {
    return [...this.factList];
  }

  /** The facts whose source is the entry `id`. */
  factsFrom(id: string): readonly TaxonomyFact[] {
    return this.factsBySource.get(id) ?? [];
  }

  /**
   * Adds entries (e.g. Papers-with-Code methods.json rows). An entry whose name or alias is already
   * known merges its aliases and description into the existing entry instead of duplicating it.
   * BUILDS_ON targets that are not (yet) known are skipped and counted.
   */
  extend(inputs: Iterable<TaxonomyInput>): { added: number; merged: number; skippedFacts: number } {
    let added = 0;
    let merged = 0;
    let skippedFacts = 0;
    const list = [...inputs];
    for (const input of list) {
      if (this.addEntry(input) === 'added') added += 1;
      else merged += 1;
    }
    for (const input of list) {
      for (const [target, fact] of Object.entries(input.buildsOn ?? {})) {
        if (this.resolve(target) && this.resolve(input.name)) this.addFact(input.name, target, fact);
        else skippedFacts += 1;
      }
    }
    this.version += 1;
    return { added, merged, skippedFacts };
  }

  private addEntry(input: TaxonomyInput): 'added' | 'merged' {
    const name = input.name.trim();
    const keys = [name, ...(input.aliases ?? [])].map(this.keyOf).filter((k) => k !== '');
    const existing = keys.map((k) => this.byKey.get(k)).find((e) => e !== undefined);
    if (existing) {
      for (const alias of [name, ...(input.aliases ?? [])]) {
        const key = this.keyOf(alias);
        if (key === '' || alias === existing.name || existing.aliases.includes(alias)) continue;
        existing.aliases.push(alias);
        if (!this.byKey.has(key)) this.byKey.set(key, existing);
      }
      if (!existing.description && input.description) existing.description = input.description;
      if (existing.year === undefined && input.year !== undefined) existing.year = input.year;
      if (!existing.paper && input.paper) existing.paper = input.paper;
      if (!existing.area && input.area) existing.area = input.area;
      return 'merged';
    }
    const entry: TaxonomyEntry = {
      id: entityId(input.kind, name),
      kind: input.kind,
      name,
      aliases: [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== '' && a !== name))],
    };
    if (input.description) entry.description = input.description;
    if (input.year !== undefined) entry.year = input.year;
    if (input.paper) entry.paper = input.paper;
    if (input.area) entry.area = input.area;
    this.byId.set(entry.id, entry);
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, entry);
    return 'added';
  }

  private addFact(sourceName: string, targetName: string, fact: TaxonomyFactInput): void {
    const source = this.resolve(sourceName);
    const target = this.resolve(targetName);
    if (!source || !target || source.id === target.id) return;
    const id = `${source.id}->${target.id}`;
    if (this.factIds.has(id)) return;
    this.factIds.add(id);
    const { kind, why } = readFact(fact);
    const added: TaxonomyFact = { source: source.id, target: target.id, evidence: why, kind };
    this.factList.push(added);
    const from = this.factsBySource.get(source.id);
    if (from) from.push(added);
    else this.factsBySource.set(source.id, [added]);
  }
}

/** ` (entry "Name")` for a validation problem inside a named entry, so the message says which one. */
function entryLabel(raw: unknown, path: readonly PropertyKey[] | undefined): string {
  if (!path || path[0] !== 'entries' || typeof path[1] !== 'number') return '';
  const entries = (raw as { entries?: unknown[] }).entries;
  const name = (entries?.[path[1]] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? ` (entry "${name}")` : '';
}

/**
 * Refuses bundled data in which one name or alias (compared by match key) belongs to two entries:
 * the extractor could not tell which entry a match means. The message names both entries and files.
 */
function refuseSharedKeys(pending: { file: string; input: TaxonomyInput }[], keyOf: (text: string) => string): void {
  const owner = new Map<string, { file: string; name: string; entry: number; alias: string }>();
  for (const [entry, { file, input }] of pending.entries()) {
    for (const alias of [input.name, ...(input.aliases ?? [])]) {
      const key = keyOf(alias);
      if (key === '')
        throw new Error(`ingest/taxonomy: ${file}: entry "${input.name}" has the alias "${alias}" without letters or digits; remove it`);
      const prev = owner.get(key);
      if (!prev) {
        owner.set(key, { file, name: input.name, entry, alias });
        continue;
      }
      if (prev.entry === entry) continue;
      throw new Error(
        `ingest/taxonomy: ${file}: alias "${alias}" of entry "${input.name}" is also "${prev.alias}" of entry "${prev.name}" (${prev.file}); an alias must belong to exactly one entry, remove it from one of them`,
      );
    }
  }
}

let bundled: Taxonomy | undefined;

/** The bundled taxonomy, loaded once per process (extend a fresh Taxonomy.load() to customize). */
export function defaultTaxonomy(): Taxonomy {
  bundled ??= Taxonomy.load();
  return bundled;
}
