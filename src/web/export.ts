// Downloads: a PNG of the current view (@sigma/export-image), a GEXF of the visible graph
// (graphology-gexf, loaded on demand) and a CSV of the result table.
import { toCsv } from './core/csv.js';
import { isEdgeVisible, isNodeVisible } from './core/filters/index.js';
import type { TableResult } from './core/state.js';
import { MultiDirectedGraph } from 'graphology';
import type { GraphRuntime } from './runtime/graph-runtime.js';
import type { LabelDrawer } from './graph/labels.js';
import type { ToImageOptions } from '@sigma/export-image';

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type ImageOptions = Partial<ToImageOptions>;

/**
 * How the image of the view is drawn: @sigma/export-image draws with a temporary renderer of the same
 * settings, so it gets a label drawer of its own (the view's holds the boxes of the view's last frame) that
 * starts each of the temporary renderer's frames afresh. It keeps out of the same areas as the view's (the
 * stage's edges, the panels over the stage): a label the view moved or left out is moved or left out in
 * the image too, and none is cut at the image's edge.
 */
function imageOptions(labels: LabelDrawer): { drawer: LabelDrawer; options: ImageOptions } {
  const drawer = labels.forExport();
  const drawLabel = (...args: Parameters<LabelDrawer['draw']>) => drawer.draw(...args);
  return {
    drawer,
    options: {
      backgroundColor: '#ffffff',
      sigmaSettings: { defaultDrawNodeLabel: drawLabel as unknown as NonNullable<ImageOptions['sigmaSettings']>['defaultDrawNodeLabel'] },
      withTempRenderer: (renderer) => {
        renderer.on('beforeRender', drawer.beginFrame);
        renderer.on('afterRender', drawer.endFrame);
        renderer.refresh();
      },
    },
  };
}

export async function exportPng(rt: GraphRuntime): Promise<void> {
  const mounted = rt.renderer();
  if (!mounted) return;
  const { downloadAsPNG } = await import('@sigma/export-image');
  const { options } = imageOptions(mounted.labels);
  await downloadAsPNG(mounted.sigma as unknown as Parameters<typeof downloadAsPNG>[0], { ...options, fileName: 'methodgraph' });
}

/** The labels the PNG export draws for the current view (for tests: the image labels what the view labels). */
export async function exportedLabels(rt: GraphRuntime): Promise<string[]> {
  const mounted = rt.renderer();
  if (!mounted) return [];
  const { drawOnCanvas } = await import('@sigma/export-image');
  const { drawer, options } = imageOptions(mounted.labels);
  await drawOnCanvas(mounted.sigma as unknown as Parameters<typeof drawOnCanvas>[0], options);
  return [...drawer.drawn()];
}

export async function exportGexf(rt: GraphRuntime): Promise<void> {
  const { write } = await import('graphology-gexf/browser');
  const { graph } = rt;
  const view = rt.getState().view;
  const visible = new MultiDirectedGraph();
  graph.forEachNode((id, a) => {
    if (!isNodeVisible(view, id)) return;
    const color = rt.sigma()?.getNodeDisplayData(id)?.color ?? a.color;
    visible.addNode(id, {
      label: a.label,
      kind: a.kind,
      x: a.x,
      y: a.y,
      size: a.size,
      color,
      ...(a.year !== null ? { year: a.year } : {}),
    });
  });
  graph.forEachEdge((id, a, source, target) => {
    if (!isEdgeVisible(view, id)) return;
    const evidence = typeof a.properties.evidence === 'string' ? a.properties.evidence : undefined;
    const confidence = typeof a.properties.confidence === 'number' ? a.properties.confidence : undefined;
    visible.addDirectedEdgeWithKey(id, source, target, {
      relationship: a.relType,
      ...(evidence ? { evidence } : {}),
      ...(confidence !== undefined ? { confidence } : {}),
    });
  });
  downloadText(write(visible), 'methodgraph.gexf', 'application/xml');
}

export function exportCsv(table: TableResult): void {
  downloadText(toCsv(table), `${table.title.replace(/[^a-z0-9-]+/gi, '-')}.csv`, 'text/csv');
}
