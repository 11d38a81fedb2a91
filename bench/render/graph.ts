// Page side of the rendering bench: a deterministic random graph with positions (clusters, about
// 5 edges per node), and the probes both pages share (first paint, frame rate, main-thread stalls).

export interface BenchGraph {
  n: number;
  x: Float32Array;
  y: Float32Array;
  cluster: Uint16Array;
  /** Edge endpoints, edge k = (source[k], target[k]). */
  source: Uint32Array;
  target: Uint32Array;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n nodes in √n/2 Gaussian clusters; `edgesPerNode`·n edges, 80% inside a cluster. */
export function makeGraph(n: number, edgesPerNode = 5, seed = 1): BenchGraph {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const clusters = Math.max(1, Math.round(Math.sqrt(n) / 2));
  const cx = Array.from({ length: clusters }, () => random() * 1000);
  const cy = Array.from({ length: clusters }, () => random() * 1000);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const cluster = new Uint16Array(n);
  const members: number[][] = Array.from({ length: clusters }, () => []);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random() * clusters);
    cluster[i] = c;
    members[c]!.push(i);
    x[i] = cx[c]! + gauss() * 25;
    y[i] = cy[c]! + gauss() * 25;
  }
  const m = Math.round(n * edgesPerNode);
  const source = new Uint32Array(m);
  const target = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const s = Math.floor(random() * n);
    let t: number;
    const own = members[cluster[s]!]!;
    if (random() < 0.8 && own.length > 1) t = own[Math.floor(random() * own.length)]!;
    else t = Math.floor(random() * n);
    if (t === s) t = (s + 1) % n;
    source[k] = s;
    target[k] = t;
  }
  return { n, x, y, cluster, source, target };
}

export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Watches the main thread: long tasks (≥ 50 ms, from the browser) and the longest gap between timer ticks. */
export function watchMainThread(): { stop(): { longestTaskMs: number; longTasks: number; maxGapMs: number } } {
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let maxGapMs = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop() {
      running = false;
      for (const entry of observer.takeRecords()) {
        longTasks++;
        longestTaskMs = Math.max(longestTaskMs, entry.duration);
      }
      observer.disconnect();
      return { longestTaskMs, longTasks, maxGapMs };
    },
  };
}

/** Camera path for the fps probe: a circle around the centre while zooming in and out. */
export function cameraAt(t: number): { x: number; y: number; ratio: number } {
  const angle = t * 2 * Math.PI * 0.5;
  return { x: 0.5 + 0.2 * Math.cos(angle), y: 0.5 + 0.2 * Math.sin(angle), ratio: 0.6 + 0.4 * Math.sin(angle * 1.3) };
}

export interface RenderResult {
  library: string;
  nodes: number;
  edges: number;
  /** From navigation start to the first painted frame with the graph. */
  navigationToPaintMs: number;
  /** From handing the graph data to the library to the first painted frame. */
  firstPaintMs: number;
  fps: number;
  frames: number;
  layout: { longestTaskMs: number; longTasks: number; maxGapMs: number; iterations: number; startMs?: number };
  /** Median main-thread time of one render call, where the library reports it. */
  renderMs?: number;
}

export interface BenchParams {
  n: number;
  fpsMs: number;
  layoutMs: number;
}

export function readParams(): BenchParams {
  const q = new URLSearchParams(location.search);
  return { n: Number(q.get('n') ?? 1000), fpsMs: Number(q.get('fps') ?? 3000), layoutMs: Number(q.get('layout') ?? 3000) };
}

declare global {
  interface Window {
    benchResult?: Promise<RenderResult>;
  }
}
