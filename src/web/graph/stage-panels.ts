// The panels that float over the graph's stage (the minimap in its corner, the bars over its top):
// where they lie, for the labels to keep out of them and for Fit to frame the drawing below the bars.
import type { Box } from './labels.js';

/** Where panels floating over the stage (the minimap, the bars over its top) lie, in the stage's pixels, with a small margin. */
export function floatingPanels(stage: HTMLElement | null): Box[] {
  if (!stage) return [];
  const panels = [
    stage.parentElement?.querySelector<HTMLElement>('.minimap'),
    stage.closest('.stage')?.querySelector<HTMLElement>('.stage-top'),
  ];
  const s = stage.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const panel of panels) {
    if (!panel) continue;
    const p = panel.getBoundingClientRect();
    if (p.width > 0 && p.height > 0) boxes.push({ x: p.left - s.left - 4, y: p.top - s.top - 4, w: p.width + 8, h: p.height + 8 });
  }
  return boxes;
}

/** Beyond the stage's edges, as far as any label can reach. */
const FAR = 100_000;

/**
 * The four areas around the stage, in its own pixels: a label placed there would be cut at the
 * stage's edge (by the side panel, say), so the label drawer tries its other places instead.
 */
export function outsideStage(stage: HTMLElement | null): Box[] {
  if (!stage) return [];
  const { width: w, height: h } = stage.getBoundingClientRect();
  return [
    { x: -FAR, y: -FAR, w: 2 * FAR + w, h: FAR },
    { x: -FAR, y: h, w: 2 * FAR + w, h: FAR },
    { x: -FAR, y: 0, w: FAR, h },
    { x: w, y: 0, w: FAR, h },
  ];
}

/** How far the bars over the stage's top reach into it, in pixels (0 when none is shown). */
export function topBarsHeight(stage: HTMLElement | null): number {
  const bars = stage?.closest('.stage')?.querySelector<HTMLElement>('.stage-top');
  if (!stage || !bars) return 0;
  return Math.max(0, bars.getBoundingClientRect().bottom - stage.getBoundingClientRect().top);
}
