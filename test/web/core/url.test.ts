// Unit tests of src/web/core/url: what of the state goes into the URL and comes back on reload.
import { describe, expect, it } from 'vitest';
import { replaceGraph } from '../../../src/web/core/graph/index.js';
import { select } from '../../../src/web/core/selection/index.js';
import { firstViewFilters, initialState } from '../../../src/web/core/state.js';
import { fromSearch, overviewTop, toSearch, toUrlState, type UrlState } from '../../../src/web/core/url/index.js';
import { smallGraph } from './fixtures.js';

const loaded = () => replaceGraph(smallGraph())({ ...initialState, view: { ...initialState.view, filters: firstViewFilters } });

const blankUrl: UrlState = {
  node: null,
  view: 'graph',
  root: null,
  byYear: false,
  query: null,
  filters: firstViewFilters,
  hidden: [],
  isolated: null,
  expanded: [],
  colorBy: 'label',
  edgeKinds: false,
  path: null,
  showRejected: false,
  compare: null,
};

describe('web/core/url', () => {
  describe('#toSearch and #fromSearch', () => {
    it('should round-trip the selected node, lineage view and saved query', () => {
      const url = {
        ...blankUrl,
        node: 'method:sma',
        view: 'lineage' as const,
        root: 'architecture:seqboat',
        byYear: true,
        query: { kind: 'saved' as const, name: 'what-builds-on', params: { id: 'method:sma', depth: 2 } },
      };
      expect(fromSearch(toSearch(url))).toEqual(url);
    });

    it('should round-trip two compared methods as ?compare=a,b, by year too, and ignore a broken pair', () => {
      const url = {
        ...blankUrl,
        view: 'lineage' as const,
        root: 'architecture:clip',
        byYear: true,
        compare: ['architecture:clip', 'architecture:align'] as [string, string],
      };
      expect(toSearch(url)).toBe('?compare=architecture%3Aclip%2Carchitecture%3Aalign&by=year');
      expect(fromSearch(toSearch(url))).toEqual(url);
      expect(fromSearch('?compare=architecture:clip').compare).toBeNull();
      expect(fromSearch('?compare=architecture:clip,architecture:clip').view).toBe('graph');
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
        filters: {
          hiddenLabels: ['Concept'],
          hiddenTypes: ['MENTIONS', 'CITES'],
          years: [2019, 2023],
          minConfidence: 0.7,
          proposersOnly: false,
        },
        hidden: ['paper:a', 'paper:b'],
        isolated: 'method:sma',
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

describe('web/core/url › show rejected', () => {
  it('should keep "show rejected" in the URL and read it back into the filters', () => {
    const search = toSearch({ ...blankUrl, showRejected: true });
    expect(search).toBe('?rejected=show');
    const back = fromSearch(search);
    expect(back.showRejected).toBe(true);
    expect(back.filters.showRejected).toBe(true);
    expect(fromSearch('').filters.showRejected).toBeUndefined();
  });
});

describe('web/core/url', () => {
  describe('#overviewTop', () => {
    it('should take ?overview=N within range and fall back otherwise', () => {
      expect(overviewTop('', 250, 2000)).toBe(250);
      expect(overviewTop('?overview=2000', 250, 2000)).toBe(2000);
      expect(overviewTop('?overview=2001', 250, 2000)).toBe(250);
      expect(overviewTop('?overview=abc', 250, 2000)).toBe(250);
      expect(overviewTop('?overview=0', 250, 2000)).toBe(250);
    });
  });
});
