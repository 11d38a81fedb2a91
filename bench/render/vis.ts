// Rendering bench page for the baseline, vis-network (what neovis.js draws with), on the same graphs:
// positions given and physics off for first paint and fps; its own physics on for the layout probe.
import { DataSet, Network } from 'vis-network/standalone';
import { cameraAt, makeGraph, nextFrame, PALETTE, readParams, watchMainThread, type RenderResult } from './graph.js';

async function run(): Promise<RenderResult> {
  const params = readParams();
  const data = makeGraph(params.n);
  const container = document.getElementById('graph')!;

  const t0 = performance.now();
  const nodes = new DataSet(
    Array.from({ length: data.n }, (_, i) => ({
      id: i,
      x: data.x[i]! * 10,
      y: data.y[i]! * 10,
      label: `n${i}`,
      color: PALETTE[data.cluster[i]! % PALETTE.length],
    })),
  );
  const edges = new DataSet(Array.from(data.source, (s, k) => ({ id: k, from: s, to: data.target[k]! })));
  const network = new Network(
    container,
    { nodes, edges },
    {
      physics: { enabled: false },
      layout: { improvedLayout: false },
      interaction: { hideEdgesOnDrag: false, hideEdgesOnZoom: false },
      nodes: { shape: 'dot', size: 4, font: { size: 10 } },
      edges: { width: 0.5, color: '#ccc', smooth: false },
    },
  );
  let frames = 0;
  let drawStart = 0;
  const renderMs: number[] = [];
  network.on('beforeDrawing', () => (drawStart = performance.now()));
  network.on('afterDrawing', () => {
    frames++;
    renderMs.push(performance.now() - drawStart);
  });
  while (frames === 0) await nextFrame();
  await nextFrame();
  const painted = performance.now();

  // Frames per second while the view moves every animation frame (same path as the sigma page).
  const base = network.getViewPosition();
  const baseScale = network.getScale();
  frames = 0;
  const fpsStart = performance.now();
  while (performance.now() - fpsStart < params.fpsMs) {
    const c = cameraAt((performance.now() - fpsStart) / 1000);
    network.moveTo({
      position: { x: base.x + (c.x - 0.5) * 10000, y: base.y + (c.y - 0.5) * 10000 },
      scale: baseScale / c.ratio,
      animation: false,
    });
    await nextFrame();
  }
  const fpsElapsed = performance.now() - fpsStart;
  const fpsFrames = frames;

  // vis-network's own force layout (Barnes-Hut) runs on the main thread: watch it.
  const watch = watchMainThread();
  frames = 0;
  network.setOptions({ physics: { enabled: true, stabilization: { enabled: false }, solver: 'barnesHut' } });
  await new Promise((r) => setTimeout(r, params.layoutMs));
  network.setOptions({ physics: { enabled: false } });
  const stalls = watch.stop();
  const layoutFrames = frames;
  network.destroy();

  return {
    library: 'vis-network',
    nodes: data.n,
    edges: data.source.length,
    navigationToPaintMs: painted,
    firstPaintMs: painted - t0,
    fps: (fpsFrames * 1000) / fpsElapsed,
    frames: fpsFrames,
    layout: { ...stalls, iterations: layoutFrames },
    renderMs: renderMs.sort((a, b) => a - b)[Math.floor(renderMs.length / 2)] ?? NaN,
  };
}

window.benchResult = run();
