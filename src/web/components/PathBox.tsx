// The path being looked at: its two ends, the relationship types it may follow (lineage by
// default), and each step with the relation that joins it and that link's evidence.
import { RELATIONSHIP_TYPES, type RelationshipType, type WireEdge } from '../../shared/graph.js';
import { choosePathTypes, findPath } from '../actions.js';
import { clearPath, select } from '../core/selection/index.js';
import { LINEAGE_PATH_TYPES } from '../core/state.js';
import { useApp, useRuntime } from '../runtime/context.js';

function evidenceOf(edge: WireEdge | undefined): string | null {
  const ev = edge?.properties.evidence;
  return typeof ev === 'string' && ev ? ev : null;
}

export function PathBox() {
  const rt = useRuntime();
  const path = useApp((s) => s.view.path);
  const nodes = useApp((s) => s.view.nodes);
  const edges = useApp((s) => s.view.edges);
  if (!path.from && !path.to) return null;
  const name = (id: string | null) => (id ? (nodes[id]?.name ?? id) : '(pick a node)');
  const toggle = (t: RelationshipType) => {
    const next = path.via.includes(t) ? path.via.filter((x) => x !== t) : [...path.via, t];
    void choosePathTypes(rt, next.length ? next : LINEAGE_PATH_TYPES);
  };
  return (
    <section className="pathbox" aria-label="Path">
      <h3>Path</h3>
      <p>
        From <strong>{name(path.from)}</strong> to <strong>{name(path.to)}</strong>
      </p>
      <fieldset className="path-types">
        <legend>Follow links of type</legend>
        {RELATIONSHIP_TYPES.map((t) => (
          <label key={t} className="check inline-check">
            <input type="checkbox" checked={path.via.includes(t)} onChange={() => toggle(t)} /> {t}
          </label>
        ))}
      </fieldset>
      {path.message && <p role="status">{path.message}</p>}
      {path.nodes.length > 0 && (
        <ol className="path-steps" aria-label="Path steps">
          {path.nodes.map((id, i) => {
            const edge = i > 0 ? edges[path.edges[i - 1] ?? ''] : undefined;
            const forward = edge ? edge.source === path.nodes[i - 1] : true;
            const ev = evidenceOf(edge);
            return (
              <li key={`${id}-${i}`}>
                {edge && (
                  <div className="path-link">
                    <button type="button" className="link small" onClick={() => rt.dispatch(select({ kind: 'edge', id: edge.id }))}>
                      {forward ? `—${edge.type}→` : `←${edge.type}—`}
                    </button>
                    {ev && <blockquote className="evidence small">“{ev}”</blockquote>}
                  </div>
                )}
                <span className="path-node">{name(id)}</span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="actions">
        {path.from && path.to && (
          <button type="button" onClick={() => void findPath(rt, path.from!, path.to!)}>
            Find again
          </button>
        )}
        <button type="button" onClick={() => rt.commitStep(clearPath())}>
          Clear path
        </button>
      </div>
    </section>
  );
}
