// The colour legend: one button per node label present in the view with its count; clicking it
// hides or shows that label (an undoable filter).
import { NODE_LABELS } from '../../shared/graph.js';
import { toggleLabel } from '../core/filters/index.js';
import { commitStep, useApp } from '../core/store.js';
import { LABEL_COLORS } from '../types.js';

export function Legend() {
  const nodes = useApp((s) => s.view.nodes);
  const hiddenLabels = useApp((s) => s.view.filters.hiddenLabels);
  const colorBy = useApp((s) => s.view.colorBy);
  const counts = new Map<string, number>();
  for (const n of Object.values(nodes)) counts.set(n.label, (counts.get(n.label) ?? 0) + 1);
  const labels = NODE_LABELS.filter((l) => counts.has(l));
  if (labels.length === 0) return null;
  return (
    <nav className="legend" aria-label="Legend: show or hide node labels">
      {colorBy === 'community' && <div className="legend-note">Coloured by community</div>}
      {labels.map((label) => {
        const hidden = hiddenLabels.includes(label);
        return (
          <button
            type="button"
            key={label}
            className={hidden ? 'legend-item off' : 'legend-item'}
            aria-pressed={!hidden}
            aria-label={`${hidden ? 'Show' : 'Hide'} ${label} nodes (${counts.get(label)})`}
            onClick={() => commitStep(toggleLabel(label))}
          >
            <span className="dot" style={{ background: LABEL_COLORS[label] }} aria-hidden="true" />
            {label} <span className="count">{counts.get(label)}</span>
          </button>
        );
      })}
    </nav>
  );
}
