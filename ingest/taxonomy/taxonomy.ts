// Loads the curated vocabulary (methods, architectures, datasets and BUILDS_ON facts) from the JSON
// files next to this module, validates it with zod, and lets ingest extend it at run time.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BuildsOnKind } from '../../src/shared/graph.js';
import { matchKey, slug } from '../extract/keys.js';

export const ENTITY_KINDS = ['Method', 'Architecture', 'Dataset'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface TaxonomyEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description?: string;
}

/** A curated BUILDS_ON fact between two entries, with a short justification. */
export interface TaxonomyFact {
  source: string;
  target: string;
  evidence: string;
  /** What the fact says about its two ends (extends, variant, component, ...). */
  kind?: BuildsOnKind;
}

/** What callers (and the JSON files) give to add entries; buildsOn maps target name -> justification. */
export interface TaxonomyInput {
  kind: EntityKind;
  name: string;
  aliases?: string[];
  description?: string;
  buildsOn?: Record<string, string>;
}

const entrySchema = z.object({
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).default([]),
  description: z.string().max(2000).optional(),
  buildsOn: z.record(z.string().min(1), z.string().min(1)).optional(),
});

const fileSchema = z.object({
  kind: z.enum(ENTITY_KINDS),
  entries: z.array(entrySchema),
});

export const TAXONOMY_FILES = ['architectures.json', 'methods.json', 'datasets.json'] as const;

export function entityId(kind: EntityKind, name: string): string {
  return `${kind.toLowerCase()}:${slug(name)}`;
}

export class Taxonomy {
  private readonly byId = new Map<string, TaxonomyEntry>();
  private readonly byKey = new Map<string, TaxonomyEntry>();
  private readonly factList: TaxonomyFact[] = [];
  private readonly factIds = new Set<string>();
  /** Increases on every change, so matchers compiled from the taxonomy know to recompile. */
  version = 0;

  /** Reads and validates the bundled JSON files; a problem names the file and the entry. */
  static load(dir: URL = new URL('./', import.meta.url)): Taxonomy {
    const taxonomy = new Taxonomy();
    const pending: { file: string; input: TaxonomyInput }[] = [];
    for (const file of TAXONOMY_FILES) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      } catch (err) {
        throw new Error(`ingest/taxonomy: ${file}: cannot read or parse (${(err as Error).message}); fix the JSON`);
      }
      const parsed = fileSchema.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`ingest/taxonomy: ${file}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}; fix the entry`);
      }
      for (const entry of parsed.data.entries) pending.push({ file, input: { ...entry, kind: parsed.data.kind } });
    }
    for (const { input } of pending) taxonomy.addEntry(input);
    for (const { file, input } of pending) {
      for (const [target, evidence] of Object.entries(input.buildsOn ?? {})) {
        if (!taxonomy.resolve(target)) {
          throw new Error(`ingest/taxonomy: ${file}: entry "${input.name}" builds on "${target}", which is not in the taxonomy; add it or fix the name`);
        }
        taxonomy.addFact(input.name, target, evidence);
      }
    }
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
    return this.byKey.get(matchKey(nameOrAlias));
  }

  facts(): TaxonomyFact[] {
    return [...this.factList];
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
      for (const [target, evidence] of Object.entries(input.buildsOn ?? {})) {
        if (this.resolve(target) && this.resolve(input.name)) this.addFact(input.name, target, evidence);
        else skippedFacts += 1;
      }
    }
    this.version += 1;
    return { added, merged, skippedFacts };
  }

  private addEntry(input: TaxonomyInput): 'added' | 'merged' {
    const name = input.name.trim();
    const keys = [name, ...(input.aliases ?? [])].map(matchKey).filter((k) => k !== '');
    const existing = keys.map((k) => this.byKey.get(k)).find((e) => e !== undefined);
    if (existing) {
      for (const alias of [name, ...(input.aliases ?? [])]) {
        const key = matchKey(alias);
        if (key === '' || alias === existing.name || existing.aliases.includes(alias)) continue;
        existing.aliases.push(alias);
        if (!this.byKey.has(key)) this.byKey.set(key, existing);
      }
      if (!existing.description && input.description) existing.description = input.description;
      return 'merged';
    }
    const entry: TaxonomyEntry = {
      id: entityId(input.kind, name),
      kind: input.kind,
      name,
      aliases: [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== '' && a !== name))],
    };
    if (input.description) entry.description = input.description;
    this.byId.set(entry.id, entry);
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, entry);
    return 'added';
  }

  private addFact(sourceName: string, targetName: string, evidence: string): void {
    const source = this.resolve(sourceName);
    const target = this.resolve(targetName);
    if (!source || !target || source.id === target.id) return;
    const id = `${source.id}->${target.id}`;
    if (this.factIds.has(id)) return;
    this.factIds.add(id);
    this.factList.push({ source: source.id, target: target.id, evidence });
  }
}

let bundled: Taxonomy | undefined;

/** The bundled taxonomy, loaded once per process (extend a fresh Taxonomy.load() to customize). */
export function defaultTaxonomy(): Taxonomy {
  bundled ??= Taxonomy.load();
  return bundled;
}
