// Mouse events on the graph: click selects a node or an edge, a click on the background clears
// the selection, double-click expands a node, hover highlights a node's neighbours.
import { useEffect } from 'react';
import { expandNode } from '../../actions.js';
import { clearSelection, select } from '../../core/selection/index.js';
import { dispatch } from '../../core/store.js';
import { getRenderer, pointer } from '../graph-and-renderer.js';

export function EventsController() {
  useEffect(() => {
    const sigma = getRenderer();
    if (!sigma) return;
    const container = sigma.getContainer();
    const hover = (id: string | null) => {
      pointer.hovered = id;
      container.style.cursor = id ? 'pointer' : '';
      sigma.refresh({ skipIndexation: true });
    };
    sigma.on('clickNode', ({ node }) => dispatch(select({ kind: 'node', id: node })));
    sigma.on('clickEdge', ({ edge }) => dispatch(select({ kind: 'edge', id: edge })));
    sigma.on('clickStage', () => dispatch(clearSelection()));
    sigma.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      dispatch(select({ kind: 'node', id: e.node }));
      void expandNode(e.node);
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
      pointer.hovered = null;
    };
  }, []);
  return null;
}
