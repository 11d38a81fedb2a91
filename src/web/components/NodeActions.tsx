// What can be done with the selected node: expand (and "+N more"), only this, hide, lineage, and
// comparing its lineage with another's, and the two ends of a path.
import { expandNode, hideNode, isolate, openLineage, pickPathEnd } from '../actions.js';
import type { WireNode } from '../../shared/graph.js';
import { useApp } from '../core/store.js';
import { CompareWith } from './CompareBox.js';

export function NodeActions({ node }: { node: WireNode }) {
  const id = node.id;
  const more = useApp((s) => s.view.more[id] ?? 0);
  const mode = useApp((s) => s.view.mode);
  const path = useApp((s) => s.view.path);
  const isEntity = node.label === 'Method' || node.label === 'Architecture';
  return (
    <div className="actions">
      <button type="button" onClick={() => void expandNode(id)}>
        Expand
      </button>
      {more > 0 && (
        <button type="button" onClick={() => void expandNode(id, true)} aria-label={`Show ${more} more neighbours`}>
          +{more} more
        </button>
      )}
      <button type="button" onClick={() => isolate(id)} aria-label="Show only this node">
        Only this
      </button>
      <button type="button" onClick={() => hideNode(id)}>
        Hide
      </button>
      {isEntity && mode !== 'lineage' && (
        <button type="button" onClick={() => void openLineage(id)}>
          Lineage
        </button>
      )}
      {isEntity && <CompareWith node={node} />}
      <button type="button" onClick={() => void pickPathEnd('from', id)} aria-pressed={path.from === id}>
        Path from
      </button>
      <button type="button" onClick={() => void pickPathEnd('to', id)} aria-pressed={path.to === id}>
        Path to
      </button>
    </div>
  );
}
