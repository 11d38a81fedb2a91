// Parallel extraction: papers are prepared in worker_threads (a pool sized from the machine, or as asked)
// in chunks, and handed back in the order they were read, so the rest of extraction (which depends on the
// papers before) runs in the main thread exactly as in the single-threaded path. At most two chunks per
// worker are in flight, so memory stays bounded whatever the corpus size.
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

/** The default pool size: every core the process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
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

/**
 * Hands records to the extractor in reading order: prepared by a pool chunk by chunk, or in this thread
 * when no pool is wanted. The first `poolAfter` papers are prepared here and the pool starts after them,
 * so a small input never pays for starting workers. `push` and `drain` return the extractor's output for
 * the papers done.
 */
export class ExtractionPipeline<T> {
  private chunk: PaperRecord[] = [];
  private readonly inFlight: Promise<PreparedPaper[]>[] = [];
  private pool: PreparePool | undefined;
  private preparedHere = 0;

  constructor(
    private readonly startPool: (() => PreparePool) | undefined,
    private readonly prepareHere: (record: PaperRecord) => PreparedPaper,
    private readonly add: (prepared: PreparedPaper) => T,
    private readonly poolAfter = 0,
  ) {}

  async push(record: PaperRecord): Promise<T[]> {
    if (!this.startPool || (!this.pool && this.preparedHere < this.poolAfter)) {
      this.preparedHere += 1;
      return [this.add(this.prepareHere(record))];
    }
    this.chunk.push(record);
    if (this.chunk.length < CHUNK) return [];
    this.pool ??= this.startPool();
    this.send();
    return this.inFlight.length > 2 * this.pool.size ? this.take() : [];
  }

  private send(): void {
    const pending = this.pool!.prepare(this.chunk);
    // Awaited in order by take(); a failure is reported there, never as an unhandled rejection.
    pending.catch(() => undefined);
    this.inFlight.push(pending);
    this.chunk = [];
  }

  private async take(): Promise<T[]> {
    const prepared = await this.inFlight.shift()!;
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
