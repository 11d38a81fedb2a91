// The explorer's one graphology graph and one sigma renderer, held at module level so React
// renders never recreate them; controllers change them in place.
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import type { LabelDrawer } from './labels.js';
import type { ProgramSet } from './program-choice.js';

export const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();

let renderer: Sigma<NodeAttrs, EdgeAttrs> | null = null;

/** What the mounted renderer was built with: its label drawer and its program set. */
export interface RendererExtras {
  labels: LabelDrawer;
  programSet: ProgramSet;
}
let extras: RendererExtras | null = null;

export function setRenderer(r: Sigma<NodeAttrs, EdgeAttrs> | null, with_: RendererExtras | null = null): void {
  renderer = r;
  extras = r ? with_ : null;
}

export function getRendererExtras(): RendererExtras | null {
  return extras;
}

export function getRenderer(): Sigma<NodeAttrs, EdgeAttrs> | null {
  return renderer;
}

/** Hovered node, kept out of the store: it changes on every mouse move and is never undone. */
export const pointer = { hovered: null as string | null, layoutRunning: false };
