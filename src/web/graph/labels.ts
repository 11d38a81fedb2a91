// Node labels that never overlap: sigma hands each label to draw (its label grid picks candidates,
// forced labels come after); this drawer tries four places around the node and skips a label that
// fits nowhere, unless the view is small enough that every node must keep its label. Where the view
// gives labels a width (the columns of a lineage), a longer label is shortened with an ellipsis.
// Areas covered by panels floating over the stage (the minimap, the bars) and the area beyond the
// stage's edges (where a label would be cut) count as taken.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export interface LabelDrawer {
  /** Called by sigma for each label it wants drawn. */
  draw(
    context: CanvasRenderingContext2D,
    data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
    settings: Settings,
  ): void;
  /** Forgets the boxes of the last frame (call before each render). */
  beginFrame(): void;
  /** Labels drawn in the current frame. */
  drawn(): string[];
  /** Where the current frame's labels were drawn, in the stage's pixels. */
  placed(): (Box & { label: string; node: string })[];
  /**
   * A drawer of its own for an exported image of the view: the same rules and the same areas kept
   * out of (the stage's edges and the panels over it), so the image labels what the view labels.
   */
  forExport(): LabelDrawer;
}

/** The longest prefix of `text` that, with an ellipsis, measures at most `max` pixels. */
export function fitLabel(text: string, max: number, measure: (s: string) => number): string {
  if (measure(text) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, Math.max(1, lo)).trimEnd()}…`;
}

export interface LabelDrawerOptions {
  /** Whether a label that fits nowhere is still drawn (small views label every node). */
  mustDraw: () => boolean;
  /** The widest a label may be, in pixels, this frame; null for no limit. Read once per frame. */
  maxWidth?: () => number | null;
  /** Areas of the stage, in viewport pixels, that labels keep out of this frame. Read once per frame. */
  keepOut?: () => Box[];
}

/** The ring that marks a cluster's disc as a group (drawn with its label, over the links). */
function ring(context: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  context.beginPath();
  context.arc(x, y, Math.max(2, r - 1), 0, Math.PI * 2);
  context.lineWidth = 2.5;
  context.strokeStyle = '#64748b';
  context.setLineDash([5, 3]);
  context.stroke();
  context.setLineDash([]);
}

export function createLabelDrawer({ mustDraw, maxWidth, keepOut }: LabelDrawerOptions): LabelDrawer {
  let boxes: Box[] = [];
  let covered: Box[] = [];
  let drawnLabels: string[] = [];
  let placedLabels: (Box & { label: string; node: string })[] = [];
  let limit: number | null = null;
  return {
    beginFrame() {
      boxes = [];
      covered = keepOut?.() ?? [];
      drawnLabels = [];
      placedLabels = [];
      limit = maxWidth?.() ?? null;
    },
    drawn: () => drawnLabels,
    placed: () => placedLabels,
    forExport: () => createLabelDrawer({ mustDraw, ...(maxWidth ? { maxWidth } : {}), ...(keepOut ? { keepOut } : {}) }),
    draw(context, data, settings) {
      if (!data.label) return;
      const cluster = (data as { kind?: string }).kind === 'Cluster';
      if (cluster) ring(context, data.x, data.y, data.size);
      const size = settings.labelSize;
      context.font = `${cluster ? '600' : settings.labelWeight} ${size}px ${settings.labelFont}`;
      const measure = (text: string) => context.measureText(text).width;
      const label = limit === null ? data.label : fitLabel(data.label, Math.max(24, limit - data.size - 7), measure);
      const w = measure(label) + 4;
      const h = size + 2;
      const r = data.size;
      const beside: Box[] = [
        { x: data.x + r + 3, y: data.y - h / 2, w, h },
        { x: data.x - r - 3 - w, y: data.y - h / 2, w, h },
      ];
      const aboveBelow: Box[] = [
        { x: data.x - w / 2, y: data.y - r - 2 - h, w, h },
        { x: data.x - w / 2, y: data.y + r + 2, w, h },
      ];
      // A cluster's long label reads best centred under or over its ring.
      const places = cluster ? [aboveBelow[1]!, aboveBelow[0]!, ...beside] : [...beside, ...aboveBelow];
      const important = Boolean((data as { highlighted?: boolean }).highlighted);
      const free = (b: Box) => !covered.some((o) => overlaps(b, o));
      let place = important ? places.find(free) : places.find((b) => free(b) && !boxes.some((o) => overlaps(b, o)));
      if (!place) {
        // Under a panel the label could not be read anyway; elsewhere a small view keeps it.
        if (!mustDraw() || !free(places[0]!)) return;
        place = places[0]!;
      }
      boxes.push(place);
      drawnLabels.push(label);
      placedLabels.push({ ...place, label, node: String((data as { key?: string }).key ?? '') });
      // A white halo keeps the text readable over edges.
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255,255,255,0.9)';
      context.lineJoin = 'round';
      context.fillStyle = '#111827';
      context.textBaseline = 'middle';
      const ty = place.y + h / 2;
      context.strokeText(label, place.x + 2, ty);
      context.fillText(label, place.x + 2, ty);
      context.textBaseline = 'alphabetic';
    },
  };
}
