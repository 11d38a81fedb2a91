// Which drawn nodes sigma's reducers must see again after a store change. A change of content only
// (an expansion, its undo) leaves every other node's appearance as it was, so sigma re-reduces just
// the nodes whose visibility changed instead of re-indexing the whole graph; a change of anything
// else the reducers read (filters, mode, path, comparison, colouring, selection) needs them all.
import type { AppState, ViewState } from '../core/state.js';
import { isNodeVisible, LABEL_ALL_LIMIT, visibleNodeCount } from '../core/visibility.js';

/** The parts of a view a change of content may touch: what is drawn, where, and what was expanded. */
const CONTENT: ReadonlySet<keyof ViewState> = new Set<keyof ViewState>(['nodes', 'edges', 'positions', 'more', 'expanded', 'hiddenNodes']);

/**
 * 'all' when the reducers may answer differently for any node or link; otherwise the nodes present in
 * both views whose visibility changed (a link's visibility follows its ends'). Nodes new to the view
 * and nodes whose attributes the sync changes reach sigma through the graph's own events.
 */
export function refreshScope(prev: AppState, next: AppState): 'all' | { nodes: string[] } {
  if (prev.selection !== next.selection) return 'all';
  const a = prev.view;
  const b = next.view;
  for (const key of Object.keys(b) as (keyof ViewState)[]) if (!CONTENT.has(key) && a[key] !== b[key]) return 'all';
  if (Object.keys(a).length !== Object.keys(b).length) return 'all';
  // Small views label every node: crossing that size changes every label.
  if (visibleNodeCount(a) <= LABEL_ALL_LIMIT !== visibleNodeCount(b) <= LABEL_ALL_LIMIT) return 'all';
  const nodes: string[] = [];
  if (a.nodes !== b.nodes || a.edges !== b.edges || a.hiddenNodes !== b.hiddenNodes) {
    for (const id of Object.keys(b.nodes)) if (a.nodes[id] && isNodeVisible(a, id) !== isNodeVisible(b, id)) nodes.push(id);
  }
  return { nodes };
}
