// The explorer: creates its runtime (store, graph, renderer slot, layout worker) per mount and
// disposes it on unmount; inside it, the page's layout and global behaviour: first load, keyboard
// shortcuts (/, Esc, m, Ctrl+Z, Ctrl+Shift+Z) and keeping the URL in step with the state.
import { useEffect, useRef, useState } from 'react';
import { loadInitial } from './actions.js';
import { redo, undo } from './core/history/index.js';
import { clearSelection } from './core/selection/index.js';
import { toggleMinimap } from './core/ui.js';
import { toSearch, toUrlState } from './core/url/index.js';
import { RuntimeContext, useApp, useRuntime } from './runtime/context.js';
import { createGraphRuntime, type GraphRuntime } from './runtime/graph-runtime.js';
import { GraphCanvas } from './graph/GraphCanvas.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { Legend } from './components/Legend.js';
import { LineageBar } from './components/LineageBar.js';
import { CompareBar } from './components/CompareBox.js';
import { SearchBox } from './components/SearchBox.js';
import { SidePanel } from './components/SidePanel.js';
import { TablePanel } from './components/TablePanel.js';
import { Toolbar } from './components/Toolbar.js';
import { ViewSummary } from './components/ViewSummary.js';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

export interface AppProps {
  /** How long the layouts the explorer starts by itself run (the page's `?layout=MS`); the product's durations when absent. */
  layoutMs?: number | null;
}

export function App({ layoutMs = null }: AppProps = {}) {
  const [runtime, setRuntime] = useState<GraphRuntime | null>(null);
  // Created in an effect, not during render, so that every mount (StrictMode mounts twice) gets its
  // own runtime and every unmount disposes the one it created.
  useEffect(() => {
    const rt = createGraphRuntime({ layoutMs });
    setRuntime(rt);
    return () => {
      rt.dispose();
      setRuntime(null);
    };
  }, [layoutMs]);
  if (!runtime) return null;
  return (
    <RuntimeContext.Provider value={runtime}>
      <Explorer />
    </RuntimeContext.Provider>
  );
}

function Explorer() {
  const rt = useRuntime();
  const search = useRef<HTMLInputElement>(null);
  const loading = useApp((s) => s.loading > 0);
  const empty = useApp((s) => s.ready === false && s.loading === 0 && Object.keys(s.view.nodes).length === 0);

  // Per mount: load the first view, then keep the URL in step with the state until unmount.
  useEffect(() => {
    let urlLive = false;
    let mounted = true;
    void loadInitial(rt).finally(() => {
      if (!mounted) return;
      urlLive = true;
      const next = toSearch(toUrlState(rt.getState()));
      if (next !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${next}`);
    });
    const unsubscribe = rt.store.subscribe((state, prev) => {
      if (!urlLive) return;
      if (state.selection === prev.selection && state.view === prev.view && state.query === prev.query) return;
      const next = toSearch(toUrlState(state));
      if (next !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${next}`);
    });
    return () => {
      mounted = false;
      unsubscribe();
    };
  }, [rt]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isEditable(e.target)) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if ((e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
        rt.dispatch(toggleMinimap());
      } else if (e.key === 'Escape' && !isEditable(e.target)) {
        rt.dispatch(clearSelection());
      } else if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !isEditable(e.target)) {
        e.preventDefault();
        rt.dispatch(e.shiftKey ? redo() : undo());
      } else if ((e.ctrlKey || e.metaKey) && e.key === 'y' && !isEditable(e.target)) {
        e.preventDefault();
        rt.dispatch(redo());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rt]);

  return (
    <div className="app">
      <a className="skip" href="#side">
        Skip to side panel
      </a>
      <header className="top">
        <h1>
          method<span>graph</span>
        </h1>
        <SearchBox ref={search} />
        <Toolbar />
        {loading && (
          <span className="spinner" role="status" aria-label="Loading">
            Loading…
          </span>
        )}
      </header>
      <ErrorBanner />
      <main className="main">
        <section className="stage" aria-label="Graph">
          {/* Over the graph, not above it: a bar that comes, goes or wraps differently must not resize
              the canvas (a resize re-allocates every layer); Fit frames the graph below them. */}
          <div className="stage-top">
            <LineageBar />
            <CompareBar />
            <ViewSummary />
            <Legend />
          </div>
          <div className="canvas-wrap">
            <GraphCanvas />
            {empty && <p className="empty-state center">Loading the graph…</p>}
          </div>
          <TablePanel />
        </section>
        <div id="side" className="side-wrap">
          <SidePanel />
        </div>
      </main>
    </div>
  );
}
