// Draws the lineage's year axis on a canvas layer under the edges: a band of year labels along the
// top, a tick and a faint guide line per year column, the "undated" lane set apart by a dashed line.
// Fits the camera to the lineage whenever the year axis is switched on or off.
import { useEffect } from 'react';
import { fitView } from '../camera.js';
import { useRuntime } from '../../runtime/context.js';
import { yearAxisTicks, type AxisTick } from '../../core/positions/index.js';

const LAYER = 'yearAxis';
/** Height of the label band along the top of the stage, in CSS pixels. */
export const AXIS_BAND = 26;
const LABEL_FONT = '600 12px system-ui, sans-serif';
const UNDATED_FONT = 'italic 12px system-ui, sans-serif';

function drawAxis(ctx: CanvasRenderingContext2D, ticks: AxisTick[], toX: (x: number) => number, width: number, height: number): void {
  ctx.fillStyle = 'rgba(248, 250, 252, 0.95)';
  ctx.fillRect(0, 0, width, AXIS_BAND);
  ctx.strokeStyle = '#cbd5e1';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, AXIS_BAND + 0.5);
  ctx.lineTo(width, AXIS_BAND + 0.5);
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  let lastRight = -Infinity;
  ticks.forEach((tick, i) => {
    const x = Math.round(toX(tick.x)) + 0.5;
    // A faint guide down the column and a tick on the axis line.
    ctx.strokeStyle = tick.year === null ? '#e2e8f0' : '#eef2f7';
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(x, AXIS_BAND);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.strokeStyle = '#64748b';
    ctx.beginPath();
    ctx.moveTo(x, AXIS_BAND - 5);
    ctx.lineTo(x, AXIS_BAND + 1);
    ctx.stroke();
    if (tick.year === null && ticks[i + 1]) {
      const sep = Math.round((x + toX(ticks[i + 1]!.x)) / 2) + 0.5;
      ctx.strokeStyle = '#94a3b8';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(sep, 0);
      ctx.lineTo(sep, height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    // Labels never overlap: one that would touch the previous is left out (zoom in to see it).
    ctx.font = tick.year === null ? UNDATED_FONT : LABEL_FONT;
    const w = ctx.measureText(tick.label).width;
    if (x - w / 2 < lastRight + 6 || x + w / 2 < 0 || x - w / 2 > width) return;
    ctx.fillStyle = tick.year === null ? '#64748b' : '#1e293b';
    ctx.fillText(tick.label, x, AXIS_BAND / 2 - 2);
    lastRight = x + w / 2;
  });
}

export function YearAxisController() {
  const rt = useRuntime();
  useEffect(() => {
    const sigma = rt.sigma();
    if (!sigma) return;
    const canvas = sigma.createCanvas(LAYER, { beforeLayer: 'edges' });
    canvas.setAttribute('aria-hidden', 'true');
    const ctx = canvas.getContext('2d');
    const draw = () => {
      if (!ctx) return;
      const { width, height } = sigma.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const ticks = yearAxisTicks(rt.getState().view);
      canvas.dataset.ticks = ticks.map((t) => t.label).join(',');
      if (ticks.length === 0) return;
      drawAxis(ctx, ticks, (x) => sigma.graphToViewport({ x, y: 0 }).x, width, height);
    };
    sigma.on('afterRender', draw);
    // Subscribed after the sync controller, so the graph already holds the new positions.
    const unsubscribe = rt.store.subscribe((state, prev) => {
      const byYear = state.view.lineage?.byYear ?? false;
      if (state.view.mode === 'lineage' && (byYear !== (prev.view.lineage?.byYear ?? false) || state.view.compare !== prev.view.compare))
        fitView(rt);
    });
    sigma.refresh({ skipIndexation: true });
    return () => {
      unsubscribe();
      sigma.off('afterRender', draw);
      if (sigma.getCanvases()[LAYER]) sigma.killLayer(LAYER);
    };
  }, [rt]);
  return null;
}
