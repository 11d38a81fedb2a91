// Entry point of the explorer: takes the curation token from the URL, then mounts the React app on #root. `window.__methodgraphRoot` unmounts
// and mounts it again, so that end-to-end tests can check that an unmount frees the renderer and
// the layout worker and that the next mount starts afresh.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App.js';
import { captureToken } from './api/token.js';
import { layoutMsFromSearch } from './core/url/index.js';
import './styles.css';

export interface RootHandle {
  mount(): void;
  unmount(): void;
}

declare global {
  interface Window {
    __methodgraphRoot?: RootHandle;
  }
}

// Read once, as the page opens: the explorer rewrites the URL to its own state after the first load.
const layoutMs = layoutMsFromSearch(window.location.search);

function mountApp(): Root {
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <StrictMode>
      <App layoutMs={layoutMs} />
    </StrictMode>,
  );
  return root;
}

// Before anything writes the URL: the curation token leaves the address bar for sessionStorage.
captureToken();

let root: Root | null = mountApp();

window.__methodgraphRoot = {
  mount() {
    root ??= mountApp();
  },
  unmount() {
    root?.unmount();
    root = null;
  },
};
