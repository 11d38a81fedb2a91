// Connects the runtime's ForceAtlas2 supervisor to the store: mirrors its life cycle and records a
// finished run as an undoable step (a quiet first run just replaces the positions and frames them).
// The runtime kills the worker when the explorer unmounts.
import { useEffect } from 'react';
import { setLayoutStatus, setPositions } from '../../core/positions/index.js';
import { useRuntime } from '../../runtime/context.js';
import { fitView } from '../camera.js';

export function LayoutController() {
  const rt = useRuntime();
  useEffect(() => {
    const offStatus = rt.layout.onStatus((s) => {
      // With edge events off the edge programs skip their picking pass (programs.ts) and the edge
      // reducer draws thin lines: each frame stays cheap in software WebGL; nobody clicks moving edges.
      rt.sigma()?.setSetting('enableEdgeEvents', s !== 'running');
      rt.dispatch(setLayoutStatus(s));
    });
    const offStopped = rt.layout.onStopped(({ before, after, quiet }) => {
      if (quiet) {
        rt.dispatch(setPositions(after));
        // The first layout of a view ends framed on what is visible (hidden nodes take no room).
        fitView(rt);
        return;
      }
      // The view before the run had `before`; the undoable step moves it to `after`.
      const state = rt.getState();
      rt.store.setState({ ...state, view: { ...state.view, positions: { ...state.view.positions, ...before } } }, true);
      rt.commitStep(setPositions(after));
    });
    // The layout may have started before this controller mounted (the first view loads meanwhile).
    rt.dispatch(setLayoutStatus(rt.layout.status));
    return () => {
      offStatus();
      offStopped();
      rt.layout.cancel();
    };
  }, [rt]);
  return null;
}
