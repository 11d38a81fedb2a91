// Supervises ForceAtlas2 in a web worker: a typed life cycle (idle / running), start, stop (which
// kills the worker and keeps the positions) and kill on unmount. Never lays out on the main thread.
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { Point } from '../core/state.js';
import { graph, pointer } from './graph-and-renderer.js';
import { readPositions } from './sync.js';

export type LayoutLifecycle = 'idle' | 'running';

let supervisor: FA2LayoutSupervisor | null = null;
let status: LayoutLifecycle = 'idle';
let startPositions: Record<string, Point> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<(s: LayoutLifecycle) => void>();

function setStatus(s: LayoutLifecycle): void {
  status = s;
  pointer.layoutRunning = s === 'running';
  for (const l of listeners) l(s);
}

export function layoutStatus(): LayoutLifecycle {
  return status;
}

export function onLayoutStatus(listener: (s: LayoutLifecycle) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts ForceAtlas2 in a worker; with `durationMs` it stops by itself. */
export function startLayout(durationMs?: number): void {
  if (status === 'running' || graph.order === 0) return;
  startPositions = readPositions();
  const settings = {
    ...inferSettings(graph),
    // Spread hubs out and keep clusters apart; Barnes-Hut keeps each step cheap on bigger graphs.
    outboundAttractionDistribution: true,
    scalingRatio: 4,
    gravity: 1,
    strongGravityMode: false,
    slowDown: 4,
    barnesHutOptimize: graph.order > 300,
  };
  supervisor = new FA2LayoutSupervisor(graph, { settings, getEdgeWeight: null });
  supervisor.start();
  performance.mark('methodgraph:layout-start');
  setStatus('running');
  if (durationMs !== undefined) timer = setTimeout(() => stopLayout(), durationMs);
}

export interface StopResult {
  before: Record<string, Point>;
  after: Record<string, Point>;
}

/** Stops and kills the worker; positions stay where the layout left them. */
export function stopLayout(): StopResult | null {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!supervisor) return null;
  supervisor.stop();
  supervisor.kill();
  supervisor = null;
  performance.mark('methodgraph:layout-stop');
  const before = startPositions ?? {};
  startPositions = null;
  const after = readPositions();
  setStatus('idle');
  stopHandlers.forEach((h) => h({ before, after }));
  return { before, after };
}

const stopHandlers = new Set<(r: StopResult) => void>();

/** Called whenever a run ends (by the user or by its timer) with the positions before and after. */
export function onLayoutStopped(handler: (r: StopResult) => void): () => void {
  stopHandlers.add(handler);
  return () => stopHandlers.delete(handler);
}

/** Kills the worker without reporting (unmount). Safe to call twice. */
export function killLayout(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  supervisor?.kill();
  supervisor = null;
  startPositions = null;
  if (status !== 'idle') setStatus('idle');
}
