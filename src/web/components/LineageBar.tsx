// The lineage view's header and evidence list: whose lineage it is, generation or year columns,
// the way back to the graph, and every BUILDS_ON link with its evidence sentence.
import { backToGraph, openLineage } from '../actions.js';
import { setColorEdgesByKind } from '../core/filters/index.js';
import { setLineageByYear } from '../core/positions/index.js';
import { select } from '../core/selection/index.js';
import { isEdgeVisible } from '../core/visibility.js';
import { useApp, useRuntime } from '../runtime/context.js';

export function LineageBar() {
  const rt = useRuntime();
  const mode = useApp((s) => s.view.mode);
  const lineage = useApp((s) => s.view.lineage);
  const root = useApp((s) => (s.view.lineage ? s.view.nodes[s.view.lineage.root] : undefined));
  const byKind = useApp((s) => s.view.colorEdgesByKind);
  const comparing = useApp((s) => s.view.compare !== null);
  if (mode !== 'lineage' || !lineage || comparing) return null;
  return (
    <div className="lineage-bar" role="region" aria-label="Lineage view">
      <strong>Lineage of {root?.name ?? lineage.root}</strong>
      <span className="muted"> · older ← → newer</span>
      <div className="segmented" role="group" aria-label="Columns">
        <button type="button" aria-pressed={!lineage.byYear} onClick={() => rt.commitStep(setLineageByYear(false))}>
          Generations
        </button>
        <button type="button" aria-pressed={lineage.byYear} onClick={() => rt.commitStep(setLineageByYear(true))}>
          By year
        </button>
      </div>
      <label className="inline">
        <input type="checkbox" checked={byKind} onChange={(e) => rt.commitStep(setColorEdgesByKind(e.target.checked))} /> Colour links by
        kind
      </label>
      {lineage.omitted > 0 && (
        <span className="more-note">
          At most 25 per generation: +{lineage.omitted} more{' '}
          <button type="button" onClick={() => void openLineage(rt, lineage.root, lineage.byYear, { all: true })}>
            Show all
          </button>
        </span>
      )}
      <button type="button" onClick={() => void backToGraph(rt)}>
        Back to graph
      </button>
    </div>
  );
}

export function LineageEvidence() {
  const rt = useRuntime();
  const mode = useApp((s) => s.view.mode);
  const edges = useApp((s) => s.view.edges);
  const nodes = useApp((s) => s.view.nodes);
  const view = useApp((s) => s.view);
  if (mode !== 'lineage') return null;
  const links = Object.values(edges).filter((e) => e.type === 'BUILDS_ON' && isEdgeVisible(view, e.id));
  return (
    <section className="lineage-evidence" aria-label="Lineage links and evidence">
      <h3>
        Builds-on links <span className="count">{links.length}</span>
      </h3>
      {links.length === 0 && <p className="muted">No BUILDS_ON links recorded for this node.</p>}
      <ul>
        {links.map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => rt.dispatch(select({ kind: 'edge', id: e.id }))}>
              {nodes[e.source]?.name ?? e.source} → {nodes[e.target]?.name ?? e.target}
            </button>
            {typeof e.properties.kind === 'string' && <span className="muted small"> · {e.properties.kind}</span>}
            {typeof e.properties.evidence === 'string' &&
              (e.properties.source === 'taxonomy' || e.properties.extractor === 'taxonomy' ? (
                <p className="taxonomy-note small">Taxonomy: {e.properties.evidence}</p>
              ) : (
                <blockquote className="evidence">“{e.properties.evidence}”</blockquote>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
