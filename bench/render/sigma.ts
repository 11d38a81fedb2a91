// Rendering bench page for sigma v3 on graphology (what the explorer uses): first paint, fps while
// the camera pans and zooms, and main-thread stalls while ForceAtlas2 runs in its web worker.
import Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { edgeArrowProgram, edgeLineProgram, nodeCircleProgram } from '../../src/web/graph/programs.js';
import { cameraAt, makeGraph, nextFrame, PALETTE, readParams, watchMainThread, type RenderResult } from './graph.js';

async function run(): Promise<RenderResult> {
  const params = readParams();
  const data = makeGraph(params.n);
  const container = document.getElementById('graph')!;

  const t0 = performance.now();
  const graph = new Graph({ multi: true, type: 'directed' });
  for (let i = 0; i < data.n; i++) {
    graph.addNode(i, { x: data.x[i], y: data.y[i], size: 2, color: PALETTE[data.cluster[i]! % PALETTE.length], label: `n${i}` });
  }
  for (let k = 0; k < data.source.length; k++) graph.addEdge(data.source[k], data.target[k], { size: 0.5, color: '#ccc' });
  // Sigma draws its first frame inside the constructor; the frame after it is on screen.
  const extra = JSON.parse(new URLSearchParams(location.search).get('settings') ?? '{}') as Record<string, unknown>;
  // The explorer's own programs (src/web/graph/programs.ts: sigma's shaders without instancing, which
  // software WebGL draws far faster); `?programs=stock` measures sigma's defaults instead.
  const stock = new URLSearchParams(location.search).get('programs') === 'stock';
  const programs = stock
    ? {}
    : { nodeProgramClasses: { circle: nodeCircleProgram() }, edgeProgramClasses: { line: edgeLineProgram(), arrow: edgeArrowProgram() } };
  const renderer = new Sigma(graph, container, { renderLabels: true, labelRenderedSizeThreshold: 8, ...programs, ...extra });
  let frames = 0;
  let renderStart = 0;
  const renderMs: number[] = [];
  renderer.on('beforeRender', () => (renderStart = performance.now()));
  renderer.on('afterRender', () => {
    frames++;
    renderMs.push(performance.now() - renderStart);
  });
  await nextFrame();
  const painted = performance.now();

  // Frames per second while the camera moves every animation frame.
  const camera = renderer.getCamera();
  frames = 0;
  const fpsStart = performance.now();
  while (performance.now() - fpsStart < params.fpsMs) {
    camera.setState(cameraAt((performance.now() - fpsStart) / 1000));
    await nextFrame();
  }
  const fpsElapsed = performance.now() - fpsStart;
  const fpsFrames = frames;
  camera.setState({ x: 0.5, y: 0.5, ratio: 1 });

  // ForceAtlas2 in its worker, settings as in src/web/graph/forceatlas2-supervisor.ts; watch the main thread meanwhile.
  // ?draw=0 kills the renderer first: the main-thread cost of applying the worker's positions alone.
  const drawDuringLayout = new URLSearchParams(location.search).get('draw') !== '0';
  if (!drawDuringLayout) renderer.kill();
  const watch = watchMainThread();
  frames = 0;
  const settings = { ...inferSettings(graph), slowDown: 3, adjustSizes: false, barnesHutOptimize: graph.order > 400 };
  const startAt = performance.now();
  const layout = new FA2LayoutSupervisor(graph, { settings, getEdgeWeight: null });
  layout.start();
  const startMs = performance.now() - startAt;
  await new Promise((r) => setTimeout(r, params.layoutMs));
  layout.kill();
  const stalls = watch.stop();
  const layoutFrames = frames;
  if (drawDuringLayout) renderer.kill();

  return {
    library: 'sigma',
    nodes: graph.order,
    edges: graph.size,
    navigationToPaintMs: painted,
    firstPaintMs: painted - t0,
    fps: (fpsFrames * 1000) / fpsElapsed,
    frames: fpsFrames,
    layout: { ...stalls, iterations: layoutFrames, startMs },
    renderMs: renderMs.sort((a, b) => a - b)[Math.floor(renderMs.length / 2)] ?? NaN,
  };
}

window.benchResult = run();
