// Undo/redo as a history of view states: `commit` wraps a step so the view before it can be restored;
// `undo` and `redo` move between past, present and future. Each view is remembered with what was
// selected in it: undoing a step that took the selection away (hiding the selected node) selects it
// again, while a selection that is still in the restored view stays as it is.
import type { AppState, HistoryEntry, Step } from '../state.js';
import { isEdgeVisible, isNodeVisible } from '../visibility.js';

export const HISTORY_LIMIT = 100;

/** Runs `step`; when it changed the view, remembers the old view and forgets the redo future. */
export const commit =
  (step: Step): Step =>
  (state) => {
    const next = step(state);
    if (next.view === state.view) return next;
    return { ...next, past: [...state.past, entryOf(state)].slice(-HISTORY_LIMIT), future: [] };
  };

const entryOf = (state: AppState): HistoryEntry => ({ view: state.view, selection: state.selection });

export const undo = (): Step => (state) => {
  const previous = state.past[state.past.length - 1];
  if (!previous) return state;
  return {
    ...state,
    view: previous.view,
    past: state.past.slice(0, -1),
    future: [entryOf(state), ...state.future],
    selection: selectionIn(state, previous),
  };
};

export const redo = (): Step => (state) => {
  const next = state.future[0];
  if (!next) return state;
  return {
    ...state,
    view: next.view,
    past: [...state.past, entryOf(state)],
    future: state.future.slice(1),
    selection: selectionIn(state, next),
  };
};

export const canUndo = (state: AppState): boolean => state.past.length > 0;
export const canRedo = (state: AppState): boolean => state.future.length > 0;

/** The current selection when it is drawn in the entry's view, else the entry's own when it is, else none. */
function selectionIn(state: AppState, entry: HistoryEntry): AppState['selection'] {
  if (shownIn(state.selection, entry.view)) return state.selection;
  return shownIn(entry.selection, entry.view) ? entry.selection : null;
}

function shownIn(sel: AppState['selection'], view: HistoryEntry['view']): boolean {
  if (!sel) return false;
  return sel.kind === 'node' ? isNodeVisible(view, sel.id) : isEdgeVisible(view, sel.id);
}
