// What is visible in a view: hidden nodes, label and type filters and the paper year range. Used by
// the reducers, the exports, the test handle and the steps that drop a selection gone invisible.
import type { ViewState } from './state.js';

export function nodeYearOf(view: ViewState, id: string): number | null {
  const y = view.nodes[id]?.properties.year;
  return typeof y === 'number' ? y : null;
}

export function isNodeVisible(view: ViewState, id: string): boolean {
  const node = view.nodes[id];
  if (!node) return false;
  if (view.hiddenNodes.includes(id)) return false;
  if (view.filters.hiddenLabels.includes(node.label)) return false;
  const years = view.filters.years;
  if (years && node.label === 'Paper') {
    const y = nodeYearOf(view, id);
    if (y !== null && (y < years[0] || y > years[1])) return false;
  }
  return true;
}

export function isEdgeVisible(view: ViewState, id: string): boolean {
  const edge = view.edges[id];
  if (!edge) return false;
  if (view.filters.hiddenTypes.includes(edge.type)) return false;
  return isNodeVisible(view, edge.source) && isNodeVisible(view, edge.target);
}

