// Steps for what the user picked: the selected node or edge, and the two ends of a path search
// with the path found between them (the path is part of the view, so undo and the URL keep it).
import type { RelationshipType } from '../../../shared/graph.js';
import { emptyPath, type PathState, type Selection, type Step } from '../state.js';

export const select =
  (selection: Selection | null): Step =>
  (state) => {
    const cur = state.selection;
    if (cur === selection || (cur && selection && cur.kind === selection.kind && cur.id === selection.id)) return state;
    return { ...state, selection, panel: selection ? 'details' : state.panel };
  };

export const clearSelection = (): Step => (state) => (state.selection ? { ...state, selection: null } : state);

const withPath =
  (change: (path: PathState) => PathState): Step =>
  (state) => ({ ...state, view: { ...state.view, path: change(state.view.path) } });

/** Sets one end of the path search; changing an end forgets the previous path. */
export const setPathEnd = (end: 'from' | 'to', id: string): Step =>
  withPath((path) => ({ ...path, [end]: id, nodes: [], edges: [], message: null }));

/** Sets the relationship types the path may follow; forgets the previous path. */
export const setPathTypes = (via: RelationshipType[]): Step => withPath((path) => ({ ...path, via, nodes: [], edges: [], message: null }));

export const setPathResult = (nodes: string[], edges: string[], message: string | null): Step =>
  withPath((path) => ({ ...path, nodes, edges, message }));

export const clearPath = (): Step => (state) =>
  state.view.path === emptyPath ? state : { ...state, view: { ...state.view, path: emptyPath } };
