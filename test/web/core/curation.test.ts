// Unit tests of src/web/core/curation: "show rejected" adds rejected links to the view, bringing back an
// end the view no longer draws, placed around the end that is drawn.
import { describe, expect, it } from 'vitest';
import { addRejectedEdges } from '../../../src/web/core/curation/index.js';
import { replaceGraph } from '../../../src/web/core/graph/index.js';
import { initialState } from '../../../src/web/core/state.js';
import { edge, node } from './fixtures.js';

describe('web/core/curation', () => {
  describe('#addRejectedEdges', () => {
    const a = node('method:a', 'Method');
    const b = node('method:b', 'Method');
    const c = node('method:c', 'Method');
    const rejected = (source: string, target: string) => edge('BUILDS_ON', source, target, { curation: 'rejected' });

    it('should add a rejected link between drawn nodes', () => {
      const state = replaceGraph({ nodes: [a, b], edges: [] })(initialState);
      const next = addRejectedEdges([rejected('method:a', 'method:b')], [a, b])(state);
      expect(Object.keys(next.view.edges)).toEqual(['BUILDS_ON:method:a->method:b']);
    });

    it('should bring back the end the view lacks, beside the drawn end', () => {
      const state = replaceGraph({ nodes: [a], edges: [] })(initialState);
      const placed = { ...state, view: { ...state.view, positions: { 'method:a': { x: 10, y: 20 } } } };
      const next = addRejectedEdges([rejected('method:a', 'method:c')], [a, c])(placed);
      expect(next.view.nodes['method:c']).toEqual(c);
      expect(next.view.edges['BUILDS_ON:method:a->method:c']).toBeDefined();
      const at = next.view.positions['method:c']!;
      expect(Math.hypot(at.x - 10, at.y - 20)).toBeGreaterThan(0);
      expect(Math.hypot(at.x - 10, at.y - 20)).toBeLessThan(1000);
    });

    it('should leave the view as it is when no link touches a drawn node', () => {
      const state = replaceGraph({ nodes: [a], edges: [] })(initialState);
      expect(addRejectedEdges([rejected('method:b', 'method:c')], [b, c])(state)).toBe(state);
    });
  });
});
