// The explorer's zustand store, one per mounted explorer. `dispatch` applies a step; `commitStep`
// applies an undoable step, first folding in positions a running layout has moved (so undo restores
// what the user saw).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { commit } from './history/index.js';
import { initialState, type AppState, type Point, type Step } from './state.js';

export interface AppStore {
  /** The zustand store itself, for subscriptions and React's useStore. */
  readonly store: StoreApi<AppState>;
  getState(): AppState;
  dispatch(step: Step): void;
  commitStep(step: Step): void;
}

/** `livePositions` gives the positions a running layout has reached, or null when none runs. */
export function createAppStore(livePositions: () => Record<string, Point> | null = () => null): AppStore {
  const store = createStore<AppState>()(() => initialState);
  return {
    store,
    getState: () => store.getState(),
    dispatch(step) {
      const cur = store.getState();
      const next = step(cur);
      if (next !== cur) store.setState(next, true);
    },
    commitStep(step) {
      const cur = store.getState();
      const live = livePositions();
      const base = live ? { ...cur, view: { ...cur.view, positions: { ...cur.view.positions, ...live } } } : cur;
      const next = commit(step)(base);
      if (next !== cur) store.setState(next, true);
    },
  };
}
