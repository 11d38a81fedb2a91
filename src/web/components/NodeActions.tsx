// What can be done with the selected node: expand (and "+N more"), only this, hide, lineage, and
// comparing its lineage with another's, and the two ends of a path.
import { expandNode, hideNode, isolate, openLineage, pickPathEnd } from '../actions.js';
import type { WireNode } from '../../shared/graph.js';
import { useApp, useRuntime } from '../runtime/context.js';
import { AddBuildsOn } from './AddBuildsOn.js';
import { CompareWith } from './CompareBox.js';

export function NodeActions({ node }: { node: WireNode }) {
  const rt = useRuntime();
  const id = node.id;
  const more = useApp((s) => s.view.more[id] ?? 0);
  const mode = useApp((s) => s.view.mode);
  const path = useApp((s) => s.view.path);
  const isEntity = node.label === 'Method' || node.label === 'Architecture';
  return (
    <div className="actions">
      <button type="button" onClick={() => void expandNode(rt, id)}>
        Expand
      </button>
      {more > 0 && (
        <button type="button" onClick={() => void expandNode(rt, id, true)} aria-label={`Show ${more} more neighbours`}>
          +{more} more
        </button>
      )}
      <button type="button" onClick={() => isolate(rt, id)} aria-label="Show only this node">
        Only this
      </button>
      <button type="button" onClick={() => hideNode(rt, id)}>
        Hide
      </button>
      {isEntity && mode !== 'lineage' && (
        <button type="button" onClick={() => void openLineage(rt, id)}>
          Lineage
        </button>
      )}
      {isEntity && <CompareWith node={node} />}
      <button type="button" onClick={() => void pickPathEnd(rt, 'from', id)} aria-pressed={path.from === id}>
        Path from
      </button>
      <button type="button" onClick={() => void pickPathEnd(rt, 'to', id)} aria-pressed={path.to === id}>
        Path to
      </button>
      {isEntity && <AddBuildsOn key={id} node={node} />}
    </div>
  );
}
