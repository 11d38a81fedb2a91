// Undo/redo as a history of view states: `commit` wraps a step so the view before it can be restored;
// `undo` and `redo` move between past, present and future.
import type { AppState, Step, ViewState } from '../state.js';

export const HISTORY_LIMIT = 100;

/** Runs `step`; when it changed the view, remembers the old view and forgets the redo future. */
export const commit =
  (step: Step): Step =>
  (state) => {
    const next = step(state);
    if (next.view === state.view) return next;
    return { ...next, past: [...state.past, state.view].slice(-HISTORY_LIMIT), future: [] };
  };

export const undo = (): Step => (state) => {
  const previous = state.past[state.past.length - 1];
  if (!previous) return state;
  return {
    ...state,
    view: previous,
    past: state.past.slice(0, -1),
    future: [state.view, ...state.future],
    selection: keepSelection(state, previous),
  };
};

export const redo = (): Step => (state) => {
  const next = state.future[0];
  if (!next) return state;
  return {
    ...state,
    view: next,
    past: [...state.past, state.view],
    future: state.future.slice(1),
    selection: keepSelection(state, next),
  };
};

export const canUndo = (state: AppState): boolean => state.past.length > 0;
export const canRedo = (state: AppState): boolean => state.future.length > 0;

function keepSelection(state: AppState, view: ViewState): AppState['selection'] {
  const sel = state.selection;
  if (!sel) return null;
  if (sel.kind === 'node') return view.nodes[sel.id] ? sel : null;
  return view.edges[sel.id] ? sel : null;
}
