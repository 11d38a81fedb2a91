// Node labels that never overlap: sigma hands each label to draw (its label grid picks candidates,
// forced labels come after); this drawer tries four places around the node and skips a label that
// fits nowhere, unless the view is small enough that every node must keep its label. Where the view
// gives labels a width (the columns of a lineage), a longer label is shortened with an ellipsis.
// Areas covered by panels floating over the stage (the minimap, the bars) and the area beyond the
// stage's edges (where a label would be cut) count as taken. A group's (cluster's) label yields: it is
// placed after every other label of the frame and keeps off the discs of other nodes, so the names of
// the groups over a dense map never hide the ideas and their names.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A node's disc on the stage, in viewport pixels. */
export interface Disc {
  node: string;
  x: number;
  y: number;
  r: number;
}

/** Whether a box and a disc share any pixel. */
export function boxHitsDisc(b: Box, d: Disc): boolean {
  const nx = Math.max(b.x, Math.min(d.x, b.x + b.w));
  const ny = Math.max(b.y, Math.min(d.y, b.y + b.h));
  return (nx - d.x) ** 2 + (ny - d.y) ** 2 < d.r * d.r;
}

const CELL = 64;

/** Discs bucketed by 64-pixel cells, so a box is checked against the few discs near it. */
export function discIndex(discs: readonly Disc[]): (box: Box, except: string) => boolean {
  const cells = new Map<string, Disc[]>();
  for (const d of discs) {
    for (let cx = Math.floor((d.x - d.r) / CELL); cx <= Math.floor((d.x + d.r) / CELL); cx++)
      for (let cy = Math.floor((d.y - d.r) / CELL); cy <= Math.floor((d.y + d.r) / CELL); cy++) {
        const key = `${cx},${cy}`;
        const cell = cells.get(key);
        if (cell) cell.push(d);
        else cells.set(key, [d]);
      }
  }
  return (box, except) => {
    for (let cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.w) / CELL); cx++)
      for (let cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.h) / CELL); cy++)
        for (const d of cells.get(`${cx},${cy}`) ?? []) if (d.node !== except && boxHitsDisc(box, d)) return true;
    return false;
  };
}

export interface LabelDrawer {
  /** Called by sigma for each label it wants drawn. */
  draw(
    context: CanvasRenderingContext2D,
    data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
    settings: Settings,
  ): void;
  /** Forgets the boxes of the last frame (call before each render). */
  beginFrame(): void;
  /** Draws the groups' labels held back until every other label of the frame is placed (call after each render). */
  endFrame(): void;
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
  /**
   * The discs of the nodes drawn, in viewport pixels, that a group's label keeps off. Read at most
   * once per frame, when the first group's label is drawn.
   */
  discs?: () => Disc[];
}

/** How a group's label reads: a slate italic, like a region's name on a map, lighter than the ideas' names. */
const CLUSTER_LABEL_COLOR = '#475569';
export const CLUSTER_LABEL_WEIGHT = 'italic 500';

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

export function createLabelDrawer(options: LabelDrawerOptions): LabelDrawer {
  const { mustDraw, maxWidth, keepOut, discs } = options;
  type Args = Parameters<LabelDrawer['draw']>;
  let boxes: Box[] = [];
  let onDisc: ((box: Box, except: string) => boolean) | null = null;
  let covered: Box[] = [];
  let drawnLabels: string[] = [];
  let placedLabels: (Box & { label: string; node: string })[] = [];
  let limit: number | null = null;
  let held: Args[] = [];

  function drawLabel(...[context, data, settings]: Args): void {
    const cluster = (data as { kind?: string }).kind === 'Cluster';
    const size = settings.labelSize;
    context.font = `${cluster ? CLUSTER_LABEL_WEIGHT : settings.labelWeight} ${size}px ${settings.labelFont}`;
    const measure = (text: string) => context.measureText(text).width;
    const label = limit === null ? data.label! : fitLabel(data.label!, Math.max(24, limit - data.size - 7), measure);
    const w = measure(label) + 4;
    const h = size + 2;
    const r = data.size;
    const beside: Box[] = [
      { x: data.x + r + 3, y: data.y - h / 2, w, h },
      { x: data.x - r - 3 - w, y: data.y - h / 2, w, h },
    ];
    const below: Box = { x: data.x - w / 2, y: data.y + r + 2, w, h };
    const above: Box = { x: data.x - w / 2, y: data.y - r - 2 - h, w, h };
    const important = Boolean((data as { highlighted?: boolean }).highlighted);
    // A cluster's label reads best centred under or over its ring; as it keeps off other nodes, it
    // may also start or end at the ring's edge, under or over it, before it goes beside. Hovered or
    // selected, it goes right of the ring first, where sigma's hover box draws the same label: it
    // was drawn twice, in the box and under the ring.
    const places =
      cluster && !important
        ? [
            below,
            above,
            ...[below, above].flatMap((b) => [
              { ...b, x: data.x - r },
              { ...b, x: data.x + r - w },
            ]),
            ...beside,
          ]
        : [...beside, above, below];
    const key = String((data as { key?: string }).key ?? '');
    const free = (b: Box) => !covered.some((o) => overlaps(b, o));
    // A group's label, unless hovered or selected, also keeps off other nodes: it names a region of
    // the map and must not hide the ideas in it; where no place is clear it is left out (the ring stays).
    const clearOfNodes = (b: Box) => {
      if (!cluster || important || !discs) return true;
      onDisc ??= discIndex(discs());
      return !onDisc(b, key);
    };
    let place = important ? places.find(free) : places.find((b) => free(b) && !boxes.some((o) => overlaps(b, o)) && clearOfNodes(b));
    if (!place) {
      // Under a panel the label could not be read anyway; elsewhere a small view keeps it.
      if (!mustDraw() || !free(places[0]!)) return;
      place = places[0]!;
    }
    boxes.push(place);
    drawnLabels.push(label);
    placedLabels.push({ ...place, label, node: key });
    // A white halo keeps the text readable over edges.
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(255,255,255,0.9)';
    context.lineJoin = 'round';
    context.fillStyle = cluster ? CLUSTER_LABEL_COLOR : '#111827';
    context.textBaseline = 'middle';
    const ty = place.y + h / 2;
    context.strokeText(label, place.x + 2, ty);
    context.fillText(label, place.x + 2, ty);
    context.textBaseline = 'alphabetic';
  }

  return {
    beginFrame() {
      boxes = [];
      covered = keepOut?.() ?? [];
      drawnLabels = [];
      placedLabels = [];
      limit = maxWidth?.() ?? null;
      onDisc = null;
      held = [];
    },
    endFrame() {
      const groups = held;
      held = [];
      for (const args of groups) drawLabel(...args);
    },
    drawn: () => drawnLabels,
    placed: () => placedLabels,
    forExport: () => createLabelDrawer(options),
    draw(context, data, settings) {
      if (!data.label) return;
      if ((data as { kind?: string }).kind !== 'Cluster') return drawLabel(context, data, settings);
      ring(context, data.x, data.y, data.size);
      // A hovered or selected group is placed at once; the others yield to every other label of the frame.
      if ((data as { highlighted?: boolean }).highlighted) drawLabel(context, data, settings);
      else held.push([context, data, settings]);
    },
  };
}
