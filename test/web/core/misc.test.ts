// Unit tests of the smaller store modules: selection and path, query results, URL state, search
// helpers, abstract highlighting, CSV and UI steps.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/web/core/csv.js';
import { replaceGraph } from '../../../src/web/core/graph/index.js';
import { highlightSegments } from '../../../src/web/core/highlight.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { applyQueryResult } from '../../../src/web/core/query/index.js';
import { moveActive, shouldSearch } from '../../../src/web/core/search/index.js';
import { clearPath, clearSelection, select, setPathEnd, setPathResult } from '../../../src/web/core/selection/index.js';
import { firstViewFilters, initialState } from '../../../src/web/core/state.js';
import { beginLoading, endLoading, setError, setPanel } from '../../../src/web/core/ui.js';
import { fromSearch, toSearch, toUrlState, type UrlState } from '../../../src/web/core/url/index.js';
import { node, smallGraph } from './fixtures.js';

const loaded = () => replaceGraph(smallGraph())({ ...initialState, view: { ...initialState.view, filters: firstViewFilters } });

const blankUrl: UrlState = {
  node: null,
  view: 'graph',
  root: null,
  byYear: false,
  query: null,
  filters: firstViewFilters,
  hidden: [],
  expanded: [],
  colorBy: 'label',
  edgeKinds: false,
  path: null,
};

describe('web/core/selection', () => {
  describe('#select', () => {
    it('should select a node, open the details panel and keep identity for the same selection', () => {
      const state = select({ kind: 'node', id: 'method:sma' })(setPanel('queries')(loaded()));
      expect(state.selection).toEqual({ kind: 'node', id: 'method:sma' });
      expect(state.panel).toBe('details');
      expect(select({ kind: 'node', id: 'method:sma' })(state)).toBe(state);
      expect(clearSelection()(state).selection).toBeNull();
    });
  });

  describe('#setPathEnd and #setPathResult', () => {
    it('should remember both ends and the path found, and forget it when an end changes', () => {
      let state = setPathEnd('from', 'method:sma')(loaded());
      state = setPathEnd('to', 'dataset:lra')(state);
      state = setPathResult(['method:sma', 'paper:seqboat', 'dataset:lra'], ['e1', 'e2'], 'ok')(state);
      expect(state.view.path).toMatchObject({ from: 'method:sma', to: 'dataset:lra', nodes: ['method:sma', 'paper:seqboat', 'dataset:lra'] });
      expect(setPathEnd('to', 'paper:mamba')(state).view.path.nodes).toEqual([]);
      expect(clearPath()(state).view.path.from).toBeNull();
    });
  });
});

describe('web/core/query', () => {
  describe('#applyQueryResult', () => {
    const table = { title: 't', columns: ['n'], rows: [['x']], capped: false };
    it('should replace the view, or add to it, and keep the table', () => {
      const spec = { kind: 'saved' as const, name: 'q', params: {} };
      const replaced = applyQueryResult(spec, { nodes: [node('method:x', 'Method')], edges: [] }, table, 'replace')(loaded());
      expect(Object.keys(replaced.view.nodes)).toEqual(['method:x']);
      const added = applyQueryResult(spec, { nodes: [node('method:x', 'Method')], edges: [] }, table, 'add')(loaded());
      expect(Object.keys(added.view.nodes)).toHaveLength(6);
      expect(added.table).toBe(table);
      expect(added.query).toBe(spec);
    });

    it('should leave the view alone for an empty result and be undoable', () => {
      const state = loaded();
      const empty = applyQueryResult({ kind: 'cypher', query: 'RETURN 1', params: {} }, { nodes: [], edges: [] }, { ...table, rows: [] }, 'replace')(state);
      expect(empty.view).toBe(state.view);
      const replaced = commit(applyQueryResult({ kind: 'cypher', query: 'q', params: {} }, { nodes: [node('method:x', 'Method')], edges: [] }, table, 'replace'))(state);
      expect(undo()(replaced).view).toBe(state.view);
    });
  });
});

describe('web/core/url', () => {
  describe('#toSearch and #fromSearch', () => {
    it('should round-trip the selected node, lineage view and saved query', () => {
      const url = { ...blankUrl, node: 'method:sma', view: 'lineage' as const, root: 'architecture:seqboat', byYear: true, query: { kind: 'saved' as const, name: 'what-builds-on', params: { id: 'method:sma', depth: 2 } } };
      expect(fromSearch(toSearch(url))).toEqual(url);
    });

    it('should round-trip ad-hoc Cypher and ignore broken parameters', () => {
      const url = { ...blankUrl, query: { kind: 'cypher' as const, query: 'MATCH (n) RETURN n', params: {} } };
      expect(fromSearch(toSearch(url))).toEqual(url);
      expect(fromSearch('?query=x&params=%7Bbroken').query).toEqual({ kind: 'saved', name: 'x', params: {} });
      expect(fromSearch('?view=lineage').view).toBe('graph');
    });

    it('should round-trip filters, the confidence threshold, hidden and expanded nodes, colouring and the path', () => {
      const url: UrlState = {
        ...blankUrl,
        filters: { hiddenLabels: ['Concept'], hiddenTypes: ['MENTIONS', 'CITES'], years: [2019, 2023], minConfidence: 0.7, proposersOnly: false },
        hidden: ['paper:a', 'paper:b'],
        expanded: ['method:sma', 'architecture:seqboat'],
        colorBy: 'community',
        edgeKinds: true,
        path: { from: 'method:sma', to: 'dataset:lra', via: ['BUILDS_ON', 'EVALUATED_ON'] },
      };
      expect(fromSearch(toSearch(url))).toEqual(url);
      expect(toSearch(blankUrl)).toBe('');
      expect(fromSearch('?conf=0.2').filters).toEqual({ ...firstViewFilters, minConfidence: 0.2 });
      expect(fromSearch('?conf=7').filters.minConfidence).toBe(0.5);
      expect(fromSearch('?from=method%3Asma').path).toEqual({ from: 'method:sma', to: null, via: ['BUILDS_ON', 'PROPOSES', 'USES'] });
    });

    it('should read the URL state from the app state', () => {
      const state = select({ kind: 'node', id: 'method:sma' })(loaded());
      expect(toSearch(toUrlState(state))).toBe('?node=method%3Asma');
      expect(toSearch(toUrlState(initialState))).toBe('');
    });
  });
});

describe('web/core/search', () => {
  describe('#shouldSearch and #moveActive', () => {
    it('should wait for two characters and wrap the active suggestion', () => {
      expect(shouldSearch(' m ')).toBe(false);
      expect(shouldSearch('kd')).toBe(true);
      expect(moveActive(-1, 1, 3)).toBe(0);
      expect(moveActive(2, 1, 3)).toBe(0);
      expect(moveActive(0, -1, 3)).toBe(2);
      expect(moveActive(0, 1, 0)).toBe(-1);
    });
  });
});

describe('web/core/highlight', () => {
  describe('#highlightSegments', () => {
    it('should mark whole-word mentions of names and aliases, longest first', () => {
      const entities = [
        { id: 'method:sma', label: 'Method', terms: ['SMA', 'Sparse Modular Activation'] },
        { id: 'architecture:seqboat', label: 'Architecture', terms: ['SeqBoat'] },
      ];
      const segs = highlightSegments('We introduce Sparse Modular Activation (SMA); SeqBoat uses SMA. SMAx is not it.', entities);
      const marked = segs.filter((s) => s.entity).map((s) => s.text);
      expect(marked).toEqual(['Sparse Modular Activation', 'SMA', 'SeqBoat', 'SMA']);
      expect(segs.map((s) => s.text).join('')).toBe('We introduce Sparse Modular Activation (SMA); SeqBoat uses SMA. SMAx is not it.');
    });

    it('should return the text whole when nothing matches', () => {
      expect(highlightSegments('plain', [])).toEqual([{ text: 'plain' }]);
    });
  });
});

describe('web/core/csv', () => {
  describe('#toCsv', () => {
    it('should quote commas, quotes and newlines and serialise objects', () => {
      expect(toCsv({ columns: ['a', 'b'], rows: [['x,y', 'say "hi"'], [null, { n: 1 }]] })).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"{""n"":1}"\r\n');
    });
  });
});

describe('web/core/ui', () => {
  describe('#setError and loading', () => {
    it('should hold an error and count concurrent loads', () => {
      const s = endLoading()(beginLoading()(beginLoading()(setError({ message: 'down' })(initialState))));
      expect(s.error?.message).toBe('down');
      expect(s.loading).toBe(1);
      expect(endLoading()(endLoading()(s)).loading).toBe(0);
    });
  });
});
