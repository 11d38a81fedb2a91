// Connects the ForceAtlas2 worker to the store: mirrors its life cycle, lets commits read live
// positions while it runs, records a finished run as an undoable step, and kills it on unmount.
import { useEffect } from 'react';
import { setLayoutStatus, setPositions } from '../../core/layout/index.js';
import { commitStep, dispatch, getState, setLivePositionSource, store } from '../../core/store.js';
import { killLayout, layoutStatus, onLayoutStatus, onLayoutStopped } from '../layout.js';
import { readPositions } from '../sync.js';
import { getRenderer } from '../instance.js';

/** When set, the next finished run replaces positions without an undo step (the first layout). */
let quietRuns = 0;
export function nextLayoutRunIsQuiet(): void {
  quietRuns += 1;
}

export function LayoutController() {
  useEffect(() => {
    const offStatus = onLayoutStatus((s) => {
      // Edge picking doubles the cost of each frame in software WebGL; nobody clicks edges that move.
      getRenderer()?.setSetting('enableEdgeEvents', s !== 'running');
      dispatch(setLayoutStatus(s));
    });
    const offStopped = onLayoutStopped(({ before, after }) => {
      if (quietRuns > 0) {
        quietRuns -= 1;
        dispatch(setPositions(after));
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
