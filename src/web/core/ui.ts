// Steps for the rest of the UI: errors with retry, notices, the loading counter, the open panel
// and readiness.
import type { AppError, Panel, Step } from './state.js';

export const setError =
  (error: AppError | null): Step =>
  (state) => ({ ...state, error });

export const setNotice =
  (notice: string | null): Step =>
  (state) =>
    state.notice === notice ? state : { ...state, notice };

export const beginLoading = (): Step => (state) => ({ ...state, loading: state.loading + 1 });
export const endLoading = (): Step => (state) => ({ ...state, loading: Math.max(0, state.loading - 1) });

export const setPanel =
  (panel: Panel): Step =>
  (state) =>
    state.panel === panel ? state : { ...state, panel };

/** Shows or hides the minimap (`m`); not part of the view, so undo leaves it alone. */
export const toggleMinimap =
  (show?: boolean): Step =>
  (state) => {
    const next = show ?? !state.minimap;
    return next === state.minimap ? state : { ...state, minimap: next };
  };

export const setReady = (): Step => (state) => (state.ready ? state : { ...state, ready: true });

export const EXPAND_LIMITS = [5, 10, 25, 50, 100] as const;

export const setExpandLimit =
  (limit: number): Step =>
  (state) =>
    state.expandLimit === limit || !Number.isInteger(limit) || limit < 1 ? state : { ...state, expandLimit: limit };
