// Connects the ForceAtlas2 worker to the store: mirrors its life cycle, lets commits read live
// positions while it runs, records a finished run as an undoable step, and kills it on unmount.
import { useEffect } from 'react';
import { setLayoutStatus, setPositions } from '../../core/positions/index.js';
import { commitStep, dispatch, getState, setLivePositionSource, store } from '../../core/store.js';
import { killLayout, layoutStatus, onLayoutStatus, onLayoutStopped, startLayout } from '../forceatlas2-supervisor.js';
import { readPositions } from '../sync.js';
import { getRenderer } from '../graph-and-renderer.js';
import { fitView } from '../camera.js';

/**
 * Whether the run now going replaces positions without an undo step (the first layout of a view). A flag
 * of the current run, not a count: a quiet run restarted before it ended must not make a later run quiet.
 */
let quietRun = false;
export function nextLayoutRunIsQuiet(): void {
  quietRun = true;
}

/** A run the user starts: always an undoable step. */
export function startUserLayout(): void {
  quietRun = false;
  startLayout();
}

/** Ends a running layout without keeping or recording its positions (another view takes over). */
export function cancelLayoutRun(): void {
  if (layoutStatus() !== 'running') return;
  quietRun = false;
  killLayout();
}

export function LayoutController() {
  useEffect(() => {
    const offStatus = onLayoutStatus((s) => {
      // With edge events off the edge programs skip their picking pass (programs.ts) and the edge
      // reducer draws thin lines: each frame stays cheap in software WebGL; nobody clicks moving edges.
      getRenderer()?.setSetting('enableEdgeEvents', s !== 'running');
      dispatch(setLayoutStatus(s));
    });
    const offStopped = onLayoutStopped(({ before, after }) => {
      if (quietRun) {
        quietRun = false;
        dispatch(setPositions(after));
        // The first layout of a view ends framed on what is visible (hidden nodes take no room).
        fitView();
        return;
      }
      // The view before the run had `before`; the undoable step moves it to `after`.
      const state = getState();
      store.setState({ ...state, view: { ...state.view, positions: { ...state.view.positions, ...before } } }, true);
      commitStep(setPositions(after));
    });
    setLivePositionSource(() => (layoutStatus() === 'running' ? readPositions() : null));
    return () => {
      offStatus();
      offStopped();
      setLivePositionSource(null);
      killLayout();
    };
  }, []);
  return null;
}
