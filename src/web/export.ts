// Downloads: a PNG of the current view (@sigma/export-image, cut to what it draws), a GEXF of the
// visible graph (graphology-gexf, loaded on demand) and a CSV of the result table.
import { toCsv } from './core/csv.js';
import { contentBox } from './core/image-crop.js';
import { setNotice } from './core/ui.js';
import { isEdgeVisible, isNodeVisible } from './core/filters/index.js';
import type { TableResult } from './core/state.js';
import { MultiDirectedGraph } from 'graphology';
import type { GraphRuntime } from './runtime/graph-runtime.js';
import type { LabelDrawer } from './graph/labels.js';
import type { ToImageOptions } from '@sigma/export-image';

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type ImageOptions = Partial<ToImageOptions>;

/** The image's background, and the margin (CSS pixels) it keeps around what the view draws. */
const IMAGE_BACKGROUND = [255, 255, 255] as const;
const IMAGE_MARGIN_PX = 16;

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
      backgroundColor: `rgb(${IMAGE_BACKGROUND.join(', ')})`,
      sigmaSettings: { defaultDrawNodeLabel: drawLabel as unknown as NonNullable<ImageOptions['sigmaSettings']>['defaultDrawNodeLabel'] },
      withTempRenderer: (renderer) => {
        renderer.on('beforeRender', drawer.beginFrame);
        renderer.on('afterRender', drawer.endFrame);
        renderer.refresh();
      },
    },
  };
}

/** The whole stage drawn as the view is, and the drawer that labelled it; null with no renderer. */
async function drawView(rt: GraphRuntime): Promise<{ canvas: HTMLCanvasElement; drawer: LabelDrawer } | null> {
  const mounted = rt.renderer();
  if (!mounted) return null;
  const { drawOnCanvas } = await import('@sigma/export-image');
  const { drawer, options } = imageOptions(mounted.labels);
  const canvas = await drawOnCanvas(mounted.sigma as unknown as Parameters<typeof drawOnCanvas>[0], options);
  return { canvas, drawer };
}

/**
 * The image of the view, cut to the nodes, links and labels it draws and a margin: the view's free
 * areas (under the bars over the stage, beside the side panel) are no empty bands in it.
 */
async function viewImage(rt: GraphRuntime): Promise<HTMLCanvasElement | null> {
  const drawn = await drawView(rt);
  if (!drawn) return null;
  const whole = drawn.canvas;
  const context = whole.getContext('2d');
  if (!context) return whole;
  const pixels = context.getImageData(0, 0, whole.width, whole.height).data;
  const box = contentBox(pixels, whole.width, whole.height, IMAGE_BACKGROUND, Math.round(IMAGE_MARGIN_PX * (window.devicePixelRatio || 1)));
  if (!box) return whole;
  const cut = document.createElement('canvas');
  cut.width = box.width;
  cut.height = box.height;
  cut.getContext('2d')?.drawImage(whole, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
  return cut;
}

export async function exportPng(rt: GraphRuntime): Promise<void> {
  const image = await viewImage(rt);
  if (!image) return;
  const blob = await new Promise<Blob | null>((resolve) => image.toBlob(resolve, 'image/png'));
  if (!blob) {
    rt.dispatch(setNotice(`The browser could not encode a ${image.width} × ${image.height} PNG of the view; try a smaller window.`));
    return;
  }
  downloadBlob(blob, 'methodgraph.png');
}

/** The labels the PNG export draws for the current view (for tests: the image labels what the view labels). */
export async function exportedLabels(rt: GraphRuntime): Promise<string[]> {
  const drawn = await drawView(rt);
  return drawn ? [...drawn.drawer.drawn()] : [];
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
