// The details tab: the path being picked, the selected node or link, or a hint when nothing is
// selected.
import { findPath } from '../actions.js';
import { clearPath } from '../core/selection/index.js';
import { dispatch, useApp } from '../core/store.js';
import { EdgeDetails } from './EdgeDetails.js';
import { NodeDetails } from './NodeDetails.js';

function PathBox() {
  const path = useApp((s) => s.path);
  const nodes = useApp((s) => s.view.nodes);
  if (!path.from && !path.to) return null;
  const name = (id: string | null) => (id ? (nodes[id]?.name ?? id) : '(pick a node)');
  return (
    <section className="pathbox" aria-label="Path">
      <h3>Path</h3>
      <p>
        From <strong>{name(path.from)}</strong> to <strong>{name(path.to)}</strong>
      </p>
      {path.message && <p role="status">{path.message}</p>}
      {path.nodes.length > 0 && (
        <ol className="path-steps">
          {path.nodes.map((id) => (
            <li key={id}>{name(id)}</li>
          ))}
        </ol>
      )}
      <div className="actions">
        {path.from && path.to && (
          <button type="button" onClick={() => void findPath(path.from!, path.to!)}>
            Find again
          </button>
        )}
        <button type="button" onClick={() => dispatch(clearPath())}>
          Clear path
        </button>
      </div>
    </section>
  );
}

export function DetailsPanel() {
  const selection = useApp((s) => s.selection);
  return (
    <div className="panel-body">
      <PathBox />
      {selection?.kind === 'node' && <NodeDetails key={selection.id} id={selection.id} />}
      {selection?.kind === 'edge' && <EdgeDetails key={selection.id} id={selection.id} />}
      {!selection && (
        <p className="muted hint">
          Click a node or a link to see its details. Double-click a node to expand it. Press <kbd>/</kbd> to search.
        </p>
      )}
    </div>
  );
}
