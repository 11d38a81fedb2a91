// The part of the state that lives in the URL (selected node, view mode, lineage root, query and
// parameters): written on every change and read on load, so a link or a reload reopens the view.
import type { AppState, QuerySpec, ViewMode } from '../state.js';

export interface UrlState {
  node: string | null;
  view: ViewMode;
  root: string | null;
  byYear: boolean;
  query: QuerySpec | null;
}

export function toUrlState(state: AppState): UrlState {
  return {
    node: state.selection?.kind === 'node' ? state.selection.id : null,
    view: state.view.mode,
    root: state.view.lineage?.root ?? null,
    byYear: state.view.lineage?.byYear ?? false,
    query: state.query,
  };
}

export function toSearch(url: UrlState): string {
  const p = new URLSearchParams();
  if (url.view === 'lineage' && url.root) {
    p.set('view', 'lineage');
    p.set('root', url.root);
    if (url.byYear) p.set('by', 'year');
  }
  if (url.query?.kind === 'saved') {
    p.set('query', url.query.name);
    if (Object.keys(url.query.params).length) p.set('params', JSON.stringify(url.query.params));
  } else if (url.query?.kind === 'cypher') {
    p.set('cypher', url.query.query);
    if (Object.keys(url.query.params).length) p.set('params', JSON.stringify(url.query.params));
  }
  if (url.node) p.set('node', url.node);
  const s = p.toString();
  return s ? `?${s}` : '';
}

function parseParams(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function fromSearch(search: string): UrlState {
  const p = new URLSearchParams(search);
  const root = p.get('root');
  const view: ViewMode = p.get('view') === 'lineage' && root ? 'lineage' : 'graph';
  const name = p.get('query');
  const cypher = p.get('cypher');
  const params = parseParams(p.get('params'));
  const query: QuerySpec | null = name
    ? { kind: 'saved', name, params }
    : cypher
      ? { kind: 'cypher', query: cypher, params }
      : null;
  return { node: p.get('node'), view, root: view === 'lineage' ? root : null, byYear: p.get('by') === 'year', query };
}
