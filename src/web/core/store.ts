// The one zustand store. `dispatch` applies a step; `commitStep` applies an undoable step, first
// folding in positions a running layout has moved (so undo restores what the user saw).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { commit } from './history/index.js';
import { initialState, type AppState, type Point, type Step } from './state.js';

export const store = createStore<AppState>()(() => initialState);

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(store, selector);
}

export function getState(): AppState {
  return store.getState();
}

export function dispatch(step: Step): void {
  const cur = store.getState();
  const next = step(cur);
  if (next !== cur) store.setState(next, true);
}

let livePositions: (() => Record<string, Point> | null) | null = null;

/** The layout controller registers where to read positions from while the layout runs. */
export function setLivePositionSource(source: (() => Record<string, Point> | null) | null): void {
  livePositions = source;
}

export function commitStep(step: Step): void {
  const cur = store.getState();
  const live = livePositions?.();
  const base = live ? { ...cur, view: { ...cur.view, positions: { ...cur.view.positions, ...live } } } : cur;
  const next = commit(step)(base);
  if (next !== cur) store.setState(next, true);
}
