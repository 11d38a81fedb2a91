// Steps for what the user picked: the selected node or edge, and the two ends of a path search
// with the path found between them.
import { emptyPath, type Selection, type Step } from '../state.js';

export const select =
  (selection: Selection | null): Step =>
  (state) => {
    const cur = state.selection;
    if (cur === selection || (cur && selection && cur.kind === selection.kind && cur.id === selection.id)) return state;
    return { ...state, selection, panel: selection ? 'details' : state.panel };
  };

export const clearSelection = (): Step => (state) => (state.selection ? { ...state, selection: null } : state);

/** Sets one end of the path search; changing an end forgets the previous path. */
export const setPathEnd =
  (end: 'from' | 'to', id: string): Step =>
  (state) => ({ ...state, path: { ...state.path, [end]: id, nodes: [], edges: [], message: null } });

export const setPathResult =
  (nodes: string[], edges: string[], message: string | null): Step =>
  (state) => ({ ...state, path: { ...state.path, nodes, edges, message } });

export const clearPath = (): Step => (state) => ({ ...state, path: emptyPath });
