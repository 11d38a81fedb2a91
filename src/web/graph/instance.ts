// The explorer's one graphology graph and one sigma renderer, held at module level so React
// renders never recreate them; controllers change them in place.
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../types.js';

export const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();

let renderer: Sigma<NodeAttrs, EdgeAttrs> | null = null;

export function setRenderer(r: Sigma<NodeAttrs, EdgeAttrs> | null): void {
  renderer = r;
}

export function getRenderer(): Sigma<NodeAttrs, EdgeAttrs> | null {
  return renderer;
}

/** Hovered node, kept out of the store: it changes on every mouse move and is never undone. */
export const pointer = { hovered: null as string | null, layoutRunning: false };
