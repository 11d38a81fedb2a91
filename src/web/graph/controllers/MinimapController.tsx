// The minimap: every visible node of the drawn graph in a small canvas in the stage's corner, with
// the camera's viewport as a rectangle; dragging the rectangle (or clicking beside it) moves the
// camera. Shown with `m` or the toolbar; it lives next to sigma's container, so sigma never sees
// its pointer events, and it is no part of PNG exports.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { isNodeVisible } from '../../core/visibility.js';
import { useApp, useRuntime } from '../../runtime/context.js';
import type { GraphRuntime } from '../../runtime/graph-runtime.js';

export const MINIMAP_WIDTH = 200;
export const MINIMAP_HEIGHT = 140;
const PAD = 8;

interface Frame {
  minX: number;
  maxY: number;
  scale: number;
  offX: number;
  offY: number;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How graph coordinates map into the minimap: the visible nodes' box, fitted and centred. */
function frameOf(rt: GraphRuntime): Frame | null {
  const view = rt.getState().view;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  rt.graph.forEachNode((id, a) => {
    if (!isNodeVisible(view, id)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  if (minX === Infinity) return null;
  const w = Math.max(maxX - minX, 1e-6);
  const h = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((MINIMAP_WIDTH - 2 * PAD) / w, (MINIMAP_HEIGHT - 2 * PAD) / h);
  return { minX, maxY, scale, offX: (MINIMAP_WIDTH - 2 * PAD - w * scale) / 2, offY: (MINIMAP_HEIGHT - 2 * PAD - h * scale) / 2 };
}

const toMini = (f: Frame, p: { x: number; y: number }) => ({
  x: PAD + f.offX + (p.x - f.minX) * f.scale,
  y: PAD + f.offY + (f.maxY - p.y) * f.scale,
});
const fromMini = (f: Frame, m: { x: number; y: number }) => ({
  x: f.minX + (m.x - PAD - f.offX) / f.scale,
  y: f.maxY - (m.y - PAD - f.offY) / f.scale,
});

function Minimap({ host }: { host: HTMLElement }) {
  const rt = useRuntime();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const sigma = rt.sigma();
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!sigma || !canvas || !ctx) return;
    let frame: Frame | null = null;
    let rect: Rect | null = null;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = MINIMAP_WIDTH * ratio;
    canvas.height = MINIMAP_HEIGHT * ratio;

    const draw = () => {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, MINIMAP_WIDTH, MINIMAP_HEIGHT);
      frame = frameOf(rt);
      rect = null;
      if (!frame) return;
      const view = rt.getState().view;
      rt.graph.forEachNode((id, a) => {
        if (!isNodeVisible(view, id)) return;
        const p = toMini(frame!, a);
        ctx.fillStyle = sigma.getNodeDisplayData(id)?.color ?? a.color;
        ctx.fillRect(p.x - 1.5, p.y - 1.5, 3, 3);
      });
      const { width, height } = sigma.getDimensions();
      const topLeft = toMini(frame, sigma.viewportToGraph({ x: 0, y: 0 }));
      const bottomRight = toMini(frame, sigma.viewportToGraph({ x: width, y: height }));
      rect = { x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y };
      ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
      ctx.fillRect(rect.x, rect.y, rect.w, rect.h);
      ctx.strokeStyle = '#2563eb';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(rect.x, rect.y, rect.w, rect.h);
      canvas.dataset.viewport = [rect.x, rect.y, rect.w, rect.h].map((v) => v.toFixed(1)).join(',');
    };

    /** Centres the camera on the graph point under minimap point `m`. */
    const centreOn = (m: { x: number; y: number }) => {
      if (!frame) return;
      const framed = sigma.viewportToFramedGraph(sigma.graphToViewport(fromMini(frame, m)));
      sigma.getCamera().setState({ x: framed.x, y: framed.y });
    };
    let grab: { dx: number; dy: number } | null = null;
    const local = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const down = (e: PointerEvent) => {
      e.preventDefault();
      const m = local(e);
      const inside = rect && m.x >= rect.x && m.x <= rect.x + rect.w && m.y >= rect.y && m.y <= rect.y + rect.h;
      // Grabbing the rectangle keeps the point under the pointer; clicking beside it jumps there.
      grab = inside && rect ? { dx: m.x - (rect.x + rect.w / 2), dy: m.y - (rect.y + rect.h / 2) } : { dx: 0, dy: 0 };
      if (!inside) centreOn(m);
      canvas.setPointerCapture(e.pointerId);
      setDragging(true);
    };
    const move = (e: PointerEvent) => {
      if (!grab) return;
      const m = local(e);
      centreOn({ x: m.x - grab.dx, y: m.y - grab.dy });
    };
    const up = (e: PointerEvent) => {
      grab = null;
      if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
      setDragging(false);
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    sigma.on('afterRender', draw);
    // Labels keep out from under the minimap: place them again now that it is shown, and once it is gone.
    sigma.refresh({ skipIndexation: true });
    return () => {
      sigma.off('afterRender', draw);
      sigma.scheduleRefresh({ layoutUnchange: true });
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
    };
  }, [rt]);

  return createPortal(
    <canvas
      ref={canvasRef}
      className={dragging ? 'minimap dragging' : 'minimap'}
      style={{ width: MINIMAP_WIDTH, height: MINIMAP_HEIGHT }}
      role="img"
      aria-label="Minimap: the whole graph with the part in view outlined; drag the outline to move the view"
    />,
    host,
  );
}

export function MinimapController() {
  const rt = useRuntime();
  const shown = useApp((s) => s.minimap);
  const host = rt.sigma()?.getContainer().parentElement ?? null;
  if (!shown || !host) return null;
  return <Minimap host={host} />;
}
