// Parallel extraction: papers are prepared in worker_threads (a pool sized from the machine, or as asked)
// in chunks, and handed back in the order they were read, so the rest of extraction (which depends on the
// papers before) runs in the main thread exactly as in the single-threaded path. The main thread also
// prepares chunks while the pool is busy; at most a few chunks per thread are in flight, so memory stays
// bounded whatever the corpus size.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TaxonomyInput } from '../../taxonomy/taxonomy.js';
import type { PaperRecord } from '../../types.js';
import type { PreparedPaper } from '../prepare.js';

export const CHUNK = 32;
/**
 * Papers prepared in this thread before a pool of the default size starts: starting workers (each loads
 * tsx, the language model and the taxonomy) costs seconds, which a corpus of a few hundred papers (the
 * default one) never wins back. A pool the caller asked for starts at the first full chunk.
 */
export const DEFAULT_POOL_AFTER = 1000;

/**
 * The default number of threads that prepare papers: every core the process may use. This thread is
 * one of them (it prepares what the pool has no room for, and adds every paper), so a pool has one
 * worker fewer.
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Worker threads for `threads` preparing threads: all but this one. */
export function poolSize(threads: number): number {
  return Math.max(0, threads - 1);
}

interface Pending {
  resolve: (prepared: PreparedPaper[]) => void;
  reject: (err: Error) => void;
}

export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(size: number, extensions: TaxonomyInput[]) {
    const boot = new URL('./boot.mjs', import.meta.url);
    const entry = new URL('./prepare-worker.ts', import.meta.url).href;
    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(boot, { workerData: { entry, extensions } });
      worker.on('message', (m: { id: number; prepared?: PreparedPaper[]; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.prepared) p.resolve(m.prepared);
        else p.reject(new Error(`ingest/extract/workers: extraction worker ${i + 1} failed: ${m.error}`));
      });
      worker.on('error', (err) =>
        this.fail(new Error(`ingest/extract/workers: extraction worker ${i + 1} crashed: ${err.message}`, { cause: err })),
      );
      worker.on('exit', (code) => {
        if (code !== 0 && this.pending.size > 0)
          this.fail(new Error(`ingest/extract/workers: extraction worker ${i + 1} exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Prepares a chunk of records in the next worker (round robin). */
  prepare(records: PaperRecord[]): Promise<PreparedPaper[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, records });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A chunk on its way back: prepared by the pool or in this thread; `done` once its papers are ready. */
interface InFlight {
  prepared: Promise<PreparedPaper[]>;
  done: boolean;
  value?: PreparedPaper[];
  error?: Error;
}

/**
 * Hands records to the extractor in reading order: prepared by a pool chunk by chunk, or in this thread
 * when no pool is wanted. The first `poolAfter` papers are prepared here and the pool starts after them,
 * so a small input never pays for starting workers. When the pool has two chunks per worker queued, this
 * thread prepares the next chunk itself instead of waiting, up to its fair share: it also adds every paper
 * and does the caller's work between pushes, so it takes the share of preparing that makes it finish with
 * the workers, from the times it measures (see hereShare). `push` and `drain` return the extractor's
 * output for the papers done.
 */
export class ExtractionPipeline<T> {
  private chunk: PaperRecord[] = [];
  private readonly inFlight: InFlight[] = [];
  private inPool = 0;
  private pool: PreparePool | undefined;
  private preparedHere = 0;
  /** Chunks since the pool started, and those of them prepared in this thread. */
  private chunks = 0;
  private chunksHere = 0;
  /** Milliseconds this thread spent preparing, adding, and in the caller between pushes. */
  private prepareMs = 0;
  private otherMs = 0;
  private otherPapers = 0;
  private returnedAt: number | undefined;

  constructor(
    private readonly startPool: (() => PreparePool) | undefined,
    private readonly prepareHere: (record: PaperRecord) => PreparedPaper,
    private readonly add: (prepared: PreparedPaper) => T,
    private readonly poolAfter = 0,
  ) {}

  /** Chunks queued in the pool per worker before this thread prepares the next one itself. */
  static readonly QUEUED_PER_WORKER = 2;

  async push(record: PaperRecord): Promise<T[]> {
    const entered = performance.now();
    if (this.returnedAt !== undefined) {
      this.otherMs += entered - this.returnedAt;
      this.otherPapers += 1;
    }
    try {
      return await this.pushRecord(record);
    } finally {
      this.returnedAt = performance.now();
    }
  }

  private async pushRecord(record: PaperRecord): Promise<T[]> {
    if (!this.startPool || (!this.pool && this.preparedHere < this.poolAfter)) {
      this.preparedHere += 1;
      return [this.addTimed(this.prepareTimed(record))];
    }
    this.chunk.push(record);
    if (this.chunk.length < CHUNK) return [];
    this.pool ??= this.startPool();
    const out = this.takeReady();
    this.chunks += 1;
    const full = this.inPool >= ExtractionPipeline.QUEUED_PER_WORKER * this.pool.size;
    if (full && this.chunksHere < this.hereShare(this.pool.size) * this.chunks) this.prepareChunkHere();
    else this.send();
    // Bounded: past this many chunks waiting for the oldest, wait for it.
    while (this.inFlight.length > 2 * ExtractionPipeline.QUEUED_PER_WORKER * (this.pool.size + 1)) out.push(...(await this.take()));
    return out;
  }

  /**
   * The share of chunks this thread should prepare so that it finishes with `workers` workers: with p
   * the time to prepare a paper and a this thread's other time per paper (adding it, the caller's work),
   * (N·a + s·N·p) = (1 − s)·N·p / workers gives s = (p − workers·a) / ((workers + 1)·p). Until both are
   * measured, one chunk in five.
   */
  private hereShare(workers: number): number {
    if (this.preparedHere === 0 || this.otherPapers === 0) return 0.2;
    const p = this.prepareMs / this.preparedHere;
    const a = this.otherMs / this.otherPapers;
    return Math.min(1, Math.max(0, (p - workers * a) / ((workers + 1) * p)));
  }

  private prepareTimed(record: PaperRecord): PreparedPaper {
    const started = performance.now();
    const prepared = this.prepareHere(record);
    this.prepareMs += performance.now() - started;
    return prepared;
  }

  private addTimed(prepared: PreparedPaper): T {
    const started = performance.now();
    const out = this.add(prepared);
    this.otherMs += performance.now() - started;
    return out;
  }

  private send(): void {
    const entry: InFlight = { prepared: this.pool!.prepare(this.chunk), done: false };
    this.inPool += 1;
    // Kept on the entry for takeReady, or awaited in order by take(); a failure is reported there, never as an unhandled rejection.
    entry.prepared.then(
      (value) => {
        entry.value = value;
        entry.done = true;
        this.inPool -= 1;
      },
      (err: Error) => {
        entry.error = err;
        entry.done = true;
        this.inPool -= 1;
      },
    );
    this.inFlight.push(entry);
    this.chunk = [];
  }

  private prepareChunkHere(): void {
    const prepared = this.chunk.map((r) => this.prepareTimed(r));
    this.preparedHere += prepared.length;
    this.chunksHere += 1;
    this.inFlight.push({ prepared: Promise.resolve(prepared), done: true, value: prepared });
    this.chunk = [];
  }

  /** The extractor's output for the chunks at the head that are ready, without waiting. */
  private takeReady(): T[] {
    const out: T[] = [];
    while (this.inFlight[0]?.done) {
      const head = this.inFlight.shift()!;
      if (head.error) throw head.error;
      for (const p of head.value!) out.push(this.addTimed(p));
    }
    return out;
  }

  private async take(): Promise<T[]> {
    const head = this.inFlight.shift()!;
    const prepared = await head.prepared;
    return prepared.map((p) => this.addTimed(p));
  }

  async drain(): Promise<T[]> {
    const out: T[] = [];
    if (this.chunk.length && this.pool) this.send();
    while (this.inFlight.length) out.push(...(await this.take()));
    for (const record of this.chunk) out.push(this.addTimed(this.prepareTimed(record)));
    this.chunk = [];
    return out;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
