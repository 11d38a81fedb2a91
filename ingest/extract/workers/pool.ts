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
 * so a small input never pays for starting workers. Once the pool has two chunks per worker queued, this
 * thread prepares the next chunk itself instead of waiting (it also adds every prepared paper, so with
 * one thread per core the work balances by itself). `push` and `drain` return the extractor's output for
 * the papers done.
 */
export class ExtractionPipeline<T> {
  private chunk: PaperRecord[] = [];
  private readonly inFlight: InFlight[] = [];
  private inPool = 0;
  private pool: PreparePool | undefined;
  private preparedHere = 0;

  constructor(
    private readonly startPool: (() => PreparePool) | undefined,
    private readonly prepareHere: (record: PaperRecord) => PreparedPaper,
    private readonly add: (prepared: PreparedPaper) => T,
    private readonly poolAfter = 0,
  ) {}

  /** Chunks queued in the pool per worker before this thread prepares the next one itself. */
  static readonly QUEUED_PER_WORKER = 2;

  async push(record: PaperRecord): Promise<T[]> {
    if (!this.startPool || (!this.pool && this.preparedHere < this.poolAfter)) {
      this.preparedHere += 1;
      return [this.add(this.prepareHere(record))];
    }
    this.chunk.push(record);
    if (this.chunk.length < CHUNK) return [];
    this.pool ??= this.startPool();
    const out = this.takeReady();
    if (this.inPool < ExtractionPipeline.QUEUED_PER_WORKER * this.pool.size) this.send();
    else this.prepareChunkHere();
    // Bounded: past this many chunks waiting for the oldest, wait for it.
    while (this.inFlight.length > 2 * ExtractionPipeline.QUEUED_PER_WORKER * (this.pool.size + 1)) out.push(...(await this.take()));
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
    const prepared = this.chunk.map((r) => this.prepareHere(r));
    this.preparedHere += prepared.length;
    this.inFlight.push({ prepared: Promise.resolve(prepared), done: true, value: prepared });
    this.chunk = [];
  }

  /** The extractor's output for the chunks at the head that are ready, without waiting. */
  private takeReady(): T[] {
    const out: T[] = [];
    while (this.inFlight[0]?.done) {
      const head = this.inFlight.shift()!;
      if (head.error) throw head.error;
      for (const p of head.value!) out.push(this.add(p));
    }
    return out;
  }

  private async take(): Promise<T[]> {
    const head = this.inFlight.shift()!;
    const prepared = await head.prepared;
    return prepared.map((p) => this.add(p));
  }

  async drain(): Promise<T[]> {
    const out: T[] = [];
    if (this.chunk.length && this.pool) this.send();
    while (this.inFlight.length) out.push(...(await this.take()));
    for (const record of this.chunk) out.push(this.add(this.prepareHere(record)));
    this.chunk = [];
    return out;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
