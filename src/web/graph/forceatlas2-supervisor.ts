// Supervises ForceAtlas2 in a web worker for one mounted explorer: a typed life cycle (idle /
// running), start, stop (which kills the worker and keeps the positions) and dispose on unmount.
// Never lays out on the main thread. The layout runs on a copy of what is visible, so hidden
// concepts and links (hundreds in the first view) do not pull the drawn map into a hairball;
// each step's positions are copied back to the explorer's graph.
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { Point } from '../core/state.js';
import Graph from 'graphology';
import type { ExplorerGraph, NodeAttrs } from '../types.js';
import { readPositions } from './sync.js';

export type LayoutLifecycle = 'idle' | 'running';

export interface StopResult {
  before: Record<string, Point>;
  after: Record<string, Point>;
  /** A quiet run (the first layout of a view) replaces positions without an undo step. */
  quiet: boolean;
}

export interface StartOptions {
  /**
   * Stop by itself after running this long, counted from the worker's first step: starting a worker can
   * take seconds on a busy machine, and a run stopped before its first step would change nothing.
   */
  durationMs?: number;
  /** Whether the run replaces positions without an undo step (the first layout of a view). */
  quiet?: boolean;
}

/** Which nodes and links of the explorer's graph are drawn now (what the layout takes into account). */
export interface LayoutVisibility {
  node(id: string): boolean;
  edge(id: string): boolean;
}

const EVERYTHING: LayoutVisibility = { node: () => true, edge: () => true };

/**
 * Pixels a cluster node keeps free around its disc, beyond the margin every disc keeps, when the
 * layout moves overlapping discs apart: room for the group's label, which keeps off other nodes.
 */
export const LABEL_ROOM_PX = 22;

/**
 * The visible nodes (positions and sizes only, and a cluster's `room` for its label) and the visible
 * links between them.
 */
export function visibleCopy(graph: ExplorerGraph, visible: LayoutVisibility): Graph {
  const copy = new Graph({ type: 'directed', multi: true });
  graph.forEachNode((id, a) => {
    if (visible.node(id)) copy.addNode(id, { x: a.x, y: a.y, size: a.size, ...(a.kind === 'Cluster' ? { room: LABEL_ROOM_PX } : {}) });
  });
  const weights = communityWeights(graph);
  graph.forEachEdge((id, _a, source, target) => {
    if (visible.edge(id) && copy.hasNode(source) && copy.hasNode(target)) {
      copy.addEdgeWithKey(id, source, target, weights ? { weight: weights(source, target) } : {});
    }
  });
  if (weights) copy.setAttribute('weighted', true);
  return copy;
}

/** Pull of a link between two communities, against 1 within one: groups hold together, hubs do not gather them all. */
export const ACROSS_COMMUNITIES = 0.08;

/**
 * In a view with clusters (the large overview), the layout pulls along links within a community
 * (ideas and clusters carry theirs; a paper takes that of an idea it proposes) and barely along links
 * across communities, so each community stays a group of its own; null in any other view.
 */
export function communityWeights(graph: ExplorerGraph): ((source: string, target: string) => number) | null {
  let clustered = false;
  const community = new Map<string, number>();
  graph.forEachNode((_id, a) => {
    if (a.kind === 'Cluster') clustered = true;
  });
  if (!clustered) return null;
  graph.forEachNode((id, a) => {
    const c = a.properties.community;
    if (typeof c === 'number' && c >= 0 && a.kind !== 'Paper') community.set(id, c);
  });
  graph.forEachEdge((_id, a, source, target) => {
    if (a.relType !== 'PROPOSES' || community.has(source)) return;
    const c = community.get(target);
    if (c !== undefined) community.set(source, c);
  });
  return (source, target) => {
    const a = community.get(source);
    return a !== undefined && a === community.get(target) ? 1 : ACROSS_COMMUNITIES;
  };
}

/**
 * Puts every node the layout did not move (hidden when it ran) beside the laid-out nodes it links to,
 * so that showing it later (a legend toggle) draws it near its neighbours, not where it was before.
 */
export function placeBesideNeighbours(graph: ExplorerGraph, laidOut: Graph): void {
  const moved = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id) => {
    if (laidOut.hasNode(id)) return;
    let x = 0;
    let y = 0;
    let n = 0;
    graph.forEachNeighbor(id, (m, a) => {
      if (!laidOut.hasNode(m)) return;
      x += a.x;
      y += a.y;
      n += 1;
    });
    if (n === 0) return;
    // A small offset that differs per node keeps nodes with the same neighbours apart.
    const angle = (moved.size * 2.399963) % (2 * Math.PI);
    moved.set(id, { x: x / n + Math.cos(angle) * 3, y: y / n + Math.sin(angle) * 3 });
  });
  movePositions(graph, moved);
}

/** Sets the positions of the nodes `moved` names (one attributes-updated event for all). */
function movePositions(graph: ExplorerGraph, moved: ReadonlyMap<string, Point>): void {
  if (moved.size === 0) return;
  graph.updateEachNodeAttributes(
    (id, attr) => {
      const p = moved.get(id);
      if (p) {
        attr.x = p.x;
        attr.y = p.y;
      }
      return attr;
    },
    { attributes: ['x', 'y'] },
  );
}

function movedCount(before: Record<string, Point>, after: Record<string, Point>): { nodes: number; moved: number } {
  const ids = Object.keys(after);
  const moved = ids.filter((id) => {
    const b = before[id];
    return !b || Math.hypot(after[id]!.x - b.x, after[id]!.y - b.y) > 1e-6;
  }).length;
  return { nodes: ids.length, moved };
}

/** How long a timed run waits for the worker's first step before it stops without one. */
const WORKER_START_GRACE_MS = 15_000;

export class ForceAtlas2Supervisor {
  private worker: FA2LayoutSupervisor | null = null;
  private detachCopy: (() => void) | null = null;
  /** Starts the timed stop of a run at the worker's first step. */
  private onFirstStep: (() => void) | null = null;
  private finished: { nodes: number; moved: number } | null = null;
  /** The copy the current run lays out. */
  private laidOut: Graph | null = null;
  private current: LayoutLifecycle = 'idle';
  private startPositions: Record<string, Point> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A flag of the current run, not a count: a quiet run restarted before it ended must not make a later run quiet. */
  private quiet = false;
  private disposed = false;
  private readonly statusListeners = new Set<(s: LayoutLifecycle) => void>();
  private readonly stopListeners = new Set<(r: StopResult) => void>();

  /**
   * @param separate new positions for nodes the finished layout left overlapping (the laid-out copy holds
   *   the final positions and sizes); the runtime gives one in the renderer's pixels.
   */
  constructor(
    private readonly graph: ExplorerGraph,
    private readonly visibility: () => LayoutVisibility = () => EVERYTHING,
    private readonly separate: (laidOut: Graph) => Record<string, Point> = () => ({}),
  ) {}

  /** The last run that stopped: how many nodes it had and how many it moved (for tests and the bench). */
  get lastRun(): { nodes: number; moved: number } | null {
    return this.finished;
  }

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
    const copy = visibleCopy(this.graph, this.visibility());
    if (copy.order === 0) return;
    this.startPositions = readPositions(this.graph);
    const settings = {
      ...inferSettings(copy),
      // Spread hubs out and keep clusters apart; Barnes-Hut keeps each step cheap on bigger graphs.
      outboundAttractionDistribution: true,
      scalingRatio: 4,
      gravity: 1,
      strongGravityMode: false,
      slowDown: 4,
      barnesHutOptimize: copy.order > 300,
    };
    this.detachCopy = this.follow(copy);
    this.laidOut = copy;
    this.worker = new FA2LayoutSupervisor(copy, { settings, getEdgeWeight: copy.getAttribute('weighted') === true ? 'weight' : null });
    this.worker.start();
    performance.mark('methodgraph:layout-start');
    this.setStatus('running');
    if (options.durationMs !== undefined) {
      const duration = options.durationMs;
      // Stops anyway when the worker never answers.
      this.timer = setTimeout(() => this.stop(), duration + WORKER_START_GRACE_MS);
      this.onFirstStep = () => {
        this.clearTimer();
        this.timer = setTimeout(() => this.stop(), duration);
      };
    }
  }

  /** Stops and kills the worker; positions stay where the layout left them. */
  stop(): StopResult | null {
    this.clearTimer();
    if (!this.worker) return null;
    this.worker.stop();
    this.worker.kill();
    this.worker = null;
    this.detachCopy?.();
    this.detachCopy = null;
    if (this.laidOut) {
      movePositions(this.graph, new Map(Object.entries(this.separate(this.laidOut))));
      placeBesideNeighbours(this.graph, this.laidOut);
    }
    this.laidOut = null;
    performance.mark('methodgraph:layout-stop');
    const result = { before: this.startPositions ?? {}, after: readPositions(this.graph), quiet: this.quiet };
    this.finished = movedCount(result.before, result.after);
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

  /**
   * Ties the layout's copy to the explorer's graph while a run lasts: every step's positions go to the
   * explorer's graph, and nodes or links added to or dropped from it (an expansion during the run)
   * are added to or dropped from the copy, which restarts the worker on the new structure.
   */
  private follow(copy: Graph): () => void {
    const graph = this.graph;
    const positions = () => {
      const first = this.onFirstStep;
      this.onFirstStep = null;
      first?.();
      graph.updateEachNodeAttributes(
        (id, attr) => {
          if (!copy.hasNode(id)) return attr;
          attr.x = copy.getNodeAttribute(id, 'x') as number;
          attr.y = copy.getNodeAttribute(id, 'y') as number;
          return attr;
        },
        { attributes: ['x', 'y'] },
      );
    };
    const nodeAdded = ({ key, attributes: a }: { key: string; attributes: NodeAttrs }) => {
      if (!copy.hasNode(key)) copy.addNode(key, { x: a.x, y: a.y, size: a.size });
    };
    const edgeAdded = ({ key, source, target }: { key: string; source: string; target: string }) => {
      if (!copy.hasEdge(key) && copy.hasNode(source) && copy.hasNode(target)) copy.addEdgeWithKey(key, source, target);
    };
    const nodeDropped = ({ key }: { key: string }) => {
      if (copy.hasNode(key)) copy.dropNode(key);
    };
    const edgeDropped = ({ key }: { key: string }) => {
      if (copy.hasEdge(key)) copy.dropEdge(key);
    };
    const cleared = () => copy.clear();
    const mirrored = { nodeAdded, edgeAdded, nodeDropped, edgeDropped, cleared };
    const events = Object.keys(mirrored) as (keyof typeof mirrored)[];
    copy.on('eachNodeAttributesUpdated', positions);
    for (const event of events) graph.on(event, mirrored[event]);
    return () => {
      copy.removeListener('eachNodeAttributesUpdated', positions);
      for (const event of events) graph.removeListener(event, mirrored[event]);
    };
  }

  /** Kills the worker without reporting a stop. */
  private kill(): void {
    this.clearTimer();
    this.worker?.kill();
    this.worker = null;
    this.detachCopy?.();
    this.detachCopy = null;
    this.laidOut = null;
    this.startPositions = null;
    this.quiet = false;
    if (this.current !== 'idle') this.setStatus('idle');
  }

  private clearTimer(): void {
    this.onFirstStep = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(s: LayoutLifecycle): void {
    this.current = s;
    for (const l of this.statusListeners) l(s);
  }
}
