// Filters: node labels, relationship types and a paper year range (all undoable), and colouring
// by label or by Louvain community.
import { RELATIONSHIP_TYPES, WIRE_LABELS } from '../../shared/graph.js';
import { resetFilters, setColorBy, setProposersOnly, setYearRange, toggleLabel, toggleType, yearBounds } from '../core/filters/index.js';
import { LABEL_COLORS, TYPE_COLORS } from '../types.js';
import { useApp, useRuntime } from '../runtime/context.js';

export function FiltersPanel() {
  const rt = useRuntime();
  const view = useApp((s) => s.view);
  const { hiddenLabels, hiddenTypes, years } = view.filters;
  const bounds = yearBounds(view);
  const range = years ?? bounds;
  const types = new Set(Object.values(view.edges).map((e) => e.type));
  const labels = new Set(Object.values(view.nodes).map((n) => n.label));
  const setYear = (i: 0 | 1, value: number) => {
    if (!range || !Number.isFinite(value)) return;
    const next: [number, number] = i === 0 ? [value, range[1]] : [range[0], value];
    rt.commitStep(setYearRange(next));
  };
  return (
    <div className="panel-body filters">
      <fieldset>
        <legend>Node labels</legend>
        {WIRE_LABELS.filter((l) => labels.has(l)).map((l) => (
          <label key={l} className="check">
            <input type="checkbox" checked={!hiddenLabels.includes(l)} onChange={() => rt.commitStep(toggleLabel(l))} />
            <span className="dot" style={{ background: LABEL_COLORS[l] }} aria-hidden="true" /> {l}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={view.filters.proposersOnly} onChange={(e) => rt.commitStep(setProposersOnly(e.target.checked))} />{' '}
          Only papers that propose what is drawn
        </label>
      </fieldset>
      <fieldset>
        <legend>Relationship types</legend>
        {RELATIONSHIP_TYPES.filter((t) => types.has(t)).map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={!hiddenTypes.includes(t)} onChange={() => rt.commitStep(toggleType(t))} />
            <span className="bar" style={{ background: TYPE_COLORS[t] }} aria-hidden="true" /> {t}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Paper years</legend>
        {bounds && range ? (
          <div className="years">
            <label>
              From
              <input
                type="number"
                aria-label="From year"
                min={bounds[0]}
                max={bounds[1]}
                value={range[0]}
                onChange={(e) => setYear(0, Number(e.target.value))}
              />
            </label>
            <label>
              To
              <input
                type="number"
                aria-label="To year"
                min={bounds[0]}
                max={bounds[1]}
                value={range[1]}
                onChange={(e) => setYear(1, Number(e.target.value))}
              />
            </label>
            {years && (
              <button type="button" onClick={() => rt.commitStep(setYearRange(null))}>
                All years
              </button>
            )}
          </div>
        ) : (
          <p className="muted">No paper in the view has a year.</p>
        )}
      </fieldset>
      <fieldset>
        <legend>Colour</legend>
        <label className="check">
          <input type="radio" name="colorby" checked={view.colorBy === 'label'} onChange={() => rt.commitStep(setColorBy('label'))} /> By
          label
        </label>
        <label className="check">
          <input
            type="radio"
            name="colorby"
            checked={view.colorBy === 'community'}
            onChange={() => rt.commitStep(setColorBy('community'))}
          />{' '}
          By community (Louvain)
        </label>
      </fieldset>
      <button type="button" onClick={() => rt.commitStep(resetFilters())}>
        Reset filters
      </button>
    </div>
  );
}
