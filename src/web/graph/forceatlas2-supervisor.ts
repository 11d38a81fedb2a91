// Supervises ForceAtlas2 in a web worker for one mounted explorer: a typed life cycle (idle /
// running), start, stop (which kills the worker and keeps the positions) and dispose on unmount.
// Never lays out on the main thread.
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { Point } from '../core/state.js';
import type { ExplorerGraph } from '../types.js';
import { readPositions } from './sync.js';

export type LayoutLifecycle = 'idle' | 'running';

export interface StopResult {
  before: Record<string, Point>;
  after: Record<string, Point>;
  /** A quiet run (the first layout of a view) replaces positions without an undo step. */
  quiet: boolean;
}

export interface StartOptions {
  /** Stop by itself after this long. */
  durationMs?: number;
  /** Whether the run replaces positions without an undo step (the first layout of a view). */
  quiet?: boolean;
}

export class ForceAtlas2Supervisor {
  private worker: FA2LayoutSupervisor | null = null;
  private current: LayoutLifecycle = 'idle';
  private startPositions: Record<string, Point> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A flag of the current run, not a count: a quiet run restarted before it ended must not make a later run quiet. */
  private quiet = false;
  private disposed = false;
  private readonly statusListeners = new Set<(s: LayoutLifecycle) => void>();
  private readonly stopListeners = new Set<(r: StopResult) => void>();

  constructor(private readonly graph: ExplorerGraph) {}

  get status(): LayoutLifecycle {
    return this.current;
  }

  onStatus(listener: (s: LayoutLifecycle) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called whenever a run ends (by the user or by its timer) with the positions before and after. */
  onStopped(listener: (r: StopResult) => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /** Starts ForceAtlas2 in a worker; a run already going only takes the new `quiet`. */
  start(options: StartOptions = {}): void {
    this.quiet = options.quiet === true;
    if (this.disposed || this.current === 'running' || this.graph.order === 0) return;
    this.startPositions = readPositions(this.graph);
    const settings = {
      ...inferSettings(this.graph),
      // Spread hubs out and keep clusters apart; Barnes-Hut keeps each step cheap on bigger graphs.
      outboundAttractionDistribution: true,
      scalingRatio: 4,
      gravity: 1,
      strongGravityMode: false,
      slowDown: 4,
      barnesHutOptimize: this.graph.order > 300,
    };
    this.worker = new FA2LayoutSupervisor(this.graph, { settings, getEdgeWeight: null });
    this.worker.start();
    performance.mark('methodgraph:layout-start');
    this.setStatus('running');
    if (options.durationMs !== undefined) this.timer = setTimeout(() => this.stop(), options.durationMs);
  }

  /** Stops and kills the worker; positions stay where the layout left them. */
  stop(): StopResult | null {
    this.clearTimer();
    if (!this.worker) return null;
    this.worker.stop();
    this.worker.kill();
    this.worker = null;
    performance.mark('methodgraph:layout-stop');
    const result = { before: this.startPositions ?? {}, after: readPositions(this.graph), quiet: this.quiet };
    this.startPositions = null;
    this.quiet = false;
    this.setStatus('idle');
    this.stopListeners.forEach((l) => l(result));
    return result;
  }

  /** Ends a running layout without keeping or recording its positions (another view takes over). */
  cancel(): void {
    if (this.current !== 'running') return;
    this.kill();
  }

  /** Kills the worker and forgets every listener; no run starts afterwards. Safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.kill();
    this.statusListeners.clear();
    this.stopListeners.clear();
  }

  /** Kills the worker without reporting a stop. */
  private kill(): void {
    this.clearTimer();
    this.worker?.kill();
    this.worker = null;
    this.startPositions = null;
    this.quiet = false;
    if (this.current !== 'idle') this.setStatus('idle');
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(s: LayoutLifecycle): void {
    this.current = s;
    for (const l of this.statusListeners) l(s);
  }
}
