// Mouse events on the graph: click selects a node or an edge, a click on the background clears
// the selection, double-click expands a node, hover highlights a node's neighbours.
import { useEffect } from 'react';
import { expandNode } from '../../actions.js';
import { clearSelection, select } from '../../core/selection/index.js';
import { useRuntime } from '../../runtime/context.js';

export function EventsController() {
  const rt = useRuntime();
  useEffect(() => {
    const sigma = rt.sigma();
    if (!sigma) return;
    const container = sigma.getContainer();
    const hover = (id: string | null) => {
      rt.hover.node = id;
      container.style.cursor = id ? 'pointer' : '';
      sigma.refresh({ skipIndexation: true });
    };
    sigma.on('clickNode', ({ node }) => rt.dispatch(select({ kind: 'node', id: node })));
    sigma.on('clickEdge', ({ edge }) => rt.dispatch(select({ kind: 'edge', id: edge })));
    sigma.on('clickStage', () => rt.dispatch(clearSelection()));
    sigma.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      rt.dispatch(select({ kind: 'node', id: e.node }));
      void expandNode(rt, e.node);
    });
    sigma.on('enterNode', ({ node }) => hover(node));
    sigma.on('leaveNode', () => hover(null));
    sigma.on('enterEdge', () => (container.style.cursor = 'pointer'));
    sigma.on('leaveEdge', () => (container.style.cursor = ''));
    return () => {
      sigma.removeAllListeners('clickNode');
      sigma.removeAllListeners('clickEdge');
      sigma.removeAllListeners('clickStage');
      sigma.removeAllListeners('doubleClickNode');
      sigma.removeAllListeners('enterNode');
      sigma.removeAllListeners('leaveNode');
      sigma.removeAllListeners('enterEdge');
      sigma.removeAllListeners('leaveEdge');
      rt.hover.node = null;
    };
  }, [rt]);
  return null;
}
