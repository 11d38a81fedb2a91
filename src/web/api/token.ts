// The curation write token: the URL npm start prints carries it as #token=…; it is moved to this
// tab's sessionStorage and removed from the address bar (so it is not copied with a shared link).
const KEY = 'methodgraph.token';

/** Takes #token=… from the address bar into sessionStorage; call once before the app renders. */
export function captureToken(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  try {
    sessionStorage.setItem(KEY, decodeURIComponent(match[1]!));
  } catch {
    // Storage refused (private mode): the token lives for this page only.
    memory = decodeURIComponent(match[1]!);
  }
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
}

let memory: string | null = null;

export function writeToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}
