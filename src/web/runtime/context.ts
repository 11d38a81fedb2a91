// Hands the mounted explorer's runtime to its components through a React context, and reads its
// store with a selector.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../core/state.js';
import type { GraphRuntime } from './graph-runtime.js';

export const RuntimeContext = createContext<GraphRuntime | null>(null);

export function useRuntime(): GraphRuntime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('web/runtime: useRuntime() is only available inside <App>, which creates the runtime');
  return runtime;
}

/** The part of the mounted explorer's state that `selector` picks; re-renders when it changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useRuntime().store, selector);
}
