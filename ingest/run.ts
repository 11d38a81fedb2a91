// ingest(db, options): reads the input files, extracts the graph and loads it — Papers-with-Code
// methods extend the taxonomy first, code links attach to papers, bad records are reported not loaded.
import { basename, join } from 'node:path';
import type { Database } from '../src/neo4j/driver.js';
import { applyCurations } from '../src/neo4j/curation/store.js';
import { dataDir } from '../src/neo4j/paths.js';
import type { WireGraph } from '../src/shared/graph.js';
import { createExtractor, type Extractor } from './extract/index.js';
import { DEFAULT_POOL_AFTER, defaultWorkers, ExtractionPipeline, poolSize, PreparePool } from './extract/workers/pool.js';
import { docsTopics, entityTermTest } from './extract/topics/graph.js';
import {
  finishRun,
  GraphWriter,
  introducedRow,
  MemoryStore,
  methodNodes,
  Neo4jStore,
  newRunId,
  pendingRow,
  prepareDatabase,
  ReferenceResolver,
  resetGraph,
  startRun,
  totals,
  updateTopics,
  addCounts,
  emptyCounts,
  type GraphStore,
  type IngestSink,
  type LoadCounts,
  type ReferenceCounts,
} from './load/index.js';
import { detectFormat, readFile, type CodeLink, type FormatName, type MethodEntry } from './sources/index.js';
import { SourceFileError } from './sources/file-text.js';
import { Taxonomy, type EntityKind, type TaxonomyInput } from './taxonomy/taxonomy.js';
import type { PaperRecord, SourceIssue } from './types.js';

export const DEFAULT_CORPUS = join(dataDir, 'papers-listing.txt');
const MAX_KEPT_ISSUES = 1_000;

export interface IngestOptions {
  /** Input files; the default corpus when empty. */
  files?: string[];
  /** Forces one reader for every file. */
  format?: FormatName;
  /** Extract only: nothing touches the database (db may be undefined). */
  dryRun?: boolean;
  /** Keep the resolved graph in the summary (for --json). Always on for dry runs. */
  collectGraph?: boolean;
  /** Read and validate every file first; write nothing if any record is rejected. */
  strict?: boolean;
  /** Delete the whole graph before loading. */
  reset?: boolean;
  batchSize?: number;
  /**
   * Threads that prepare papers in parallel: this one and N − 1 worker_threads; 1 extracts in this thread.
   * Default: every core (os.availableParallelism()), the workers started after the first 1,000 papers (a
   * smaller input is extracted here); a number given starts them at once. Output is the same whatever the number.
   */
  workers?: number;
  /** The taxonomy to extract with (default: a fresh copy of the bundled one). */
  taxonomy?: Taxonomy;
  onIssue?: (issue: SourceIssue) => void;
  onWarning?: (message: string) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** With dryRun: takes the run's batches, pending references and unattached code links in place of a database (the bulk loader, ingest/load/bulk). */
  sink?: IngestSink;
}

export interface IngestProgress {
  phase: 'validate' | 'read' | 'finish';
  file: string;
  fileIndex: number;
  files: number;
  records: number;
  rejected: number;
  batches: number;
}

export interface FileSummary {
  path: string;
  format?: FormatName;
  records: number;
  rejected: number;
}

export interface IngestSummary {
  files: FileSummary[];
  /** Paper records read and extracted. */
  records: number;
  /** Issues: rejected records and unreadable files. */
  rejected: number;
  /** The first issues (all of them went to onIssue). */
  issues: SourceIssue[];
  /** Whether anything was written to the database. */
  wrote: boolean;
  /** Set when --strict refused to write. */
  refused?: string;
  counts: LoadCounts;
  taxonomy?: { added: number; merged: number };
  /** The ingest run recorded in the database (absent for dry runs and refused runs). */
  run?: string;
  /** References the run could not resolve itself: stored as pending, and the links pending references made. */
  references?: ReferenceCounts;
  codeLinks: { read: number; attached: number; unmatched: number };
  graph?: WireGraph;
  timings: { totalMs: number };
}

// Collections of model families ("Language Models", "Convolutional Neural Networks"); "Model Compression" is a method.
const ARCHITECTURE_COLLECTION = /network|architecture|transformer|\bmodels\b|backbone|convolution|recurrent|autoencoder|\bgan/i;

/** A Papers-with-Code method as a taxonomy entry (kind from its collections). */
export function methodToTaxonomy(method: MethodEntry): TaxonomyInput {
  const kind: EntityKind = method.collections.some((c) => ARCHITECTURE_COLLECTION.test(c.collection)) ? 'Architecture' : 'Method';
  const aliases = method.fullName && method.fullName !== method.name ? [method.fullName] : [];
  // The introducing paper's title (not a URL) lets the extractor credit that paper with the method.
  const paper = method.paper && !/^https?:\/\//i.test(method.paper) ? method.paper : undefined;
  return {
    kind,
    name: method.name,
    aliases,
    ...(method.description ? { description: method.description.slice(0, 2000) } : {}),
    ...(paper ? { paper } : {}),
    ...(method.year !== undefined ? { year: method.year } : {}),
  };
}

/** Code links by arXiv id and by Papers-with-Code paper URL, each used at most once. */
class CodeLinkIndex {
  private byArxiv = new Map<string, CodeLink[]>();
  private byUrl = new Map<string, CodeLink[]>();
  private used = new Set<CodeLink>();
  read = 0;

  add(link: CodeLink): void {
    this.read += 1;
    if (link.arxivId) push(this.byArxiv, link.arxivId, link);
    if (link.paperUrl) push(this.byUrl, link.paperUrl, link);
  }

  /** Adds the repositories linked to this record to its `code`. */
  attach(record: PaperRecord): PaperRecord {
    const links = [
      ...(record.arxivId ? (this.byArxiv.get(record.arxivId) ?? []) : []),
      ...(record.sourceId ? (this.byUrl.get(record.sourceId) ?? []) : []),
      ...(record.url ? (this.byUrl.get(record.url) ?? []) : []),
    ];
    if (links.length === 0) return record;
    for (const l of links) this.used.add(l);
    return { ...record, code: [...new Set([...(record.code ?? []), ...links.map((l) => l.repoUrl)])] };
  }

  unused(): CodeLink[] {
    const all = new Set([...this.byArxiv.values(), ...this.byUrl.values()].flat());
    return [...all].filter((l) => !this.used.has(l));
  }
}

/** The topic step over the papers an in-memory store holds, written into it; returns what it wrote. */
async function memoryTopics(memory: MemoryStore, taxonomy: Taxonomy, batchSize: number): Promise<LoadCounts> {
  const { docs, entityKeys } = memory.topicInput();
  const topics = new GraphWriter([memory], undefined, { batchSize });
  await topics.add(docsTopics(docs, entityTermTest(taxonomy, entityKeys)));
  return topics.close();
}

/** The record with its source as "<file name>:<position>": no machine's paths in the graph. */
function withFileName(record: PaperRecord, path: string): PaperRecord {
  if (!record.source.startsWith(path)) return record;
  return { ...record, source: `${basename(path)}${record.source.slice(path.length)}` };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const PAPER_ORDER: Record<FormatName, number> = {
  'pwc-methods': 0,
  'pwc-links': 1,
  listing: 2,
  json: 2,
  jsonl: 2,
  'arxiv-atom': 2,
  bibtex: 2,
  'pwc-papers': 2,
  'semantic-scholar': 2,
};

/**
 * Reads, extracts and loads. Never throws for bad input (it is reported through onIssue and the
 * summary); throws for database failures.
 */
export async function ingest(db: Database | undefined, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const paths = options.files?.length ? options.files : [DEFAULT_CORPUS];
  const dryRun = options.dryRun === true || !db;
  const issues: SourceIssue[] = [];
  const files: FileSummary[] = [];
  let rejected = 0;
  let records = 0;
  let batches = 0;
  const report = (file: FileSummary, issue: SourceIssue) => {
    rejected += 1;
    file.rejected += 1;
    if (issues.length < MAX_KEPT_ISSUES) issues.push(issue);
    options.onIssue?.(issue);
  };

  // Formats first: methods extend the taxonomy and links attach to papers before any paper is read.
  for (const path of paths) {
    const file: FileSummary = { path, records: 0, rejected: 0 };
    files.push(file);
    try {
      file.format = options.format ?? (await detectFormat(path));
    } catch (err) {
      const position = err instanceof SourceFileError ? err.position : 'file';
      report(file, { file: path, position, reason: `ingest/sources/detect: ${(err as Error).message}` });
    }
  }
  const ordered = files.filter((f) => f.format).sort((a, b) => PAPER_ORDER[a.format!] - PAPER_ORDER[b.format!]);
  const progress = (phase: IngestProgress['phase'], file: FileSummary) =>
    options.onProgress?.({ phase, file: file.path, fileIndex: ordered.indexOf(file), files: ordered.length, records, rejected, batches });

  const summary = (extra: Partial<IngestSummary>): IngestSummary => ({
    files,
    records,
    rejected,
    issues,
    wrote: false,
    counts: writer?.counts ?? new GraphWriter([], undefined).counts,
    codeLinks: { read: 0, attached: 0, unmatched: 0 },
    timings: { totalMs: performance.now() - started },
    ...extra,
  });
  let writer: GraphWriter | undefined;

  if (options.strict) {
    for (const file of ordered) {
      for await (const item of readFile(file.path, { format: file.format! })) {
        if (item.kind === 'issue') report(file, item.issue);
      }
      progress('validate', file);
    }
    if (rejected > 0) {
      return summary({
        refused: `--strict: ${rejected} problem(s) found; nothing was written. Fix them or run without --strict to load the valid records.`,
      });
    }
  }

  const taxonomy = options.taxonomy ?? Taxonomy.load();
  const links = new CodeLinkIndex();
  const methods: MethodEntry[] = [];
  let extensions: TaxonomyInput[] = [];
  let taxonomyResult: IngestSummary['taxonomy'];

  // A sink (the bulk loader) stands in for the database: it gets the batches, references and leftover links.
  const sink = dryRun ? options.sink : undefined;
  const run = dryRun ? sink?.run : newRunId();
  const memory = (dryRun && !sink) || options.collectGraph ? new MemoryStore() : undefined;
  const stores: GraphStore[] = sink ? [sink] : [];
  if (!dryRun) stores.push(new Neo4jStore(db!, run));
  if (memory) stores.push(memory);
  writer = new GraphWriter(stores, dryRun ? undefined : db, {
    run,
    batchSize: options.batchSize,
    onWarning: options.onWarning,
    onBatch: (counts) => {
      batches = counts.batches;
    },
  });

  if (!dryRun) {
    await prepareDatabase(db!);
    if (options.reset) await resetGraph(db!);
    await startRun(db!, run!, paths);
  }
  const resolver = dryRun ? undefined : new ReferenceResolver(db!, run!, writer.batchSize);
  const references = resolver ?? sink?.references;
  // Methods extend the taxonomy (before the first paper is extracted) and become nodes themselves.
  const extendTaxonomy = async () => {
    if (methods.length === 0) return;
    extensions = methods.map(methodToTaxonomy);
    const r = taxonomy.extend(extensions);
    sink?.extendTaxonomy(extensions);
    taxonomyResult = { added: r.added, merged: r.merged };
    const { nodes, introduced } = methodNodes(methods, taxonomy);
    await writer!.add({ nodes, edges: [] });
    for (const intro of introduced) await references?.add(introducedRow(intro));
    methods.length = 0;
  };

  let extractor: Extractor | undefined;
  let pipeline: ExtractionPipeline<WireGraph> | undefined;
  // Workers prepare papers with the bundled taxonomy as this run extends it; a caller's own taxonomy stays in-process.
  const workers = options.taxonomy ? 1 : Math.max(1, options.workers ?? defaultWorkers());
  try {
    for (const file of ordered) {
      for await (const item of readFile(file.path, { format: file.format! })) {
        switch (item.kind) {
          case 'issue':
            if (!options.strict) report(file, item.issue);
            break;
          case 'method':
            methods.push(item.method);
            break;
          case 'code-link':
            links.add(item.link);
            break;
          case 'record': {
            if (!extractor) {
              await extendTaxonomy();
              const ex = (extractor = createExtractor({ taxonomy }));
              pipeline = new ExtractionPipeline(
                poolSize(workers) > 0 ? () => new PreparePool(poolSize(workers), extensions) : undefined,
                (r) => ex.prepare(r),
                (prepared) => ex.addPrepared(prepared),
                options.workers === undefined ? DEFAULT_POOL_AFTER : 0,
              );
            }
            records += 1;
            file.records += 1;
            for (const graph of await pipeline!.push(links.attach(withFileName(item.record, file.path)))) await writer.add(graph);
            if (records % 50 === 0) progress('read', file);
            break;
          }
        }
      }
      progress('read', file);
    }
    for (const graph of (await pipeline?.drain()) ?? []) await writer.add(graph);
  } finally {
    await pipeline?.close();
  }
  if (!extractor) await extendTaxonomy();
  if (extractor) {
    await writer.add(extractor.finish());
    // Papers are resolved to their stored ids as batches are written: write them all first.
    await writer.flush();
    for (const ref of extractor.unresolved()) await references?.add(pendingRow(ref, (id) => writer!.paperId(id)));
  }
  const leftovers = links.unused();
  sink?.deferCodeLinks(leftovers);
  const unmatched = sink ? 0 : await writer.attachCodeLinks(leftovers);
  const referenceCounts = await resolver?.resolve(writer.counts);
  // Topics are corpus-wide: over the whole stored graph, and over what the export holds.
  if (!dryRun) await updateTopics(db!, taxonomy, {}, writer.counts);
  if (memory) addCounts(dryRun && !sink ? writer.counts : emptyCounts(), await memoryTopics(memory, taxonomy, writer.batchSize));
  // Curations apply over what was just loaded (topics included): a rejected link a re-ingest brought back goes again.
  if (!dryRun) await applyCurations(db!);
  const counts = await writer.close();
  if (run && !dryRun) {
    const t = totals(counts);
    await finishRun(db!, run, {
      records,
      rejected,
      nodesCreated: t.nodes.created,
      relationshipsCreated: t.relationships.created,
      counts: JSON.stringify(counts),
    });
  }
  const last = ordered[ordered.length - 1];
  if (last) progress('finish', last);
  return summary({
    wrote: !dryRun,
    counts,
    run,
    references: referenceCounts,
    taxonomy: taxonomyResult,
    codeLinks: { read: links.read, attached: links.read - unmatched, unmatched },
    graph: memory?.graph(),
  });
}
