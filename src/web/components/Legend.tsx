// The legend: one toggle per node label and per relationship type in the view (undoable filters),
// the communities when colouring by community, the lineage kinds when links are coloured by kind,
// and the confidence slider that hides weak lineage links everywhere.
import { BUILDS_ON_KINDS, RELATIONSHIP_TYPES, WIRE_LABELS } from '../../shared/graph.js';
import { setMinConfidence, toggleLabel, toggleType } from '../core/filters/index.js';
import { COMMUNITY_COLORS, KIND_COLORS, LABEL_COLORS, TYPE_COLORS, UNKNOWN_KIND_COLOR } from '../types.js';
import { useApp, useRuntime } from '../runtime/context.js';

function ConfidenceSlider() {
  const rt = useRuntime();
  const min = useApp((s) => s.view.filters.minConfidence);
  return (
    <label className="confidence">
      <span>
        Lineage confidence ≥ <output>{min.toFixed(2)}</output>
      </span>
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={min}
        aria-label="Hide lineage links below this confidence"
        onChange={(e) => rt.commitStep(setMinConfidence(Number(e.target.value)))}
      />
    </label>
  );
}

function Communities() {
  const communities = useApp((s) => s.communities);
  if (communities.length === 0) return <div className="legend-note">Finding communities…</div>;
  const shown = communities.slice(0, COMMUNITY_COLORS.length);
  return (
    <ul className="legend-list" aria-label="Communities">
      {shown.map((c) => (
        <li key={c.id} className="legend-item" title={c.examples.join(', ')}>
          <span className="dot" style={{ background: COMMUNITY_COLORS[c.id % COMMUNITY_COLORS.length] }} aria-hidden="true" />
          <span className="legend-text">{c.examples.slice(0, 2).join(', ') || `Community ${c.id + 1}`}</span>
          <span className="count">{c.size}</span>
        </li>
      ))}
      {communities.length > shown.length && (
        <li className="legend-note">+{communities.length - shown.length} smaller communities (colours repeat)</li>
      )}
    </ul>
  );
}

function Kinds() {
  return (
    <ul className="legend-list" aria-label="Lineage kinds">
      {BUILDS_ON_KINDS.map((k) => (
        <li key={k} className="legend-item">
          <span className="bar" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
          {k}
        </li>
      ))}
      <li className="legend-item">
        <span className="bar" style={{ background: UNKNOWN_KIND_COLOR }} aria-hidden="true" />
        kind not recorded
      </li>
    </ul>
  );
}

export function Legend() {
  const rt = useRuntime();
  const nodes = useApp((s) => s.view.nodes);
  const edges = useApp((s) => s.view.edges);
  const hiddenLabels = useApp((s) => s.view.filters.hiddenLabels);
  const hiddenTypes = useApp((s) => s.view.filters.hiddenTypes);
  const colorBy = useApp((s) => s.view.colorBy);
  const byKind = useApp((s) => s.view.colorEdgesByKind);
  const counts = new Map<string, number>();
  for (const n of Object.values(nodes)) counts.set(n.label, (counts.get(n.label) ?? 0) + 1);
  const typeCounts = new Map<string, number>();
  for (const e of Object.values(edges)) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
  const labels = WIRE_LABELS.filter((l) => counts.has(l));
  const types = RELATIONSHIP_TYPES.filter((t) => typeCounts.has(t));
  if (labels.length === 0) return null;
  return (
    <nav className="legend" aria-label="Legend: show or hide node labels and link types">
      {colorBy === 'community' ? (
        <>
          <div className="legend-note">Coloured by community</div>
          <Communities />
        </>
      ) : null}
      <div className="legend-columns">
        <div>
          {labels.map((label) => {
            const hidden = hiddenLabels.includes(label);
            return (
              <button
                type="button"
                key={label}
                className={hidden ? 'legend-item off' : 'legend-item'}
                aria-pressed={!hidden}
                aria-label={`${hidden ? 'Show' : 'Hide'} ${label} nodes (${counts.get(label)})`}
                onClick={() => rt.commitStep(toggleLabel(label))}
              >
                {colorBy === 'label' ? (
                  <span className="dot" style={{ background: LABEL_COLORS[label] }} aria-hidden="true" />
                ) : (
                  <span className="dot hollow" aria-hidden="true" />
                )}
                {label} <span className="count">{counts.get(label)}</span>
              </button>
            );
          })}
        </div>
        <div>
          {types.map((type) => {
            const hidden = hiddenTypes.includes(type);
            return (
              <button
                type="button"
                key={type}
                className={hidden ? 'legend-item off' : 'legend-item'}
                aria-pressed={!hidden}
                aria-label={`${hidden ? 'Show' : 'Hide'} ${type} links (${typeCounts.get(type)})`}
                onClick={() => rt.commitStep(toggleType(type))}
              >
                <span className="bar" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
                {type} <span className="count">{typeCounts.get(type)}</span>
              </button>
            );
          })}
        </div>
      </div>
      {byKind && <Kinds />}
      <ConfidenceSlider />
    </nav>
  );
}
